import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestClock,
  testApp,
} from '../../../test/support/http.ts';
import { yunxiText } from '../../../test/support/yunxi.ts';
import type { CarryOverList, PlanComparison } from '../../shared/plan-compare.ts';

const nextYearText = readFileSync(
  new URL('../../../test/fixtures/notices/yunxi-2025-next-year.txt', import.meta.url),
  'utf8',
);

type Role = 'admin' | 'supervisor' | 'leader' | 'office' | 'personnel' | 'viewer' | 'outsider' | 'anonymous';

describeEachDatabase(
  'plan comparison and carry-over over HTTP',
  (current) => {
    let app: FastifyInstance;
    const browsers = new Map<Role, Browser>();
    let lastYear = 0;
    let thisYear = 0;

    const send = (as: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
      app.inject({
        method,
        url,
        headers: browsers.get(as)?.headers ?? {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      });

    beforeAll(async () => {
      const database = current();
      const { organizationId } = await seedOrganization(database);
      const other = await seedOrganization(database, '另一教育局');
      // 三员分立: the administrator compares and links plans only because it is also a supervisor.
      await seedUser(database, organizationId, 'admin', ['admin', 'supervisor']);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'bgs', ['department'], '办公室');
      await seedUser(database, organizationId, 'rsg', ['department'], '人事股');
      await seedUser(database, organizationId, 'viewer', ['viewer']);
      await seedUser(database, other.organizationId, 'outsider', ['supervisor']);
      app = await testApp(database, { now: new TestClock(new Date('2024-11-20T02:00:00Z')).now });
      const logins: Array<[Role, string]> = [
        ['admin', 'admin'],
        ['supervisor', 'duban'],
        ['office', 'bgs'],
        ['personnel', 'rsg'],
        ['viewer', 'viewer'],
        ['outsider', 'outsider'],
      ];
      for (const [role, username] of logins) browsers.set(role, await login(app, username));
      const importPlan = async (text: string) => {
        const response = await send('supervisor', 'POST', '/api/plans', { text, createUnits: true });
        expect(response.statusCode, response.body).toBe(201);
        return response.json<{ id: number }>().id;
      };
      lastYear = await importPlan(yunxiText);
      expect((await send('supervisor', 'POST', `/api/plans/${lastYear}/publish`)).statusCode).toBe(200);
      thisYear = await importPlan(nextYearText);
      const leader = await send('admin', 'POST', '/api/users', {
        username: 'chenll',
        password: TEST_PASSWORD,
        roles: ['leader'],
        leader: '陈玲玲',
      });
      expect(leader.statusCode, leader.body).toBe(201);
      browsers.set('leader', await login(app, 'chenll'));
    });
    afterAll(() => app.close());

    const statuses = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const out: Partial<Record<Role, number>> = {};
      for (const role of ['anonymous', 'outsider', 'viewer', 'personnel', 'office', 'leader'] as const) {
        out[role] = (await send(role, method, url, payload)).statusCode;
      }
      return out;
    };

    it('lets every reader of the plan see the comparison; others get 404, strangers 401', async () => {
      expect(await statuses('GET', `/api/plans/${thisYear}/comparison`)).toEqual({
        anonymous: 401,
        outsider: 404,
        viewer: 200,
        personnel: 200,
        office: 200,
        leader: 200,
      });
      const response = await send('admin', 'GET', `/api/plans/${thisYear}/comparison?base=${lastYear}`);
      expect(response.statusCode, response.body).toBe(200);
      const comparison = response.json<PlanComparison>();
      expect(comparison.counts).toMatchObject({ added: 4, dropped: 2, split: 1, unchanged: 5 });
      expect(comparison.linked).toBe(false);
      // Nonsense and impossible bases get clear Chinese answers.
      const self = await send('supervisor', 'GET', `/api/plans/${thisYear}/comparison?base=${thisYear}`);
      expect(self.statusCode).toBe(400);
      expect(self.json().error.message).toBe('不能与自身对比，请选择另一份工作要点。');
      expect((await send('supervisor', 'GET', `/api/plans/${thisYear}/comparison?base=abc`)).statusCode).toBe(
        400,
      );
      expect(
        (await send('supervisor', 'GET', `/api/plans/${thisYear}/comparison?base=99999`)).statusCode,
      ).toBe(404);
      // The 2024 plan has nothing earlier to compare with.
      const none = await send('supervisor', 'GET', `/api/plans/${lastYear}/comparison`);
      expect(none.statusCode).toBe(404);
      expect(none.json().error.message).toContain('还没有可对比的上一年度工作要点');
    });

    it('lets only supervisors and admins record the previous plan', async () => {
      const url = `/api/plans/${thisYear}/previous-plan`;
      expect(await statuses('PUT', url, { previousPlanId: lastYear })).toEqual({
        anonymous: 401,
        outsider: 404,
        viewer: 403,
        personnel: 403,
        office: 403,
        leader: 403,
      });
      const later = await send('supervisor', 'PUT', `/api/plans/${lastYear}/previous-plan`, {
        previousPlanId: thisYear,
      });
      expect(later.statusCode).toBe(400);
      expect(later.json().error.message).toBe('上一年度工作要点的年度须早于 2024 年，请重新选择。');
      expect((await send('supervisor', 'PUT', url, { previousPlanId: 'x' })).statusCode).toBe(400);
      const set = await send('admin', 'PUT', url, { previousPlanId: lastYear });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toEqual({ planId: thisYear, previousPlanId: lastYear });
      const comparison = (
        await send('viewer', 'GET', `/api/plans/${thisYear}/comparison`)
      ).json<PlanComparison>();
      expect(comparison).toMatchObject({ linked: true, base: { id: lastYear } });
    });

    it('offers and carries unfinished tasks for supervisors only, once, into a published plan', async () => {
      const listUrl = `/api/plans/${thisYear}/carry-over`;
      expect(await statuses('GET', listUrl)).toEqual({
        anonymous: 401,
        outsider: 404,
        viewer: 403,
        personnel: 403,
        office: 403,
        leader: 403,
      });
      const list = await send('supervisor', 'GET', listUrl);
      expect(list.statusCode, list.body).toBe(200);
      const { candidates } = list.json<CarryOverList>();
      expect(candidates).toHaveLength(23);
      const study = candidates.find((c) => c.item.no === 1)!;
      expect(study.target).toMatchObject({ no: 1 });
      const body = { tasks: [{ taskId: study.taskId }] };
      expect(await statuses('POST', listUrl, body)).toEqual({
        anonymous: 401,
        outsider: 404,
        viewer: 403,
        personnel: 403,
        office: 403,
        leader: 403,
      });
      // The 2025 plan is still a draft: its tasks do not exist yet.
      const draft = await send('supervisor', 'POST', listUrl, body);
      expect(draft.statusCode).toBe(409);
      expect(draft.json().error.message).toContain('尚未发布');
      expect((await send('supervisor', 'POST', `/api/plans/${thisYear}/publish`)).statusCode).toBe(200);
      const empty = await send('supervisor', 'POST', listUrl, { tasks: [] });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toContain('请至少选择一项要结转的任务');
      const twice = await send('supervisor', 'POST', listUrl, {
        tasks: [{ taskId: study.taskId }, { taskId: study.taskId }],
      });
      expect(twice.statusCode).toBe(400);
      const carried = await send('supervisor', 'POST', listUrl, body);
      expect(carried.statusCode, carried.body).toBe(201);
      expect(carried.json().created).toEqual([
        { taskId: expect.any(Number), fromTaskId: study.taskId, itemId: study.target!.id },
      ]);
      const again = await send('admin', 'POST', listUrl, body);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain('不能重复结转');
      const after = (await send('admin', 'GET', listUrl)).json<CarryOverList>();
      expect(after.candidates.find((c) => c.taskId === study.taskId)!.carriedTaskId).toBe(
        carried.json().created[0].taskId,
      );
    });
  },
  { fresh: 'all' },
);
