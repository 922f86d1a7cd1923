import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  type Browser,
  login,
  multipartBody,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestClock,
  testApp,
} from '../../../test/support/http.ts';
import { yunxiText as notice } from '../../../test/support/yunxi.ts';
import { insertUnit } from '../../db/queries/units.ts';
import { addUser } from '../../domain/accounts/add-user.ts';
import { systemActor } from '../../domain/context.ts';
import type { FindingDetail, FindingView, InspectionList } from '../../shared/findings.ts';
import type { PlanTree } from '../../shared/plan-tree.ts';

describeEachDatabase('findings to rectify and monthly inspections', (current) => {
  let app: FastifyInstance;
  let clock: TestClock;
  let units: { office: number; personnel: number; school: number; otherSchool: number };
  let supervisor: Browser;
  let school: Browser;
  let otherSchool: Browser;
  let department: Browser;
  let viewer: Browser;

  beforeEach(async () => {
    const seeded = await seedOrganization(current());
    const otherSchoolId = await insertUnit(current().db, {
      organizationId: seeded.organizationId,
      kind: 'school',
      name: '河夹中学',
      createdAt: '2024-01-01T00:00:00Z',
    });
    units = {
      office: seeded.office,
      personnel: seeded.personnel,
      school: seeded.school,
      otherSchool: otherSchoolId,
    };
    await seedUser(current(), seeded.organizationId, 'duban', ['supervisor']);
    await seedUser(current(), seeded.organizationId, 'cgxx', ['school'], '城关小学');
    await seedUser(current(), seeded.organizationId, 'hjzx', ['school'], '河夹中学');
    await seedUser(current(), seeded.organizationId, 'rsg', ['department'], '人事股');
    await seedUser(current(), seeded.organizationId, 'chakan', ['viewer']);
    clock = new TestClock(new Date('2024-05-20T02:00:00Z'));
    app = await testApp(current(), { now: clock.now });
    supervisor = await login(app, 'duban');
    school = await login(app, 'cgxx');
    otherSchool = await login(app, 'hjzx');
    department = await login(app, 'rsg');
    viewer = await login(app, 'chakan');
  });
  afterEach(() => app.close());

  const post = (browser: Browser, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers: browser.headers, payload: payload as object });
  const get = (browser: Browser, url: string) => app.inject({ method: 'GET', url, headers: browser.headers });
  const detail = async (browser: Browser, id: number) =>
    (await get(browser, `/api/findings/${id}`)).json<FindingDetail>();
  const register = async (browser: Browser, query = '') =>
    (await get(browser, `/api/findings${query}`)).json<{ findings: FindingView[] }>().findings;
  const rectify = (
    browser: Browser,
    id: number,
    note: string,
    files: Array<{ name: string; bytes: Buffer }>,
  ) => {
    const body = multipartBody({ note }, files);
    return app.inject({
      method: 'POST',
      url: `/api/findings/${id}/rectify`,
      headers: { ...browser.headers, 'content-type': body.type },
      payload: body.payload,
    });
  };
  const record = (browser: Browser, overrides: Record<string, unknown> = {}) =>
    post(browser, '/api/findings', {
      source: '督导检查',
      title: '消防通道堆放杂物',
      detail: '教学楼一楼东侧消防通道堆放桌椅',
      unitId: units.school,
      severity: 'high',
      dueOn: '2024-05-31',
      ...overrides,
    });

  it('records, rectifies with a file, returns, rectifies again and closes a finding', async () => {
    const created = await record(supervisor);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;

    const first = await detail(school, id);
    expect(first).toMatchObject({ status: 'open', light: 'green', unit: { name: '城关小学' } });
    expect(first.actions).toEqual({ rectify: true, escalate: true, verify: false, assign: false });

    const photo = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const rectified = await rectify(school, id, '已清理消防通道', [{ name: '整改照片.pdf', bytes: photo }]);
    expect(rectified.statusCode).toBe(200);
    const afterRectify = await detail(supervisor, id);
    expect(afterRectify.status).toBe('rectified');
    expect(afterRectify.actions.verify).toBe(true);
    const file = afterRectify.evidence[0];
    expect(file?.fileName).toBe('整改照片.pdf');
    expect(afterRectify.history.find((h) => h.kind === 'rectify')?.evidence.map((e) => e.id)).toEqual([
      file?.id,
    ]);

    // The owner and the supervisor download the file; another school cannot even see it exists.
    expect((await get(school, `/api/files/${file?.id}`)).statusCode).toBe(200);
    const download = await get(supervisor, `/api/files/${file?.id}`);
    expect(download.rawPayload.equals(photo)).toBe(true);
    expect((await get(otherSchool, `/api/files/${file?.id}`)).statusCode).toBe(404);

    const noReason = await post(supervisor, `/api/findings/${id}/verify`, {
      decision: 'return',
      comment: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('退回原因');
    const returned = await post(supervisor, `/api/findings/${id}/verify`, {
      decision: 'return',
      comment: '照片看不清，请补拍',
    });
    expect(returned.json()).toMatchObject({ status: 'open', version: 3 });
    // The school cannot verify its own work.
    expect((await post(school, `/api/findings/${id}/verify`, { decision: 'close' })).statusCode).toBe(403);

    expect((await rectify(school, id, '已补拍照片', [])).statusCode).toBe(200);
    const stale = await post(supervisor, `/api/findings/${id}/verify`, { decision: 'close', version: 3 });
    expect(stale.statusCode).toBe(409);
    const closed = await post(supervisor, `/api/findings/${id}/verify`, { decision: 'close', version: 4 });
    expect(closed.json()).toMatchObject({ status: 'closed', version: 5 });

    const final = await detail(school, id);
    expect(final.light).toBe('done');
    expect(final.history.map((h) => h.kind)).toEqual([
      'record',
      'rectify',
      'return',
      'rectify',
      'verify_close',
    ]);
    expect(final.history[2]?.note).toBe('照片看不清，请补拍');
    expect((await rectify(school, id, '再来一次', [])).statusCode).toBe(409);

    const audit = await current()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'finding')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'finding.record',
      'finding.rectify',
      'finding.return',
      'finding.rectify',
      'finding.close',
    ]);
  });

  it('lets a school escalate a finding and the supervisor assign it to a department, who rectifies it', async () => {
    const id = (await record(supervisor, { dueOn: '2024-06-10' })).json<{ id: number }>().id;
    // A department cannot escalate, and the school must give a reason.
    expect((await post(school, `/api/findings/${id}/escalate`, { reason: '' })).statusCode).toBe(400);
    const escalated = await post(school, `/api/findings/${id}/escalate`, {
      reason: '需更换消防管网，学校无经费',
    });
    expect(escalated.json()).toMatchObject({ status: 'escalated' });
    expect((await post(school, `/api/findings/${id}/escalate`, { reason: '再报' })).statusCode).toBe(409);
    expect((await rectify(school, id, '无法整改', [])).statusCode).toBe(409);

    // Only a department may be assigned; a school is refused on the unitId field.
    const toSchool = await post(supervisor, `/api/findings/${id}/assign`, { unitId: units.otherSchool });
    expect(toSchool.statusCode).toBe(400);
    expect(toSchool.json().error.details.field).toBe('unitId');
    expect(
      (await post(department, `/api/findings/${id}/assign`, { unitId: units.personnel })).statusCode,
    ).toBe(404);
    const assigned = await post(supervisor, `/api/findings/${id}/assign`, {
      unitId: units.personnel,
      dueOn: '2024-07-15',
      note: '由人事股协调经费',
    });
    expect(assigned.json()).toMatchObject({ status: 'open' });

    const asDepartment = await detail(department, id);
    expect(asDepartment).toMatchObject({
      status: 'open',
      dueOn: '2024-07-15',
      unit: { name: '人事股' },
      escalatedFrom: { name: '城关小学' },
    });
    expect(asDepartment.actions).toEqual({ rectify: true, escalate: false, verify: false, assign: false });
    // The school still follows what it escalated, but no longer acts on it.
    const asSchool = await detail(school, id);
    expect(asSchool.actions.rectify).toBe(false);
    expect((await rectify(school, id, '我们来改', [])).statusCode).toBe(403);

    expect((await rectify(department, id, '已拨付经费并完成改造', [])).statusCode).toBe(200);
    expect((await post(supervisor, `/api/findings/${id}/verify`, { decision: 'close' })).json().status).toBe(
      'closed',
    );
    expect((await detail(supervisor, id)).history.map((h) => h.kind)).toEqual([
      'record',
      'escalate',
      'assign',
      'rectify',
      'verify_close',
    ]);
  });

  it('shows each unit only its own findings and answers 404 for the others', async () => {
    const mine = (await record(supervisor)).json<{ id: number }>().id;
    const theirs = (await record(supervisor, { unitId: units.otherSchool, title: '食堂留样不全' })).json<{
      id: number;
    }>().id;
    expect((await register(school)).map((f) => f.id)).toEqual([mine]);
    expect((await register(otherSchool)).map((f) => f.id)).toEqual([theirs]);
    expect((await register(supervisor)).map((f) => f.id).sort()).toEqual([mine, theirs].sort());
    expect(await register(department)).toEqual([]);
    expect((await get(school, `/api/findings/${theirs}`)).statusCode).toBe(404);
    expect((await rectify(school, theirs, '顺手改了', [])).statusCode).toBe(404);
    expect((await post(school, `/api/findings/${theirs}/escalate`, { reason: 'x' })).statusCode).toBe(404);
    // A viewer reads everything and can do nothing.
    const asViewer = await register(viewer);
    expect(asViewer).toHaveLength(2);
    expect(asViewer.every((f) => !Object.values(f.actions).some(Boolean))).toBe(true);
    expect((await rectify(viewer, mine, '查看者', [])).statusCode).toBe(403);
  });

  it('lets a unit record only its own findings and only supervisors record for others', async () => {
    expect((await record(school)).statusCode).toBe(201);
    const forOther = await record(school, { unitId: units.otherSchool });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.message).toContain('督办人员');
    expect((await record(viewer)).statusCode).toBe(403);
    const past = await record(supervisor, { dueOn: '2024-05-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.field).toBe('dueOn');
    const unknownUnit = await record(supervisor, { unitId: 999_999 });
    expect(unknownUnit.json().error.details.field).toBe('unitId');
    const blank = await record(supervisor, { title: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toContain('问题描述');
  });

  it('files a monthly inspection with no findings and one with two, and shows who filed', async () => {
    const none = await post(otherSchool, '/api/inspections', { period: '2024-05', findings: [] });
    expect(none.statusCode).toBe(201);
    expect(none.json()).toMatchObject({ findingIds: [], note: '本月检查未发现问题' });
    const again = await post(otherSchool, '/api/inspections', { period: '2024-05', findings: [] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已填报');

    const two = await post(school, '/api/inspections', {
      period: '2024-05',
      findings: [
        { title: '灭火器过期', detail: '三楼走廊两具灭火器过期', severity: 'medium', dueOn: '2024-05-25' },
        { title: '围墙裂缝', severity: 'high', dueOn: '2024-06-30' },
      ],
    });
    expect(two.statusCode).toBe(201);
    expect(two.json().findingIds).toHaveLength(2);
    const listed = await register(school);
    expect(listed.map((f) => [f.title, f.source, f.inspectionId])).toEqual([
      ['灭火器过期', '校园安全月检', two.json().id],
      ['围墙裂缝', '校园安全月检', two.json().id],
    ]);
    expect((await post(school, '/api/inspections', { period: '2024-06', findings: [] })).statusCode).toBe(
      400,
    );
    expect((await post(supervisor, '/api/inspections', { period: '2024-05', findings: [] })).statusCode).toBe(
      403,
    );

    const month = (await get(supervisor, '/api/inspections?period=2024-05')).json<InspectionList>();
    expect(month.rows.map((r) => [r.unit.name, r.filings.map((f) => f.findingCount)])).toEqual([
      ['城关小学', [2]],
      ['河夹中学', [0]],
    ]);
    const april = (await get(supervisor, '/api/inspections?period=2024-04')).json<InspectionList>();
    expect(april.rows.every((r) => r.filings.length === 0)).toBe(true);
    const own = (await get(school, '/api/inspections?period=2024-05')).json<InspectionList>();
    expect(own.rows.map((r) => r.unit.name)).toEqual(['城关小学']);
  });

  it('lights findings by deadline and filters the overdue ones', async () => {
    const soon = (await record(supervisor, { title: '三天内到期', dueOn: '2024-05-23' })).json().id;
    const later = (await record(supervisor, { title: '月底到期', dueOn: '2024-05-31' })).json().id;
    clock.current = new Date('2024-05-28T02:00:00Z');
    // Eight days on, the session has lapsed: sign in again.
    supervisor = await login(app, 'duban');
    const byId = new Map((await register(supervisor)).map((f) => [f.id, f]));
    expect(byId.get(soon)).toMatchObject({ light: 'red', reason: '已超过整改期限 5 天' });
    expect(byId.get(later)).toMatchObject({ light: 'yellow', reason: '3 天后到期' });
    expect((await register(supervisor, '?overdue=true')).map((f) => f.id)).toEqual([soon]);
    expect((await register(supervisor, '?severity=low')).map((f) => f.id)).toEqual([]);
    expect((await register(supervisor, `?unitId=${units.school}&status=open`)).length).toBe(2);
  });

  it('shows a leader the findings linked to an item naming them', async () => {
    const imported = await post(supervisor, '/api/plans', { text: notice, createUnits: true });
    const planId = imported.json().id;
    await post(supervisor, `/api/plans/${planId}/publish`, {});
    const tree = (await get(supervisor, `/api/plans/${planId}`)).json<PlanTree>();
    const item = tree.sections.flatMap((s) => s.items).find((i) => i.no === 17);
    const leaderName = item?.leaders[0];
    expect(leaderName).toBeTruthy();
    const organizationId = (
      await current().db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()
    ).id;
    await addUser(
      {
        db: current().db,
        dialect: current().dialect,
        actor: systemActor(organizationId),
        now: () => new Date(),
      },
      { username: 'lingdao', password: TEST_PASSWORD, roles: ['leader'], leader: leaderName },
    );
    const leader = await login(app, 'lingdao');
    const linked = (await record(supervisor, { itemId: item?.id })).json().id;
    await record(supervisor, { title: '未关联要点' });
    expect((await register(leader)).map((f) => f.id)).toEqual([linked]);
    expect((await detail(leader, linked)).item).toMatchObject({ no: 17, planId });
    expect((await record(supervisor, { itemId: 999_999 })).json().error.details.field).toBe('itemId');
  });
});
