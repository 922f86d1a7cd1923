import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { addUnit } from '../../test/support/factories.ts';
import { expectRefused, seedWorkflow } from '../../test/support/workflow-fixture.ts';
import { listTaskUnits } from '../db/queries/tasks.ts';
import { editTask } from './edit-task.ts';
import { isAppError } from './errors.ts';

describeEachDatabase('editTask', (current) => {
  it('changes due date and owners, audited with before and after', async () => {
    const f = await seedWorkflow(current());
    const result = await editTask(f.as(f.actors.supervisor), {
      taskId: f.taskId,
      version: 1,
      dueOn: '2024-06-30',
      leadUnitId: f.units.approval,
      coUnitIds: [f.units.office, f.units.personnel],
    });
    expect(result).toMatchObject({ version: 2, dueOn: '2024-06-30', leadUnitId: f.units.approval });
    expect(await listTaskUnits(current().db, f.taskId)).toEqual([
      { unitId: f.units.approval, role: 'lead' },
      { unitId: f.units.office, role: 'co' },
      { unitId: f.units.personnel, role: 'co' },
    ]);
    const audit = await current().db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit.action).toBe('task.edit');
    expect(JSON.parse(audit.before ?? '{}')).toEqual({
      dueOn: '2024-12-31',
      leadUnitId: f.units.office,
      coUnitIds: [f.units.approval],
      version: 1,
    });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({
      dueOn: '2024-06-30',
      leadUnitId: f.units.approval,
      version: 2,
    });
  });

  it('two simultaneous edits with the same version: exactly one wins, the other gets CONFLICT', async () => {
    const f = await seedWorkflow(current());
    const results = await Promise.allSettled([
      editTask(f.as(f.actors.supervisor), { taskId: f.taskId, version: 1, dueOn: '2024-06-30' }),
      editTask(f.as(f.actors.admin), { taskId: f.taskId, version: 1, dueOn: '2024-09-30' }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isAppError(lost[0]?.status === 'rejected' ? lost[0].reason : null, 'CONFLICT')).toBe(true);
    const task = await current()
      .db.selectFrom('tasks')
      .selectAll()
      .where('id', '=', f.taskId)
      .executeTakeFirstOrThrow();
    expect(task.version).toBe(2);
    expect(await current().db.selectFrom('audit_log').selectAll().execute()).toHaveLength(1);
  });

  it('refuses stale versions, non-supervisors, strangers and bad input, leaving nothing', async () => {
    const f = await seedWorkflow(current());
    const inactive = await addUnit(current().db, f.actors.supervisor.organizationId, '已撤销股');
    await current().db.updateTable('units').set({ active: 0 }).where('id', '=', inactive).execute();
    const as = f.as(f.actors.supervisor);
    await expectRefused(current(), 'CONFLICT', () =>
      editTask(as, { taskId: f.taskId, version: 5, dueOn: '2024-06-30' }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      editTask(f.as(f.actors.office), { taskId: f.taskId, version: 1, dueOn: '2024-06-30' }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      editTask(f.as(f.actors.leader), { taskId: f.taskId, version: 1, dueOn: '2024-06-30' }),
    );
    await expectRefused(current(), 'NOT_FOUND', () =>
      editTask(f.as(f.actors.personnel), { taskId: f.taskId, version: 1, dueOn: '2024-06-30' }),
    );
    const bad = [
      { version: 1 },
      { version: 1, dueOn: '2024-13-01' },
      { version: 1, dueOn: '2024-01-01' },
      { version: 1, leadUnitId: 99999 },
      { version: 1, coUnitIds: [inactive] },
      { version: 1, leadUnitId: f.units.office, coUnitIds: [f.units.office] },
      { version: 1, coUnitIds: [f.units.personnel, f.units.personnel] },
      { version: 0, dueOn: '2024-06-30' },
    ];
    for (const input of bad) {
      await expectRefused(current(), 'INVALID_INPUT', () => editTask(as, { taskId: f.taskId, ...input }));
    }
  });
});
