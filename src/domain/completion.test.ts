import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/support/databases.ts';
import { countRows } from '../../test/support/factories.ts';
import { expectRefused, seedWorkflow, textFile } from '../../test/support/workflow-fixture.ts';
import { acknowledgeTask } from './acknowledge-task.ts';
import { decideCompletion } from './decide-completion.ts';
import { requestCompletion } from './request-completion.ts';

describeEachDatabase('requestCompletion and decideCompletion', (current) => {
  const taskRow = (id: number) =>
    current().db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('an owner requests, the supervisor accepts: the task is done', async () => {
    const f = await seedWorkflow(current());
    const request = await requestCompletion(f.as(f.actors.office), {
      taskId: f.taskId,
      note: '全年学习已完成',
      files: [textFile('总结.txt', '总结')],
    });
    expect((await taskRow(f.taskId)).status).toBe('completion_requested');
    const decided = await decideCompletion(f.as(f.actors.supervisor), {
      requestId: request.requestId,
      decision: 'accept',
    });
    expect(decided.taskStatus).toBe('done');
    expect(await taskRow(f.taskId)).toMatchObject({
      status: 'done',
      completed_at: '2024-05-10T02:00:00.000Z',
    });
    expect(await countRows(current().db)).toMatchObject({
      completion_requests: 1,
      reviews: 1,
      evidence: 1,
      audit_log: 4,
    });
  });

  it('a returned request reopens the task where it was', async () => {
    const f = await seedWorkflow(current());
    await acknowledgeTask(f.as(f.actors.office), { taskId: f.taskId });
    const { requestId } = await requestCompletion(f.as(f.actors.office), {
      taskId: f.taskId,
      note: '已完成',
    });
    await decideCompletion(f.as(f.actors.supervisor), {
      requestId,
      decision: 'return',
      comment: '5月学习记录缺失',
    });
    expect((await taskRow(f.taskId)).status).toBe('acknowledged');
    const request = await current()
      .db.selectFrom('completion_requests')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(request.state).toBe('returned');
  });

  it('refuses what is not allowed, leaving nothing', async () => {
    const f = await seedWorkflow(current());
    const files = [textFile('x.txt', 'x')];
    await expectRefused(current(), 'NOT_FOUND', () =>
      requestCompletion(f.as(f.actors.personnel), { taskId: f.taskId, note: '完成', files }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      requestCompletion(f.as(f.actors.office), { taskId: f.taskId, note: '', files }),
    );
    const { requestId } = await requestCompletion(f.as(f.actors.office), { taskId: f.taskId, note: '完成' });
    await expectRefused(current(), 'CONFLICT', () =>
      requestCompletion(f.as(f.actors.approval), { taskId: f.taskId, note: '完成', files }),
    );
    await expectRefused(current(), 'FORBIDDEN', () =>
      decideCompletion(f.as(f.actors.leader), { requestId, decision: 'accept' }),
    );
    await expectRefused(current(), 'NOT_FOUND', () =>
      decideCompletion(f.as(f.actors.personnel), { requestId, decision: 'accept' }),
    );
    await expectRefused(current(), 'INVALID_INPUT', () =>
      decideCompletion(f.as(f.actors.supervisor), { requestId, decision: 'return' }),
    );
    await decideCompletion(f.as(f.actors.supervisor), { requestId, decision: 'accept' });
    await expectRefused(current(), 'CONFLICT', () =>
      decideCompletion(f.as(f.actors.admin), { requestId, decision: 'accept' }),
    );
    await expectRefused(current(), 'CONFLICT', () =>
      requestCompletion(f.as(f.actors.office), { taskId: f.taskId, note: '再次', files }),
    );
  });
});
