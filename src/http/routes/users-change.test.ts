import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { addLeader } from '../../../test/support/factories.ts';
import { type Browser, login, seedOrganization, seedUser, testApp } from '../../../test/support/http.ts';

describeEachDatabase('changing an account (PATCH /api/users/:id)', (current) => {
  let app: FastifyInstance;
  let admin: Browser;
  let adminId: number;
  let viewerId: number;
  beforeEach(async () => {
    const { organizationId } = await seedOrganization(current());
    await addLeader(current().db, organizationId, '陈玲玲');
    adminId = await seedUser(current(), organizationId, 'admin', ['admin']);
    viewerId = await seedUser(current(), organizationId, 'wangwu', ['viewer']);
    app = await testApp(current());
    admin = await login(app, 'admin');
  });
  afterEach(() => app.close());

  const patch = (id: number, payload: object) =>
    app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: admin.headers, payload });
  const listed = async (id: number) => {
    const response = await app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
    return response.json<{ users: Array<{ id: number }> }>().users.find((u) => u.id === id);
  };

  it('sets, checks and clears the email reminders go to', async () => {
    const bad = await patch(viewerId, { email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('邮箱地址格式不正确');
    expect((await patch(viewerId, { email: 'wangwu@example.gov.cn' })).statusCode).toBe(204);
    expect(await listed(viewerId)).toMatchObject({ email: 'wangwu@example.gov.cn' });
    expect((await patch(viewerId, { email: '' })).statusCode).toBe(204);
    expect(await listed(viewerId)).toMatchObject({ email: null });
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'zhaoliu',
        password: 'correct-horse-42',
        roles: ['viewer'],
        email: 'zl@example.gov.cn',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(await listed(created.json().id)).toMatchObject({ email: 'zl@example.gov.cn' });
  });

  it('binds roles and a unit (by name or alias) in one step, refusing a role without a fitting unit', async () => {
    const noUnit = await patch(viewerId, { roles: ['department'] });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error).toMatchObject({ details: { field: 'unit' } });
    const wrongKind = await patch(viewerId, { roles: ['school'], unit: '办公室' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toContain('不是学校');
    expect(
      await patch(viewerId, { roles: ['department'], unit: '人事股', displayName: '王五' }),
    ).toMatchObject({
      statusCode: 204,
    });
    expect(await listed(viewerId)).toMatchObject({
      displayName: '王五',
      roles: ['department'],
      unitName: '人事股',
    });
    expect(await patch(viewerId, { roles: ['leader'], unit: null, leader: '陈玲玲' })).toMatchObject({
      statusCode: 204,
    });
    expect(await listed(viewerId)).toMatchObject({ roles: ['leader'], unitName: null, leaderName: '陈玲玲' });
    const audit = await current()
      .db.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'user.update')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses taking the admin role from the last administrator', async () => {
    const response = await patch(adminId, { roles: ['viewer'] });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('最后一个');
    expect((await listed(adminId)) as unknown).toMatchObject({ roles: ['admin'] });
  });
});
