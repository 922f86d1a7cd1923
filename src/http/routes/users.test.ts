import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  testApp,
} from '../../../test/support/http.ts';

describeEachDatabase('user, token and audit routes', (current) => {
  let app: FastifyInstance;
  let admin: Browser;
  let clerk: Browser;
  let clerkId: number;
  let otherOrgUserId: number;
  beforeEach(async () => {
    const { organizationId } = await seedOrganization(current());
    const other = await seedOrganization(current(), '另一个教育局');
    await seedUser(current(), organizationId, 'admin', ['admin']);
    await seedUser(current(), organizationId, 'duban', ['supervisor']);
    clerkId = await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    otherOrgUserId = await seedUser(current(), other.organizationId, 'outsider', ['department'], '人事股');
    app = await testApp(current());
    admin = await login(app, 'admin');
    clerk = await login(app, 'zhangsan');
  });
  afterEach(() => app.close());

  it('lets an administrator create a department user bound to a unit, who can then log in', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: {
        username: 'lisi',
        displayName: '李四',
        password: 'renshi-2024-ok',
        roles: ['department'],
        unit: '人事股',
      },
    });
    expect(created.statusCode).toBe(201);
    const lisi = await login(app, 'lisi', 'renshi-2024-ok');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: lisi.headers });
    expect(me.json()).toMatchObject({ user: { displayName: '李四' }, unit: { name: '人事股' } });
    const list = await app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
    expect(list.json().users.map((u: { username: string }) => u.username)).toEqual([
      'admin',
      'duban',
      'lisi',
      'zhangsan',
    ]);
  });

  it('enforces the password policy and the directory with field-level Chinese messages', async () => {
    const weak = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'lisi', password: 'onlyletters', roles: ['viewer'] },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'password' } });
    expect(weak.json().error.message).toContain('请再加入大写字母或数字或符号');
    const noUnit = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'lisi', password: 'renshi-2024-ok', roles: ['department'], unit: '不存在股' },
    });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.message).toContain('不存在股');
    const taken = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'zhangsan', password: 'renshi-2024-ok', roles: ['viewer'] },
    });
    expect(taken.statusCode).toBe(409);
  });

  it('refuses user administration to non-administrators (403) and hides other organizations (404)', async () => {
    const supervisor = await login(app, 'duban');
    for (const browser of [clerk, supervisor]) {
      expect(
        (await app.inject({ method: 'GET', url: '/api/users', headers: browser.headers })).statusCode,
      ).toBe(403);
      const create = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: browser.headers,
        payload: { username: 'sneaky', password: 'sneaky-2024-x', roles: ['admin'] },
      });
      expect(create.statusCode).toBe(403);
      const roles = await app.inject({
        method: 'PUT',
        url: `/api/users/${clerkId}/roles`,
        headers: browser.headers,
        payload: { roles: ['admin'] },
      });
      expect(roles.statusCode).toBe(403);
    }
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/users/${otherOrgUserId}/disable`,
      headers: admin.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('audits role changes with before and after, and lets the audit administrator read the audit trail', async () => {
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/users/${clerkId}/roles`,
      headers: admin.headers,
      payload: { roles: ['department', 'viewer'] },
    });
    expect(changed.json()).toEqual({ roles: ['department', 'viewer'] });
    const supervisor = await login(app, 'duban');
    const refused = await app.inject({ method: 'GET', url: '/api/audit', headers: supervisor.headers });
    expect(refused.statusCode).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'shenji', password: TEST_PASSWORD, roles: ['auditor'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const auditor = await login(app, 'shenji');
    const audit = await app.inject({
      method: 'GET',
      url: `/api/audit?entityType=user&entityId=${clerkId}&action=user.roles`,
      headers: auditor.headers,
    });
    expect(audit.statusCode).toBe(200);
    expect(audit.json().entries).toHaveLength(1);
    expect(audit.json().entries[0]).toMatchObject({
      actorLabel: 'admin',
      before: { roles: ['department'] },
      after: { roles: ['department', 'viewer'] },
    });
    const clerkAgain = await login(app, 'zhangsan');
    expect(
      (await app.inject({ method: 'GET', url: '/api/audit', headers: clerkAgain.headers })).statusCode,
    ).toBe(403);
  });

  it('does not let the last administrator lose the role or be disabled', async () => {
    const me = (await app.inject({ method: 'GET', url: '/api/me', headers: admin.headers })).json();
    const drop = await app.inject({
      method: 'PUT',
      url: `/api/users/${me.user.id}/roles`,
      headers: admin.headers,
      payload: { roles: ['viewer'] },
    });
    expect(drop.statusCode).toBe(409);
  });

  it('resets a password and disables an account, ending its sessions', async () => {
    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${clerkId}/password`,
      headers: admin.headers,
      payload: { password: 'brand-new-pass-9' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: clerk.headers })).statusCode).toBe(
      401,
    );
    const again = await login(app, 'zhangsan', 'brand-new-pass-9');
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/users/${clerkId}/disable`,
      headers: admin.headers,
    });
    expect(disabled.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: again.headers })).statusCode).toBe(
      401,
    );
    const refused = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zhangsan', password: 'brand-new-pass-9' },
    });
    expect(refused.statusCode).toBe(401);
  });

  it('authenticates scripts with a bearer token without CSRF, and refuses a revoked token with 401', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: clerk.headers,
      payload: { name: '脚本' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^dbn_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: bearer });
    expect(me.json()).toMatchObject({ user: { username: 'zhangsan' } });
    expect(me.json().csrfToken).toBeUndefined();
    // A write with only the bearer token needs no CSRF header.
    const second = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer,
      payload: { name: '另一个' },
    });
    expect(second.statusCode).toBe(201);
    const listed = await app.inject({ method: 'GET', url: '/api/tokens', headers: bearer });
    expect(listed.json().tokens).toHaveLength(2);
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const revoked = await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: clerk.headers });
    expect(revoked.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toContain('令牌');
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer nonsense' } }))
        .statusCode,
    ).toBe(401);
  });

  it("hides other users' tokens from non-administrators and lets administrators manage them", async () => {
    const supervisor = await login(app, 'duban');
    const peek = await app.inject({
      method: 'GET',
      url: `/api/users/${clerkId}/tokens`,
      headers: supervisor.headers,
    });
    expect(peek.statusCode).toBe(404);
    const made = await app.inject({
      method: 'POST',
      url: `/api/users/${clerkId}/tokens`,
      headers: admin.headers,
      payload: { name: '管理员代建' },
    });
    expect(made.statusCode).toBe(201);
    const steal = await app.inject({
      method: 'DELETE',
      url: `/api/tokens/${made.json().id}`,
      headers: supervisor.headers,
    });
    expect(steal.statusCode).toBe(404);
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/users/${otherOrgUserId}/tokens`,
      headers: admin.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
