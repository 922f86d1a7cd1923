import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type Browser, login, seedOrganization, seedUser, TestClock, testApp } from '../support/http.ts';
import { yunxiText } from '../support/yunxi.ts';

interface Listed {
  id: number;
  dueOn: string;
  light: string;
  reason: string;
}

describeEachDatabase(
  'dashboard and task list',
  (current) => {
    let app: FastifyInstance;
    let supervisor: Browser;
    let planId: number;
    const get = async (url: string) => app.inject({ method: 'GET', url, headers: supervisor.headers });
    const tasks = async (query: string) =>
      (await get(`/api/tasks${query}`)).json<{ tasks: Listed[] }>().tasks;

    beforeAll(async () => {
      const { organizationId } = await seedOrganization(current());
      await seedUser(current(), organizationId, 'duban', ['supervisor']);
      app = await testApp(current(), { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
      supervisor = await login(app, 'duban');
      const imported = await app.inject({
        method: 'POST',
        url: '/api/plans',
        headers: supervisor.headers,
        payload: { text: yunxiText, createUnits: true },
      });
      planId = imported.json<{ id: number }>().id;
      await app.inject({ method: 'POST', url: `/api/plans/${planId}/publish`, headers: supervisor.headers });
    });
    afterAll(() => app.close());

    it('summarises the plan by section, department, leader and light, as of a chosen day', async () => {
      const response = await get(`/api/plans/${planId}/dashboard?asOf=2024-04-20`);
      expect(response.statusCode).toBe(200);
      const board = response.json();
      expect(board.asOf).toBe('2024-04-20');
      expect(board.plan.reason).toEqual(expect.any(String));
      expect(board.bySection).toHaveLength(5);
      expect(board.byDepartment.map((d: { key: string }) => d.key)).toContain('办公室');
      expect(board.byLeader.map((d: { key: string }) => d.key)).toContain('陈玲玲');
      const all = await tasks(`?planId=${planId}&asOf=2024-04-20`);
      const counted = board.byLight.reduce((sum: number, row: { total: number }) => sum + row.total, 0);
      expect(counted).toBe(all.length);
      expect((await get(`/api/plans/${planId}/dashboard?asOf=2024-4-20`)).statusCode).toBe(400);
    });

    it('filters tasks by light and due date, and the lights partition the list', async () => {
      const all = await tasks('?asOf=2024-04-20');
      expect(all.length).toBeGreaterThan(20);
      let partitioned = 0;
      for (const light of ['red', 'yellow', 'green', 'grey', 'done']) {
        const some = await tasks(`?asOf=2024-04-20&light=${light}`);
        expect(some.every((t) => t.light === light)).toBe(true);
        partitioned += some.length;
      }
      expect(partitioned).toBe(all.length);
      // Most Yunxi tasks are due at the year's end: a bound on that day leaves them out.
      const early = await tasks('?dueBefore=2024-12-31');
      expect(early.length).toBeLessThan(all.length);
      expect(early.every((t) => t.dueOn < '2024-12-31')).toBe(true);
      expect(await tasks('?dueBefore=2025-01-01')).toHaveLength(all.length);
      expect((await get('/api/tasks?light=purple')).statusCode).toBe(400);
    });
  },
  { fresh: 'all' },
);
