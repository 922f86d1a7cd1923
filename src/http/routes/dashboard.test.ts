import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addItem, addPlan, addTask } from '../../../test/support/factories.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TestClock,
  testApp,
} from '../../../test/support/http.ts';
import { dashboardResponse } from '../../shared/dashboard.ts';

describeEachDatabase('dashboard route', (current) => {
  let app: FastifyInstance;
  let supervisor: Browser;
  let planId: number;
  beforeEach(async () => {
    const { organizationId, office, school } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    const plan = await addPlan(current().db, organizationId);
    planId = plan.planId;
    const item = await addItem(current().db, planId, plan.sectionId, 1, '深入学习贯彻党的二十大精神');
    await addTask(current().db, planId, item, {
      leadUnitId: office,
      coUnitIds: [school],
      dueOn: '2024-04-30',
    });
    app = await testApp(current(), { now: new TestClock(new Date('2024-05-20T02:00:00Z')).now });
    supervisor = await login(app, 'duban');
  });
  afterEach(() => app.close());

  it('answers the documented shape; refuses a bad day and an unknown plan in Chinese', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/plans/${planId}/dashboard`,
      headers: supervisor.headers,
    });
    expect(response.statusCode).toBe(200);
    const board = dashboardResponse.parse(response.json());
    expect(board.asOf).toBe('2024-05-20');
    expect(board.ranking.map((r) => [r.name, r.reportsDue, r.reportsMissing])).toEqual([
      ['办公室', 2, 2],
      ['城关小学', 2, 2],
    ]);
    // The one red task has three overdue things: each owner's March–April reports (56 days from
    // 03-25) and the task itself (due 04-30, 20 days).
    expect(board.overdue.map((o) => [o.what, o.owners.join('、'), o.dueOn, o.daysOverdue])).toEqual([
      ['3–4月报告', '办公室', '2024-03-25', 56],
      ['3–4月报告', '城关小学', '2024-03-25', 56],
      ['任务办结', '办公室、城关小学', '2024-04-30', 20],
    ]);
    expect(board.overdueTasks).toBe(1);
    const bad = await app.inject({
      method: 'GET',
      url: `/api/plans/${planId}/dashboard?asOf=2024-5-1`,
      headers: supervisor.headers,
    });
    expect(bad.statusCode).toBe(400);
    const missing = await app.inject({
      method: 'GET',
      url: `/api/plans/${planId + 99}/dashboard`,
      headers: supervisor.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
