import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.ts';
import { type Browser, login, seedOrganization, seedUser, TestClock, testApp } from '../support/http.ts';
import { yunxiText } from '../support/yunxi.ts';

// A city bureau over a district (DESIGN.md, Scale; src/policies): the city's supervisors and viewers
// read the district's plans, issued bulletins and evaluation, and change none of them (403, the same
// answer on every write path); the city's department users and administrators do not read them.

interface Tree {
  sections: Array<{
    items: Array<{ id: number; no: number; tasks: Array<{ id: number; lead: { name: string } | null }> }>;
  }>;
}

describeEachDatabase(
  'a parent bureau and its district',
  (current) => {
    let app: FastifyInstance;
    const as = new Map<string, Browser>();
    let plan = 0;
    let draft = 0;
    let task = 0;
    let item = 0;
    let report = 0;
    let bulletin = 0;
    let districtOffice = 0;
    const call = async (
      who: string,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) => app.inject({ method, url, headers: as.get(who)?.headers ?? {}, ...(payload ? { payload } : {}) });
    const ok = async (who: string, method: 'POST' | 'PUT', url: string, payload?: object) => {
      const response = await call(who, method, url, payload);
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
      return response.json<{ id: number }>();
    };

    beforeAll(async () => {
      const database = current();
      const city = await seedOrganization(database, '岳阳市教育体育局');
      const district = await seedOrganization(database, '云溪区教育体育局');
      districtOffice = district.office;
      await database.db
        .updateTable('organizations')
        .set({ parent_id: city.organizationId })
        .where('id', '=', district.organizationId)
        .execute();
      await seedUser(database, city.organizationId, 'city-duban', ['supervisor']);
      await seedUser(database, city.organizationId, 'city-viewer', ['viewer']);
      await seedUser(database, city.organizationId, 'city-bgs', ['department'], '办公室');
      await seedUser(database, city.organizationId, 'city-admin', ['admin']);
      await seedUser(database, district.organizationId, 'qu-duban', ['supervisor']);
      await seedUser(database, district.organizationId, 'qu-bgs', ['department'], '办公室');
      app = await testApp(database, { now: new TestClock(new Date('2024-04-20T02:00:00Z')).now });
      for (const user of ['city-duban', 'city-viewer', 'city-bgs', 'city-admin', 'qu-duban', 'qu-bgs'])
        as.set(user, await login(app, user));

      plan = (await ok('qu-duban', 'POST', '/api/plans', { text: yunxiText, createUnits: true })).id;
      await ok('qu-duban', 'POST', `/api/plans/${plan}/publish`);
      draft = (await ok('qu-duban', 'POST', '/api/plans', { text: yunxiText, createUnits: true })).id;
      const tree = (await call('qu-duban', 'GET', `/api/plans/${plan}`)).json<Tree>();
      const first = tree.sections.flatMap((s) => s.items).find((i) => i.no === 1);
      item = first?.id ?? 0;
      task = first?.tasks.find((t) => t.lead?.name === '办公室')?.id ?? 0;
      expect(task).toBeGreaterThan(0);
      report = (
        await ok('qu-bgs', 'POST', `/api/tasks/${task}/reports`, {
          period: '2024-04',
          status: 'on_track',
          percent: 30,
          narrative: '已召开会议',
        })
      ).id;
      bulletin = (await ok('qu-duban', 'POST', '/api/bulletins', { planId: plan, month: '2024-03' })).id;
      await ok('qu-duban', 'POST', `/api/bulletins/${bulletin}/issue`, { version: 1 });
    });
    afterAll(() => app.close());

    describe("the city's supervisor and viewer read the district's work", () => {
      for (const reader of ['city-duban', 'city-viewer']) {
        it(`${reader} reads the plan, its item, dashboard, issued bulletin and evaluation`, async () => {
          const plans = (await call(reader, 'GET', '/api/plans')).json<{ plans: Array<{ id: number }> }>();
          expect(plans.plans.map((p) => p.id)).toContain(plan);
          for (const url of [
            `/api/plans/${plan}`,
            `/api/items/${item}`,
            `/api/plans/${plan}/dashboard`,
            `/api/bulletins/${bulletin}`,
            `/api/bulletins/${bulletin}/docx`,
            `/api/plans/${plan}/evaluation`,
          ]) {
            const response = await call(reader, 'GET', url);
            expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
          }
          const bulletins = (await call(reader, 'GET', '/api/bulletins')).json<{
            bulletins: Array<{ id: number }>;
          }>();
          expect(bulletins.bulletins.map((b) => b.id)).toContain(bulletin);
          const evaluation = (await call(reader, 'GET', `/api/plans/${plan}/evaluation`)).json<{
            canEdit: boolean;
          }>();
          expect(evaluation.canEdit).toBe(false);
          const detail = (await call(reader, 'GET', `/api/bulletins/${bulletin}`)).json<{
            canEdit: boolean;
          }>();
          expect(detail.canEdit).toBe(false);
        });
      }
    });

    it("keeps the district's work from the city's department users and its administrator", async () => {
      for (const user of ['city-bgs', 'city-admin']) {
        const plans = (await call(user, 'GET', '/api/plans')).json<{ plans: Array<{ id: number }> }>();
        expect(plans.plans.map((p) => p.id)).not.toContain(plan);
        expect((await call(user, 'GET', `/api/plans/${plan}`)).statusCode).toBe(404);
        expect((await call(user, 'GET', `/api/items/${item}`)).statusCode).toBe(404);
      }
      expect((await call('city-bgs', 'GET', `/api/plans/${plan}/evaluation`)).statusCode).toBe(404);
    });

    // Every write path the city's supervisor could aim at the district: refused alike, nothing changed.
    const writes: Array<
      [string, 'POST' | 'PUT' | 'PATCH' | 'DELETE', () => string, () => object | undefined]
    > = [
      ['publish a draft', 'POST', () => `/api/plans/${draft}/publish`, () => undefined],
      ['discard a draft', 'DELETE', () => `/api/plans/${draft}`, () => undefined],
      ['edit a task', 'PATCH', () => `/api/tasks/${task}`, () => ({ version: 1, dueOn: '2024-12-30' })],
      ['review a report', 'POST', () => `/api/reports/${report}/review`, () => ({ decision: 'accept' })],
      ['urge a task', 'POST', () => `/api/tasks/${task}/urge`, () => ({ message: '请抓紧' })],
      [
        'set the plan reporting',
        'PUT',
        () => `/api/plans/${plan}/reporting`,
        () => ({ cycle: 'quarter', dueDay: null }),
      ],
      [
        'set a task reporting',
        'PUT',
        () => `/api/tasks/${task}/reporting`,
        () => ({ cycle: 'quarter', dueDay: null }),
      ],
      [
        'issue a 督办单',
        'POST',
        () => '/api/supervision-notices',
        () => ({ taskId: task, problem: '进度滞后', requirement: '请说明', replyDueOn: '2024-05-10' }),
      ],
      ['write a bulletin', 'POST', () => '/api/bulletins', () => ({ planId: plan, month: '2024-04' })],
      ['edit a bulletin', 'POST', () => `/api/bulletins/${bulletin}/regenerate`, () => ({ version: 2 })],
      [
        'change the evaluation rubric',
        'PUT',
        () => `/api/plans/${plan}/evaluation/rubric`,
        () => ({ completion: 60, timeliness: 25, quality: 15, bonusCap: 5, penaltyCap: 10 }),
      ],
      [
        'add an evaluation adjustment',
        'POST',
        () => `/api/plans/${plan}/evaluation/adjustments`,
        () => ({ unitId: districtOffice, kind: 'bonus', points: 1, reason: '承办现场会' }),
      ],
      [
        'link the previous plan',
        'PUT',
        () => `/api/plans/${plan}/previous-plan`,
        () => ({ previousPlanId: null }),
      ],
    ];
    for (const [what, method, url, body] of writes) {
      it(`refuses the city's supervisor to ${what} of the district (403)`, async () => {
        const before = (await call('qu-duban', 'GET', `/api/plans/${plan}`)).body;
        const response = await call('city-duban', method, url(), body());
        expect(response.statusCode, response.body).toBe(403);
        expect(response.json<{ error: { message: string } }>().error.message).toMatch(/督办人员|无权/);
        expect((await call('qu-duban', 'GET', `/api/plans/${plan}`)).body).toBe(before);
      });
    }
  },
  { fresh: 'all' },
);
