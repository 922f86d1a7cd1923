import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addItem, addLeader, addPlan, addTask } from '../../../test/support/factories.ts';
import { type Browser, login, seedOrganization, seedUser, testApp } from '../../../test/support/http.ts';

interface UnitJson {
  id: number;
  name: string;
  kind: string;
  schoolKind: string | null;
  active: boolean;
  aliases: Array<{ id: number; alias: string }>;
  openTaskCount: number;
  userCount: number;
}

describeEachDatabase('directory routes', (current) => {
  let app: FastifyInstance;
  let admin: Browser;
  let supervisor: Browser;
  let clerk: Browser;
  let units: Awaited<ReturnType<typeof seedOrganization>>;
  beforeEach(async () => {
    units = await seedOrganization(current());
    await seedUser(current(), units.organizationId, 'admin', ['admin']);
    await seedUser(current(), units.organizationId, 'duban', ['supervisor']);
    await seedUser(current(), units.organizationId, 'zhangsan', ['department'], '办公室');
    app = await testApp(current());
    admin = await login(app, 'admin');
    supervisor = await login(app, 'duban');
    clerk = await login(app, 'zhangsan');
  });
  afterEach(() => app.close());

  const send = (browser: Browser, method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: browser.headers, ...(payload ? { payload } : {}) });
  const listUnits = async (browser: Browser, query = '') => {
    const response = await app.inject({ method: 'GET', url: `/api/units${query}`, headers: browser.headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ units: UnitJson[] }>().units;
  };
  const auditActions = async () =>
    (await current().db.selectFrom('audit_log').select('action').orderBy('id').execute())
      .map((a) => a.action)
      .filter((action) => !action.startsWith('user.'));

  it('adds a school with its kind, refuses a duplicate name or alias with a field-level message', async () => {
    const created = await send(supervisor, 'POST', '/api/units', {
      name: '  云溪小学 ',
      kind: 'school',
      schoolKind: '小学',
    });
    expect(created.statusCode).toBe(201);
    const schools = await listUnits(clerk, '?kind=school');
    expect(schools.map((u) => [u.name, u.schoolKind])).toEqual([
      ['云溪小学', '小学'],
      ['城关小学', null],
    ]);
    const again = await send(admin, 'POST', '/api/units', { name: '办公室', kind: 'department' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect(again.json().error.message).toContain('办公室');
    await send(admin, 'POST', `/api/units/${units.office}/aliases`, { alias: '局办' });
    const asAlias = await send(admin, 'POST', '/api/units', { name: '局办', kind: 'department' });
    expect(asAlias.statusCode).toBe(409);
    expect(asAlias.json().error.message).toContain('别名');
    const badKind = await send(admin, 'POST', '/api/units', {
      name: '某校',
      kind: 'school',
      schoolKind: '大学',
    });
    expect(badKind.statusCode).toBe(400);
  });

  it('adds and removes aliases, refusing one that names another unit', async () => {
    const added = await send(admin, 'POST', `/api/units/${units.office}/aliases`, { alias: '局办' });
    expect(added.statusCode).toBe(201);
    const office = (await listUnits(admin)).find((u) => u.id === units.office);
    expect(office?.aliases.map((a) => a.alias)).toEqual(['局办']);
    const taken = await send(admin, 'POST', `/api/units/${units.personnel}/aliases`, { alias: '局办' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details.field).toBe('alias');
    const aliasId = office?.aliases[0]?.id;
    const wrongUnit = await send(admin, 'DELETE', `/api/units/${units.personnel}/aliases/${aliasId}`);
    expect(wrongUnit.statusCode).toBe(404);
    const removed = await send(admin, 'DELETE', `/api/units/${units.office}/aliases/${aliasId}`);
    expect(removed.statusCode).toBe(204);
    expect((await listUnits(admin)).find((u) => u.id === units.office)?.aliases).toEqual([]);
    expect(await auditActions()).toEqual(['unit.alias', 'unit.alias_remove']);
  });

  it('renames a unit keeping the old name in the audit, and refuses a name in use', async () => {
    const renamed = await send(admin, 'PATCH', `/api/units/${units.personnel}`, { name: '人事教育股' });
    expect(renamed.statusCode).toBe(204);
    expect((await listUnits(admin)).map((u) => u.name)).toContain('人事教育股');
    const audit = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('action', '=', 'unit.rename')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before ?? '{}')).toEqual({ name: '人事股' });
    expect(JSON.parse(audit.after ?? '{}')).toEqual({ name: '人事教育股' });
    const clash = await send(admin, 'PATCH', `/api/units/${units.personnel}`, { name: '办公室' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.field).toBe('name');
    const schoolKind = await send(admin, 'PATCH', `/api/units/${units.office}`, { schoolKind: '小学' });
    expect(schoolKind.statusCode).toBe(400);
    expect(schoolKind.json().error.details.field).toBe('schoolKind');
  });

  it('deactivates and reactivates a unit, but refuses while it has open tasks', async () => {
    const { planId, sectionId } = await addPlan(current().db, units.organizationId);
    const itemId = await addItem(current().db, planId, sectionId, 1, '要点');
    await addTask(current().db, planId, itemId, { leadUnitId: units.office, coUnitIds: [units.personnel] });
    expect((await listUnits(admin)).map((u) => [u.name, u.openTaskCount, u.userCount])).toEqual([
      ['人事股', 1, 0],
      ['办公室', 1, 1],
      ['城关小学', 0, 0],
    ]);
    const refused = await send(admin, 'PATCH', `/api/units/${units.personnel}`, { active: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('1 项未办结');
    expect(await send(supervisor, 'PATCH', `/api/units/${units.school}`, { active: false })).toMatchObject({
      statusCode: 204,
    });
    expect((await listUnits(admin)).map((u) => u.name)).not.toContain('城关小学');
    const all = await listUnits(admin, '?includeInactive=true');
    expect(all.find((u) => u.id === units.school)?.active).toBe(false);
    await send(supervisor, 'PATCH', `/api/units/${units.school}`, { active: true });
    expect((await listUnits(admin)).map((u) => u.name)).toContain('城关小学');
    expect(await auditActions()).toEqual(['unit.deactivate', 'unit.reactivate']);
  });

  it('adds and edits leaders, refusing a duplicate name', async () => {
    const chen = await addLeader(current().db, units.organizationId, '陈玲玲');
    const created = await send(supervisor, 'POST', '/api/leaders', { name: '李开军', title: '副局长' });
    expect(created.statusCode).toBe(201);
    const duplicate = await send(admin, 'POST', '/api/leaders', { name: '陈玲玲' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details.field).toBe('name');
    expect(await send(admin, 'PATCH', `/api/leaders/${chen}`, { title: '党组书记、局长' })).toMatchObject({
      statusCode: 204,
    });
    const clash = await send(admin, 'PATCH', `/api/leaders/${chen}`, { name: '李开军' });
    expect(clash.statusCode).toBe(409);
    const list = await app.inject({ method: 'GET', url: '/api/leaders', headers: clerk.headers });
    const leaders = list.json<{ leaders: Array<{ id: number }> }>().leaders;
    expect(leaders.sort((a, b) => a.id - b.id)).toEqual([
      { id: chen, name: '陈玲玲', title: '党组书记、局长', itemCount: 0, userCount: 0 },
      { id: created.json().id, name: '李开军', title: '副局长', itemCount: 0, userCount: 0 },
    ]);
    expect(await auditActions()).toEqual(['leader.create', 'leader.update']);
  });

  it('refuses every directory write to a department user (403) and leaves nothing behind', async () => {
    const writes: Array<[method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object]> = [
      ['POST', '/api/units', { name: '新股室', kind: 'department' }],
      ['PATCH', `/api/units/${units.office}`, { name: '新名称' }],
      ['PATCH', `/api/units/${units.office}`, { active: false }],
      ['POST', `/api/units/${units.office}/aliases`, { alias: '局办' }],
      ['DELETE', `/api/units/${units.office}/aliases/1`],
      ['POST', '/api/leaders', { name: '王某' }],
      ['PATCH', '/api/leaders/1', { name: '王某' }],
    ];
    for (const [method, url, payload] of writes) {
      const response = await send(clerk, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().error.message).toContain('系统管理员和督办人员');
    }
    // Nothing behind but the audit trail's record of each refusal (等保 2.0 安全审计).
    expect(await auditActions()).toEqual(writes.map(() => 'access.denied'));
  });
});
