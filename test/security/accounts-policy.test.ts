import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  type Browser,
  login,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestClock,
  testApp,
} from '../support/http.ts';

// Accounts to 等保 2.0 level 3: the password rules say exactly what is missing; the current
// password of a change is guessed no faster than a login; a password change, disabling or a role
// change ends the user's other sessions and revokes its tokens for good; the security
// administrator sets the policy (session times, password age), sees locks and lifts them.

describeEachDatabase(
  'account security policy',
  (current) => {
    let app: FastifyInstance;
    let database: Database;
    let admin: Browser;
    let security: Browser;
    const clock = new TestClock(new Date('2024-05-06T01:00:00Z'));
    const inject = (
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      headers: object,
      payload?: object,
    ) =>
      app.inject({
        method,
        url,
        headers: headers as Record<string, string>,
        ...(payload ? { payload } : {}),
      });
    const addUser = (username: string, password: string) =>
      inject('POST', '/api/users', admin.headers, { username, password, roles: ['viewer'] });
    const loginFrom = (username: string, password: string, remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress });

    beforeAll(async () => {
      database = current();
      const { organizationId } = await seedOrganization(database);
      await seedUser(database, organizationId, 'admin', ['admin']);
      await seedUser(database, organizationId, 'anquan', ['security_admin']);
      await seedUser(database, organizationId, 'zhangsan', ['viewer']);
      await seedUser(database, organizationId, 'lisi', ['viewer']);
      await seedUser(database, organizationId, 'wangwu', ['viewer']);
      app = await testApp(database, { now: clock.now });
      admin = await login(app, 'admin');
      security = await login(app, 'anquan');
    });
    afterAll(() => app?.close());

    it('refuses weak passwords saying exactly what is missing, and accepts a strong one', async () => {
      const cases: Array<[string, string, string]> = [
        ['u1', 'password12', '这个密码只有 2 类，请再加入大写字母或符号。'],
        ['u2', 'a1a1a1a1a1', '这个密码只有 2 类，请再加入大写字母或符号。'],
        ['u3', 'Qwerty1234', '常见的弱密码'],
        ['u4', 'Password12!', '常见的弱密码'],
        ['u5', 'P@ssw0rd2024', '常见的弱密码'],
        ['liuliu', 'Liuliu-2024-x', '密码不能包含用户名'],
        ['u6', 'Short-1a', '密码至少需要 10 个字符'],
      ];
      for (const [username, password, message] of cases) {
        const response = await addUser(username, password);
        expect(response.statusCode, password).toBe(400);
        expect(response.json().error.message, password).toContain(message);
        expect(response.json().error.details.field).toBe('password');
      }
      expect((await addUser('u7', 'Lantern-River-73')).statusCode).toBe(201);
      // The test accounts' password has three classes (lower case, digits, symbols) and passes.
      expect((await addUser('u8', TEST_PASSWORD)).statusCode).toBe(201);
    });

    it('guards the current password of a change exactly like a login: same delays, shared with logins', async () => {
      const browser = await login(app, 'zhangsan');
      const change = (current: string) =>
        app.inject({
          method: 'POST',
          url: '/api/me/password',
          headers: browser.headers,
          payload: { current, next: 'Brand-New-Pass-7' },
          remoteAddress: '127.0.0.1',
        });
      for (let i = 0; i < 3; i++) {
        const wrong = await change(`wrong-guess-${i}A`);
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.message).toBe('当前密码不正确。');
      }
      const limited = await change(TEST_PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('1');
      // The same counter slows a login of that account from that address.
      expect((await loginFrom('zhangsan', TEST_PASSWORD, '127.0.0.1')).statusCode).toBe(429);
      clock.advance(1000);
      expect((await change(TEST_PASSWORD)).statusCode).toBe(204);
      const audit = await database.db
        .selectFrom('audit_log')
        .select('action')
        .where('actor_label', '=', 'zhangsan')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(['user.password_check_failed', 'user.password_changed']),
      );
    });

    it('ends other sessions and revokes tokens on a password change, disabling or a role change; re-enabling revives nothing', async () => {
      const bearer = async (browser: Browser) => {
        const created = await inject('POST', '/api/tokens', browser.headers, { name: '脚本' });
        expect(created.statusCode).toBe(201);
        return { authorization: `Bearer ${created.json().token as string}` };
      };
      const me = (headers: object) => inject('GET', '/api/me', headers);
      const userId = async (name: string) =>
        (
          await database.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', name)
            .executeTakeFirstOrThrow()
        ).id;

      // Password change: the changing session stays, the other one and the token end.
      const one = await login(app, 'lisi');
      const two = await login(app, 'lisi');
      const token = await bearer(one);
      expect((await me(token)).statusCode).toBe(200);
      const changed = await inject('POST', '/api/me/password', one.headers, {
        current: TEST_PASSWORD,
        next: 'Brand-New-Pass-8',
      });
      expect(changed.statusCode).toBe(204);
      expect((await me(one.headers)).statusCode).toBe(200);
      expect((await me(two.headers)).statusCode).toBe(401);
      expect((await me(token)).statusCode).toBe(401);

      // Disabling, then re-enabling: the old token stays dead.
      const wangwu = await login(app, 'wangwu');
      const wangwuToken = await bearer(wangwu);
      const id = await userId('wangwu');
      expect((await inject('POST', `/api/users/${id}/disable`, admin.headers)).statusCode).toBe(204);
      expect((await inject('POST', `/api/users/${id}/enable`, admin.headers)).statusCode).toBe(204);
      expect((await me(wangwuToken)).statusCode).toBe(401);
      expect((await me(wangwu.headers)).statusCode).toBe(401);

      // A role change ends the sessions and tokens granted under the old roles.
      const again = await login(app, 'wangwu');
      const againToken = await bearer(again);
      const roles = await inject('PUT', `/api/users/${id}/roles`, admin.headers, { roles: ['leader'] });
      expect(roles.statusCode).toBe(200);
      expect((await me(again.headers)).statusCode).toBe(401);
      expect((await me(againToken)).statusCode).toBe(401);
    });

    it('lets only the security administrator set the policy, which applies to open sessions at once', async () => {
      const policy = (await inject('GET', '/api/security/policy', security.headers)).json();
      expect(policy).toEqual({
        passwordComplexity: true,
        passwordMaxAgeDays: 0,
        idleMinutes: 30,
        absoluteHours: 12,
        twoFactorRoles: [],
      });
      expect((await inject('GET', '/api/security/policy', admin.headers)).statusCode).toBe(403);
      const denied = await inject('PUT', '/api/security/policy', admin.headers, {
        ...policy,
        idleMinutes: 5,
      });
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.message).toMatch(/[\u4e00-\u9fff]/);
      const bad = await inject('PUT', '/api/security/policy', security.headers, {
        ...policy,
        idleMinutes: 0,
      });
      expect(bad.statusCode).toBe(400);

      const viewer = await login(app, 'u7', 'Lantern-River-73');
      const saved = await inject('PUT', '/api/security/policy', security.headers, {
        ...policy,
        idleMinutes: 5,
        passwordMaxAgeDays: 90,
      });
      expect(saved.statusCode).toBe(200);
      clock.advance(6 * 60_000);
      expect((await inject('GET', '/api/me', viewer.headers)).statusCode).toBe(401);
      security = await login(app, 'anquan');

      // 91 days later the password has expired: the login asks for a new one before anything else.
      clock.advance(91 * 86_400_000);
      const expired = await login(app, 'u7', 'Lantern-River-73');
      const me = (await inject('GET', '/api/me', expired.headers)).json();
      expect(me).toMatchObject({ pending: 'password', permissions: [] });
      const blocked = await inject('GET', '/api/plans', expired.headers);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.message).toBe('您的密码已过期，请先修改密码。');
      const renewed = await inject('POST', '/api/me/password', expired.headers, {
        current: 'Lantern-River-73',
        next: 'Lantern-River-74',
      });
      expect(renewed.statusCode).toBe(204);
      expect((await inject('GET', '/api/me', expired.headers)).json().pending).toBeNull();
      expect((await inject('GET', '/api/plans', expired.headers)).statusCode).toBe(200);
      security = await login(app, 'anquan');
      await inject('PUT', '/api/security/policy', security.headers, policy);
    });

    it('shows locked accounts and slowed addresses to the security administrator, who unlocks them', async () => {
      security = await login(app, 'anquan');
      admin = await login(app, 'admin');
      await loginFrom('u8', 'wrong-Guess-x', '10.60.0.1');
      for (let i = 0; i < 21; i++) await loginFrom(`nobody${i}`, 'wrong-Guess-1', '10.60.0.1');
      for (let i = 0; i < 19; i++) await loginFrom('u8', `wrong-${i}-Guess`, `10.50.0.${i}`);
      expect((await loginFrom('u8', TEST_PASSWORD, '10.70.0.1')).statusCode).toBe(429);
      expect((await inject('GET', '/api/security/locks', admin.headers)).statusCode).toBe(403);
      const locks = (await inject('GET', '/api/security/locks', security.headers)).json();
      expect(locks.accounts).toContainEqual(
        expect.objectContaining({
          username: 'u8',
          addresses: expect.any(Number),
          lockedUntil: expect.any(String),
        }),
      );
      // Failures against names of no account belong to no organization; the address shows through u8.
      expect(locks.addresses).toContainEqual(expect.objectContaining({ address: '10.60.0.1' }));

      const unlock = (kind: string, value: string) =>
        inject('POST', '/api/security/unlock', security.headers, { kind, value });
      expect(
        (await inject('POST', '/api/security/unlock', admin.headers, { kind: 'account', value: 'u8' }))
          .statusCode,
      ).toBe(403);
      expect((await unlock('address', '10.60.0.1')).statusCode).toBe(204);
      expect((await unlock('address', '10.60.0.1')).statusCode).toBe(404);
      expect((await unlock('account', 'u8')).statusCode).toBe(204);
      expect((await unlock('account', 'u8')).statusCode).toBe(404);
      expect((await loginFrom('u8', TEST_PASSWORD, '10.70.0.1')).statusCode).toBe(200);
      const audit = await database.db
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('action', 'in', ['user.locked', 'security.unlock'])
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual([
        'security.unlock',
        'security.unlock',
        'user.locked',
      ]);
    });
  },
  { fresh: 'all' },
);
