import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { expectRefused, seedWorkflow } from '../../test/support/workflow-fixture.ts';
import { acknowledgeTask } from './acknowledge-task.ts';

describeEachDatabase('acknowledgeTask', (current) => {
  it('marks the task acknowledged by the owner, audited', async () => {
    const f = await seedWorkflow(current());
    const result = await acknowledgeTask(f.as(f.actors.approval), { taskId: f.taskId });
    expect(result).toEqual({ taskId: f.taskId, acknowledgedAt: '2024-05-10T02:00:00.000Z', version: 2 });
    const task = await current()
      .db.selectFrom('tasks')
      .selectAll()
      .where('id', '=', f.taskId)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({
      status: 'acknowledged',
      acknowledged_by: f.actors.approval.userId,
      version: 2,
    });
    const audit = await current().db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => a.action)).toEqual(['task.acknowledge']);
  });

  it('refuses a second acknowledgement with CONFLICT, strangers with NOT_FOUND, leaders with FORBIDDEN', async () => {
    const f = await seedWorkflow(current());
    await acknowledgeTask(f.as(f.actors.office), { taskId: f.taskId });
    await expectRefused(current(), 'CONFLICT', () =>
      acknowledgeTask(f.as(f.actors.office), { taskId: f.taskId }),
    );
    await expectRefused(current(), 'NOT_FOUND', () =>
      acknowledgeTask(f.as(f.actors.personnel), { taskId: f.taskId }),
    );
    await expectRefused(current(), 'NOT_FOUND', () =>
      acknowledgeTask(f.as(f.actors.otherLeader), { taskId: f.taskId }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      acknowledgeTask(f.as(f.actors.leader), { taskId: f.taskId }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      acknowledgeTask(f.as(f.actors.supervisor), { taskId: f.taskId }),
    );
  });

  it('refuses tasks of an unpublished plan with CONFLICT', async () => {
    const f = await seedWorkflow(current());
    await current().db.updateTable('plans').set({ status: 'closed' }).execute();
    await expectRefused(current(), 'CONFLICT', () =>
      acknowledgeTask(f.as(f.actors.office), { taskId: f.taskId }),
    );
  });
});
