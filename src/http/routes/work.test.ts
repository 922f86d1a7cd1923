import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type Browser, login, TEST_PASSWORD } from '../../../test/support/http.ts';
import { seedWorkflow, type WorkflowFixture } from '../../../test/support/workflow-fixture.ts';
import { hashPassword } from '../../domain/accounts/passwords.ts';
import type { ReviewQueueEntry, Workbench } from '../../shared/work.ts';
import { buildApp } from '../app.ts';

describeEachDatabase('workbench, review queue and decisions over HTTP', (current) => {
  let app: FastifyInstance;
  let fixture: WorkflowFixture;
  const as: Record<string, Browser> = {};

  beforeEach(async () => {
    fixture = await seedWorkflow(current());
    const hash = await hashPassword(TEST_PASSWORD);
    await current().db.updateTable('users').set({ password_hash: hash }).execute();
    app = await buildApp({ database: current(), logger: false, webRoot: false, now: fixture.clock.now });
    for (const name of ['bgs', 'xzsp', 'rsg', 'chenll', 'likj', 'duban']) as[name] = await login(app, name);
  });
  afterEach(() => app.close());

  const get = async <T>(who: string, url: string): Promise<T> => {
    const response = await app.inject({ method: 'GET', url, headers: as[who]?.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };
  const post = (who: string, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: as[who]?.headers, payload });
  const file = async (who: string, taskId: number, period: string) => {
    const response = await post(who, `/api/tasks/${taskId}/reports`, {
      period,
      status: 'on_track',
      percent: 40,
      narrative: `${period} 按计划推进`,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number; version: number }>();
  };

  it("lists a clerk's tasks to acknowledge, reports due this month and returned reports", async () => {
    const before = await get<Workbench>('bgs', '/api/workbench');
    // Due the 25th; 2024-05-25 is a Saturday, so the Monday after.
    expect(before.period).toEqual({ period: '2024-05', dueOn: '2024-05-27' });
    expect(before.toAcknowledge.map((t) => t.taskId)).toEqual([fixture.taskId]);
    expect(before.toAcknowledge[0]).toMatchObject({
      planId: fixture.planId,
      itemId: fixture.itemId,
      itemNo: 1,
      owners: ['办公室', '行政审批股'],
      dueOn: '2024-12-31',
    });
    expect(before.reportsDue.map((t) => t.taskId)).toEqual([fixture.taskId]);
    expect(before.returned).toEqual([]);
    expect(before.extensionDecisions).toEqual([]);
    expect(await get('bgs', '/api/badges')).toEqual({ workbench: 2 });
    // 人事股 sees only its own task.
    expect((await get<Workbench>('rsg', '/api/workbench')).reportsDue.map((t) => t.taskId)).toEqual([
      fixture.otherTaskId,
    ]);

    const april = await file('bgs', fixture.taskId, '2024-04');
    await file('bgs', fixture.taskId, '2024-05');
    // Filing took the task on: it is acknowledged already.
    expect((await post('bgs', `/api/tasks/${fixture.taskId}/acknowledge`, {})).statusCode).toBe(409);
    const returned = await post('duban', `/api/reports/${april.id}/review`, {
      decision: 'return',
      comment: '请补充学习记录',
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const after = await get<Workbench>('bgs', '/api/workbench');
    expect(after.toAcknowledge).toEqual([]);
    expect(after.reportsDue).toEqual([]);
    expect(after.returned).toMatchObject([
      {
        reportId: april.id,
        taskId: fixture.taskId,
        period: '2024-04',
        comment: '请补充学习记录',
        reviewer: 'duban',
      },
    ]);
    expect(await get('bgs', '/api/badges')).toEqual({ workbench: 1 });
    // The co-owner 行政审批股 still owes its own May report.
    expect((await get<Workbench>('xzsp', '/api/workbench')).reportsDue.map((t) => t.taskId)).toEqual([
      fixture.taskId,
    ]);
  });

  it("puts an extension request on the item leader's workbench; approval moves the task's due date", async () => {
    const asked = await post('bgs', `/api/tasks/${fixture.taskId}/extensions`, {
      newDueOn: '2025-01-20',
      reason: '场地改造推迟',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json<{ id: number }>();
    const notLater = await post('bgs', `/api/tasks/${fixture.otherTaskId}/extensions`, {
      newDueOn: 'soon',
      reason: 'x',
    });
    expect(notLater.statusCode).toBe(400);

    const leader = await get<Workbench>('chenll', '/api/workbench');
    expect(leader.extensionDecisions).toMatchObject([
      {
        extensionId: id,
        taskId: fixture.taskId,
        oldDueOn: '2024-12-31',
        newDueOn: '2025-01-20',
        reason: '场地改造推迟',
      },
    ]);
    expect(leader.toAcknowledge).toEqual([]);
    expect(await get('chenll', '/api/badges')).toEqual({ workbench: 1 });
    expect((await get<Workbench>('likj', '/api/workbench')).extensionDecisions).toEqual([]);
    expect((await get<Workbench>('bgs', '/api/workbench')).extensionOutcomes).toMatchObject([
      { extensionId: id, state: 'pending' },
    ]);

    expect((await post('likj', `/api/extensions/${id}/decision`, { decision: 'approve' })).statusCode).toBe(
      404,
    );
    const approved = await post('chenll', `/api/extensions/${id}/decision`, {
      decision: 'approve',
      comment: '同意',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', dueOn: '2025-01-20' });
    const task = await current()
      .db.selectFrom('tasks')
      .select('due_on')
      .where('id', '=', fixture.taskId)
      .executeTakeFirstOrThrow();
    expect(task.due_on).toBe('2025-01-20');
    expect((await get<Workbench>('chenll', '/api/workbench')).extensionDecisions).toEqual([]);
    expect((await get<Workbench>('bgs', '/api/workbench')).extensionOutcomes).toMatchObject([
      { extensionId: id, state: 'approved', comment: '同意' },
    ]);
  });

  it('shows a leader only the reports on items naming them; a supervisor sees all', async () => {
    const mine = await file('bgs', fixture.taskId, '2024-05');
    const other = await file('rsg', fixture.otherTaskId, '2024-05');
    const ids = async (who: string) =>
      (await get<{ entries: ReviewQueueEntry[] }>(who, '/api/reviews')).entries.map((e) => e.id);
    expect(await ids('chenll')).toEqual([mine.id]);
    expect(await ids('likj')).toEqual([other.id]);
    expect(await ids('duban')).toEqual([mine.id, other.id]);
    expect(await ids('bgs')).toEqual([]);
    const [entry] = (await get<{ entries: ReviewQueueEntry[] }>('chenll', '/api/reviews')).entries;
    expect(entry).toMatchObject({
      kind: 'report',
      unit: '办公室',
      period: '2024-05',
      percent: 40,
      selfStatus: 'on_track',
      itemNo: 1,
      taskTitle: '坚持每月开展党委理论中心组学习',
    });
    expect(await get('chenll', '/api/badges')).toEqual({ review: 1 });
    expect(await get('duban', '/api/badges')).toEqual({ review: 2 });
  });

  it('bulk-accepts each report on its own: a stale one answers CONFLICT, the others are accepted', async () => {
    const april = await file('bgs', fixture.taskId, '2024-04');
    const may = await file('bgs', fixture.taskId, '2024-05');
    const co = await file('xzsp', fixture.taskId, '2024-05');
    // The leader accepts April first, so the supervisor's view of it is stale.
    expect((await post('chenll', `/api/reports/${april.id}/review`, { decision: 'accept' })).statusCode).toBe(
      200,
    );

    const noReason = await post('duban', '/api/reviews/bulk', {
      decision: 'return',
      reports: [{ id: may.id, version: may.version }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].field).toBe('comment');

    const bulk = await post('duban', '/api/reviews/bulk', {
      decision: 'accept',
      reports: [april, may, co].map(({ id, version }) => ({ id, version })),
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    const results = bulk.json<{
      results: Array<{ id: number; ok: boolean; code?: string; error?: string }>;
    }>().results;
    expect(results.map((r) => [r.id, r.ok, r.code])).toEqual([
      [april.id, false, 'CONFLICT'],
      [may.id, true, undefined],
      [co.id, true, undefined],
    ]);
    expect(results[0]?.error).toMatch(/已审核过/);
    const states = await current().db.selectFrom('reports').select(['id', 'state']).orderBy('id').execute();
    expect(states.map((s) => s.state)).toEqual(['accepted', 'accepted', 'accepted']);
    expect((await get<{ entries: ReviewQueueEntry[] }>('duban', '/api/reviews')).entries).toEqual([]);
    expect(await get('duban', '/api/badges')).toEqual({});
  });

  it('takes a completion request as JSON and lets the supervisor decide it from the workbench', async () => {
    const asked = await post('bgs', `/api/tasks/${fixture.taskId}/completion`, { note: '全年学习已完成' });
    expect(asked.statusCode, asked.body).toBe(201);
    const { id } = asked.json<{ id: number }>();
    const board = await get<Workbench>('duban', '/api/workbench');
    expect(board.completionDecisions).toMatchObject([
      { requestId: id, taskId: fixture.taskId, note: '全年学习已完成' },
    ]);
    expect((await get<Workbench>('chenll', '/api/workbench')).completionDecisions).toEqual([]);
    const refused = await post('duban', `/api/completions/${id}/decision`, { decision: 'return' });
    expect(refused.statusCode).toBe(400);
    const accepted = await post('duban', `/api/completions/${id}/decision`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ taskStatus: 'done' });
    expect((await get<Workbench>('bgs', '/api/workbench')).reportsDue).toEqual([]);
  });
});
