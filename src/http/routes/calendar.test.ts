import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type Browser, login, TEST_PASSWORD } from '../../../test/support/http.ts';
import { seedWorkflow, type WorkflowFixture } from '../../../test/support/workflow-fixture.ts';
import { hashPassword } from '../../domain/accounts/passwords.ts';
import { computePlanLights } from '../../domain/compute-plan-lights.ts';
import type { CalendarYearView, ReportingOverrideView } from '../../shared/calendar.ts';
import { buildApp } from '../app.ts';

describeEachDatabase('the calendar, school calendar and reporting rule over HTTP', (current) => {
  let app: FastifyInstance;
  let fixture: WorkflowFixture;
  const as: Record<string, Browser> = {};

  beforeEach(async () => {
    fixture = await seedWorkflow(current());
    const hash = await hashPassword(TEST_PASSWORD);
    await current().db.updateTable('users').set({ password_hash: hash }).execute();
    app = await buildApp({ database: current(), logger: false, webRoot: false, now: fixture.clock.now });
    for (const name of ['bgs', 'duban', 'admin']) as[name] = await login(app, name);
  });
  afterEach(() => app.close());

  const call = (who: string, method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: as[who]?.headers, ...(payload ? { payload } : {}) });
  const ok = async <T>(
    who: string,
    method: 'GET' | 'PUT' | 'DELETE' | 'POST',
    url: string,
    payload?: object,
  ) => {
    const response = await call(who, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.statusCode === 204 ? (undefined as T) : response.json<T>();
  };
  const dueOf = async (period: string) =>
    (await ok<CalendarYearView>('bgs', 'GET', '/api/calendar?year=2024')).dueDates.find(
      (d) => d.period === period,
    );
  const lightsOn = (asOf: string) =>
    computePlanLights(fixture.as(fixture.actors.supervisor), { planId: fixture.planId, asOf });
  const reportOf = async (taskId: number, asOf: string) =>
    (await lightsOn(asOf)).tasks.find((t) => t.taskId === taskId)?.report;

  it('moves May 2024 reports off Saturday the 25th to Monday the 27th, in the calendar and the lights', async () => {
    const year = await ok<CalendarYearView>('bgs', 'GET', '/api/calendar?year=2024');
    expect(year.days.find((d) => d.date === '2024-10-01')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
      weekday: 2,
    });
    expect(year.days.find((d) => d.date === '2024-09-29')).toMatchObject({ kind: 'workday', weekday: 0 });
    expect(year.school.isDefault).toBe(true);
    expect(year.school.entries.map((e) => e.name)).toEqual(['春季学期', '暑假', '秋季学期']);
    expect(await dueOf('2024-05')).toEqual({
      period: '2024-05',
      label: '2024年5月',
      nominalOn: '2024-05-25',
      dueOn: '2024-05-27',
    });
    // The May report of 人事股 is not late on the Monday, one day late on the Tuesday.
    expect((await reportOf(fixture.otherTaskId, '2024-05-27'))?.overdue).not.toContain('2024-05');
    expect((await reportOf(fixture.otherTaskId, '2024-05-28'))?.overdue).toContain('2024-05');
  });

  it('moves a report due during the National Day holiday to 10-08', async () => {
    await ok('admin', 'PUT', '/api/settings/reporting', { cycle: 'month', dueDay: 1 });
    expect((await dueOf('2024-10'))?.dueOn).toBe('2024-10-08');
    expect((await reportOf(fixture.otherTaskId, '2024-10-08'))?.overdue).not.toContain('2024-10');
    expect((await reportOf(fixture.otherTaskId, '2024-10-09'))?.overdue).toContain('2024-10');
  });

  it('lets a supervisor make one task quarterly, due after the quarter ends', async () => {
    const set = await ok<ReportingOverrideView>('duban', 'PUT', `/api/tasks/${fixture.taskId}/reporting`, {
      cycle: 'quarter',
    });
    expect(set).toEqual({ cycle: 'quarter', dueDay: null, effective: { cycle: 'quarter', dueDay: 25 } });
    // 办公室 files for May; that report answers for the second quarter.
    await ok('bgs', 'POST', `/api/tasks/${fixture.taskId}/reports`, {
      period: '2024-05',
      status: 'on_track',
      percent: 40,
      narrative: '第二季度按计划推进',
    });
    const june = await reportOf(fixture.taskId, '2024-06-30');
    expect(june?.overdue).toEqual([]);
    const late = await reportOf(fixture.taskId, '2024-07-26');
    expect(late?.overdue).toEqual(['2024-Q2']);
    expect(late?.reason).toBe('行政审批股：第2季度报告逾期1天');
    // The other task keeps the monthly rule.
    expect((await reportOf(fixture.otherTaskId, '2024-06-30'))?.overdue).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    // Clearing the override brings the monthly rule back.
    const cleared = await ok<ReportingOverrideView>(
      'duban',
      'PUT',
      `/api/tasks/${fixture.taskId}/reporting`,
      {
        cycle: null,
      },
    );
    expect(cleared.effective).toEqual({ cycle: 'month', dueDay: 25 });
  });

  it('counts term reports by the school calendar the supervisor sets', async () => {
    const bad = await call('duban', 'PUT', '/api/school-calendar/2024', {
      terms: [
        { kind: 'term', name: '春季学期', startsOn: '2024-02-26', endsOn: '2024-07-12' },
        { kind: 'vacation', name: '暑假', startsOn: '2024-07-10', endsOn: '2024-08-31' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      message: '“春季学期”和“暑假”的日期重叠，请调整。',
      details: { field: 'terms' },
    });
    const terms = [
      { kind: 'vacation', name: '寒假', startsOn: '2024-01-20', endsOn: '2024-02-25' },
      { kind: 'term', name: '春季学期', startsOn: '2024-02-26', endsOn: '2024-07-12' },
      { kind: 'vacation', name: '暑假', startsOn: '2024-07-13', endsOn: '2024-08-31' },
      { kind: 'term', name: '秋季学期', startsOn: '2024-09-01', endsOn: '2025-01-17' },
    ];
    await ok('duban', 'PUT', '/api/school-calendar/2024', { terms });
    const year = await ok<CalendarYearView>('bgs', 'GET', '/api/calendar?year=2024');
    expect(year.school).toEqual({ isDefault: false, entries: terms });
    await ok('duban', 'PUT', `/api/plans/${fixture.planId}/reporting`, { cycle: 'term' });
    // The spring term ends 07-12, so its report is due 08-25, a Sunday: Monday 08-26.
    expect((await reportOf(fixture.otherTaskId, '2024-08-26'))?.overdue).toEqual([]);
    expect(await reportOf(fixture.otherTaskId, '2024-08-27')).toMatchObject({
      overdue: ['2024-spring'],
      reason: '春季学期报告逾期1天',
    });
  });

  it('lets an administrator edit a holiday, which changes the next computation, audited', async () => {
    await ok('admin', 'PUT', '/api/calendar/days/2024-05-27', { kind: 'holiday', name: '临时放假' });
    expect((await dueOf('2024-05'))?.dueOn).toBe('2024-05-28');
    expect((await reportOf(fixture.otherTaskId, '2024-05-28'))?.overdue).not.toContain('2024-05');
    await ok('admin', 'DELETE', '/api/calendar/days/2024-05-27');
    expect((await dueOf('2024-05'))?.dueOn).toBe('2024-05-27');
    const again = await call('admin', 'DELETE', '/api/calendar/days/2024-05-27');
    expect(again.statusCode).toBe(404);
    const weekday = await call('admin', 'PUT', '/api/calendar/days/2024-05-22', {
      kind: 'workday',
      name: '调休',
    });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().error.details).toMatchObject({ field: 'kind' });
    const audit = await current()
      .db.selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'calendar.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar.day.set', 'calendar.day.delete']);
  });

  it('overrides a national holiday for this bureau, marks it as its own, and reverts to the default', async () => {
    const worked = await ok<CalendarYearView['days'][number]>(
      'admin',
      'PUT',
      '/api/calendar/days/2024-10-01',
      {
        kind: 'workday',
        name: '本局值守',
      },
    );
    expect(worked).toMatchObject({
      kind: 'workday',
      own: true,
      national: { kind: 'holiday', name: '国庆节' },
    });
    const year = await ok<CalendarYearView>('bgs', 'GET', '/api/calendar?year=2024');
    expect(year.days.find((d) => d.date === '2024-10-01')).toMatchObject({ kind: 'workday', own: true });
    expect(year.days.find((d) => d.date === '2024-10-02')).toMatchObject({
      kind: 'holiday',
      own: false,
      national: null,
    });
    await ok('admin', 'DELETE', '/api/calendar/days/2024-10-01');
    const reverted = await ok<CalendarYearView>('bgs', 'GET', '/api/calendar?year=2024');
    expect(reverted.days.find((d) => d.date === '2024-10-01')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
      own: false,
    });
    // Nothing of its own left on that day: nothing to revert.
    expect((await call('admin', 'DELETE', '/api/calendar/days/2024-10-01')).statusCode).toBe(404);
  });

  it('answers administrators setting the same day at once with 200 or 409, never an error, keeping one entry', async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        call('admin', 'PUT', '/api/calendar/days/2024-05-22', { kind: 'holiday', name: `临时放假${n}` }),
      ),
    );
    for (const answer of answers) expect([200, 409], answer.body).toContain(answer.statusCode);
    const rows = await current()
      .db.selectFrom('calendar_days')
      .select('name')
      .where('date', '=', '2024-05-22')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses department users and other roles where they may not edit', async () => {
    const refusals = [
      await call('bgs', 'PUT', '/api/calendar/days/2024-05-27', { kind: 'holiday', name: '放假' }),
      await call('bgs', 'DELETE', '/api/calendar/days/2024-10-01'),
      await call('bgs', 'PUT', '/api/school-calendar/2024', { terms: [] }),
      await call('bgs', 'PUT', `/api/tasks/${fixture.taskId}/reporting`, { cycle: 'quarter' }),
      await call('bgs', 'PUT', `/api/plans/${fixture.planId}/reporting`, { cycle: 'quarter' }),
      await call('duban', 'PUT', '/api/calendar/days/2024-05-27', { kind: 'holiday', name: '放假' }),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(refusals[0]?.json().error.message).toBe('只有系统管理员可以调整本单位的节假日和调休安排。');
    expect((await dueOf('2024-05'))?.dueOn).toBe('2024-05-27');
  });
});
