import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type Browser, login, seedOrganization, seedUser, testApp } from '../../../test/support/http.ts';

describeEachDatabase('settings routes', (current) => {
  let app: FastifyInstance;
  let admin: Browser;
  let supervisor: Browser;
  let clerk: Browser;
  beforeEach(async () => {
    const { organizationId } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'admin', ['admin']);
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    app = await testApp(current());
    admin = await login(app, 'admin');
    supervisor = await login(app, 'duban');
    clerk = await login(app, 'zhangsan');
  });
  afterEach(() => app.close());

  const read = async (browser: Browser) => {
    const response = await app.inject({ method: 'GET', url: '/api/settings', headers: browser.headers });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const put = (browser: Browser, what: 'lights' | 'reporting', payload: object) =>
    app.inject({ method: 'PUT', url: `/api/settings/${what}`, headers: browser.headers, payload });

  it('reads the defaults before anything is saved', async () => {
    expect(await read(clerk)).toEqual({
      lights: { reportGraceDays: 7, dueSoonDays: 7, redBelowShare: 0.5 },
      reporting: { cycle: 'month', dueDay: 25 },
    });
  });

  it('lets an administrator save the thresholds and the reporting rule, audited', async () => {
    const lights = await put(admin, 'lights', { reportGraceDays: 5, dueSoonDays: 10, redBelowShare: 0.4 });
    expect(lights.statusCode).toBe(200);
    const reporting = await put(admin, 'reporting', { cycle: 'quarter', dueDay: 20 });
    expect(reporting.statusCode).toBe(200);
    expect(await read(supervisor)).toEqual({
      lights: { reportGraceDays: 5, dueSoonDays: 10, redBelowShare: 0.4 },
      reporting: { cycle: 'quarter', dueDay: 20 },
    });
    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'settings')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['settings.lights', 'settings.reporting']);
    expect(JSON.parse(audit[1]?.before ?? '{}')).toEqual({ cycle: 'month', dueDay: 25 });
  });

  it('refuses out-of-range values with Chinese messages naming the field', async () => {
    const cases: Array<['lights' | 'reporting', object, string]> = [
      ['lights', { reportGraceDays: 61, dueSoonDays: 7, redBelowShare: 0.5 }, '报告宽限天数'],
      ['lights', { reportGraceDays: 7, dueSoonDays: 1.5, redBelowShare: 0.5 }, '临期预警天数'],
      ['lights', { reportGraceDays: 7, dueSoonDays: 7, redBelowShare: 2 }, '红灯进度比例'],
      ['reporting', { cycle: 'week', dueDay: 25 }, '填报周期'],
      ['reporting', { cycle: 'month', dueDay: 31 }, '截止日'],
    ];
    for (const [what, payload, words] of cases) {
      const response = await put(admin, what, payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain(words);
    }
    expect((await read(admin)).reporting).toEqual({ cycle: 'month', dueDay: 25 });
  });

  it('refuses settings changes to supervisors and department users (403)', async () => {
    for (const browser of [supervisor, clerk]) {
      expect(
        (await put(browser, 'lights', { reportGraceDays: 3, dueSoonDays: 3, redBelowShare: 0.5 })).statusCode,
      ).toBe(403);
      expect((await put(browser, 'reporting', { cycle: 'term', dueDay: 10 })).statusCode).toBe(403);
    }
    expect((await read(admin)).lights.reportGraceDays).toBe(7);
  });
});
