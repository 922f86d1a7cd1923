import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { addIndicator } from '../../test/support/factories.ts';
import { expectRefused, seedWorkflow } from '../../test/support/workflow-fixture.ts';
import { listTaskExtensions } from '../db/queries/extensions.ts';
import { decideExtension } from './decide-extension.ts';
import { editTask } from './edit-task.ts';
import { requestExtension } from './request-extension.ts';

describeEachDatabase('requestExtension and decideExtension', (current) => {
  const dueOf = async (taskId: number) =>
    (
      await current()
        .db.selectFrom('tasks')
        .select('due_on')
        .where('id', '=', taskId)
        .executeTakeFirstOrThrow()
    ).due_on;

  it("approval by the item's leader moves the task and the indicator dates that equalled the old due", async () => {
    const f = await seedWorkflow(current());
    const { db } = current();
    await editTask(f.as(f.actors.supervisor), { taskId: f.taskId, version: 1, dueOn: '2024-06-30' });
    const same = await addIndicator(db, f.taskId, {
      kind: 'deliverable',
      text: '制订方案',
      dueOn: '2024-06-30',
    });
    const own = await addIndicator(db, f.taskId, {
      kind: 'deadline',
      text: '5月底前完成',
      dueOn: '2024-05-31',
    });
    const { extensionId } = await requestExtension(f.as(f.actors.office), {
      taskId: f.taskId,
      reason: '等待市局文件',
      newDueOn: '2024-08-31',
    });
    expect(await dueOf(f.taskId)).toBe('2024-06-30');
    const decided = await decideExtension(f.as(f.actors.leader), {
      extensionId,
      decision: 'approve',
      comment: '同意',
    });
    expect(decided).toMatchObject({ state: 'approved', dueOn: '2024-08-31', movedIndicatorIds: [same] });
    expect(await dueOf(f.taskId)).toBe('2024-08-31');
    const dues = await db
      .selectFrom('indicators')
      .select(['id', 'due_on'])
      .where('id', 'in', [same, own])
      .orderBy('id')
      .execute();
    expect(dues.map((d) => d.due_on)).toEqual(['2024-08-31', '2024-05-31']);
    const history = await listTaskExtensions(db, f.taskId);
    expect(history).toMatchObject([
      { state: 'approved', oldDueOn: '2024-06-30', newDueOn: '2024-08-31', comment: '同意' },
    ]);
  });

  it('refusal leaves the dates and keeps the history', async () => {
    const f = await seedWorkflow(current());
    await editTask(f.as(f.actors.supervisor), { taskId: f.taskId, version: 1, dueOn: '2024-06-30' });
    const { extensionId } = await requestExtension(f.as(f.actors.office), {
      taskId: f.taskId,
      reason: '人手不足',
      newDueOn: '2024-07-31',
    });
    await decideExtension(f.as(f.actors.supervisor), {
      extensionId,
      decision: 'refuse',
      comment: '请按期完成',
    });
    expect(await dueOf(f.taskId)).toBe('2024-06-30');
    const second = await requestExtension(f.as(f.actors.office), {
      taskId: f.taskId,
      reason: '再次申请',
      newDueOn: '2024-07-15',
    });
    expect(second.oldDueOn).toBe('2024-06-30');
    expect((await listTaskExtensions(current().db, f.taskId)).map((e) => e.state)).toEqual([
      'refused',
      'pending',
    ]);
  });

  it('refuses bad requests and decisions, leaving nothing', async () => {
    const f = await seedWorkflow(current());
    const ok = { taskId: f.taskId, reason: '原因', newDueOn: '2025-01-31' };
    await expectRefused(current(), 'NOT_FOUND', () => requestExtension(f.as(f.actors.personnel), ok));
    await expectRefused(current(), 'FORBIDDEN', () => requestExtension(f.as(f.actors.leader), ok));
    await expectRefused(current(), 'INVALID_INPUT', () =>
      requestExtension(f.as(f.actors.office), { ...ok, reason: ' ' }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      requestExtension(f.as(f.actors.office), { ...ok, newDueOn: '2024-12-31' }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      requestExtension(f.as(f.actors.office), { ...ok, newDueOn: '2025-02-30' }),
    );
    const { extensionId } = await requestExtension(f.as(f.actors.office), ok);
    await expectRefused(current(), 'CONFLICT', () => requestExtension(f.as(f.actors.approval), ok));
    await expectRefused(current(), 'NOT_FOUND', () =>
      decideExtension(f.as(f.actors.otherLeader), { extensionId, decision: 'approve' }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      decideExtension(f.as(f.actors.office), { extensionId, decision: 'approve' }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      decideExtension(f.as(f.actors.leader), { extensionId, decision: 'ok' as 'approve' }),
    );
    await decideExtension(f.as(f.actors.leader), { extensionId, decision: 'approve' });
    await expectRefused(current(), 'CONFLICT', () =>
      decideExtension(f.as(f.actors.leader), { extensionId, decision: 'refuse' }),
    );
  });

  it('refuses approving a request made stale by an edit of the due date', async () => {
    const f = await seedWorkflow(current());
    const { extensionId } = await requestExtension(f.as(f.actors.office), {
      taskId: f.taskId,
      reason: '原因',
      newDueOn: '2025-01-31',
    });
    const version = (
      await current()
        .db.selectFrom('tasks')
        .select('version')
        .where('id', '=', f.taskId)
        .executeTakeFirstOrThrow()
    ).version;
    await editTask(f.as(f.actors.supervisor), { taskId: f.taskId, version, dueOn: '2024-11-30' });
    await expectRefused(current(), 'CONFLICT', () =>
      decideExtension(f.as(f.actors.leader), { extensionId, decision: 'approve' }),
    );
    expect(await dueOf(f.taskId)).toBe('2024-11-30');
  });
});
