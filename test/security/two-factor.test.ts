import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { totpCode } from '../../src/domain/accounts/totp.ts';
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

// Two-factor login (TOTP, RFC 6238) over HTTP: required per role by the security administrator; a
// user of such a role enrols right after the password and can do nothing else first; later logins
// need a code (or a one-time recovery code), guessed no faster than passwords; the secret is never
// shown again after enrolment; the security administrator can reset a lost phone.

describeEachDatabase(
  'two-factor login',
  (current) => {
    let app: FastifyInstance;
    let database: Database;
    let security: Browser;
    const clock = new TestClock(new Date('2024-06-03T01:00:00Z'));
    let secret = '';
    let recoveryCodes: string[] = [];
    const post = (url: string, headers: object, payload?: object) =>
      app.inject({
        method: 'POST',
        url,
        headers: headers as Record<string, string>,
        ...(payload ? { payload } : {}),
      });
    const get = (url: string, headers: object) =>
      app.inject({ method: 'GET', url, headers: headers as Record<string, string> });

    beforeAll(async () => {
      database = current();
      const { organizationId } = await seedOrganization(database);
      await seedUser(database, organizationId, 'anquan', ['security_admin']);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'viewer', ['viewer']);
      app = await testApp(database, { now: clock.now });
      security = await login(app, 'anquan');
      const policy = (await get('/api/security/policy', security.headers)).json();
      const saved = await app.inject({
        method: 'PUT',
        url: '/api/security/policy',
        headers: security.headers,
        payload: { ...policy, twoFactorRoles: ['supervisor', 'admin', 'security_admin', 'auditor'] },
      });
      expect(saved.statusCode).toBe(200);
    });
    afterAll(() => app?.close());

    it('makes a user of a required role enrol right after the password, before anything else', async () => {
      const browser = await login(app, 'duban');
      const me = (await get('/api/me', browser.headers)).json();
      expect(me).toMatchObject({ pending: 'enrol', permissions: [] });
      const blocked = await get('/api/plans', browser.headers);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.message).toBe('您的角色要求两步验证，请先绑定验证器。');
      const setup = await post('/api/me/two-factor/setup', browser.headers);
      expect(setup.statusCode).toBe(200);
      secret = setup.json().secret;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.json().uri).toContain(`secret=${secret}`);
      expect(setup.json().qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
      const wrong = await post('/api/me/two-factor', browser.headers, { code: '000000' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.message).toContain('验证码不正确');
      const done = await post('/api/me/two-factor', browser.headers, { code: totpCode(secret, clock.now()) });
      expect(done.statusCode).toBe(200);
      recoveryCodes = done.json().recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      expect(done.json().pending).toBeNull();
      expect((await get('/api/plans', browser.headers)).statusCode).toBe(200);
      // The secret is never handed out again, and is not stored in the clear next to the codes.
      expect((await post('/api/me/two-factor/setup', browser.headers)).statusCode).toBe(409);
      expect(JSON.stringify((await get('/api/me', browser.headers)).json())).not.toContain(secret);
      const stored = await database.db.selectFrom('recovery_codes').select('code_hash').execute();
      expect(stored.map((r) => r.code_hash)).not.toContain(recoveryCodes[0]);
      // A user of a role without the requirement logs in with the password alone.
      expect((await get('/api/me', (await login(app, 'viewer')).headers)).json().pending).toBeNull();
    });

    it('asks later logins for a code, refuses a replayed code, and takes each recovery code once', async () => {
      clock.advance(60_000);
      const browser = await login(app, 'duban');
      expect((await get('/api/me', browser.headers)).json().pending).toBe('totp');
      expect((await get('/api/plans', browser.headers)).json().error.message).toBe(
        '请先输入两步验证码完成登录。',
      );
      const code = totpCode(secret, clock.now());
      const ok = await post('/api/session/two-factor', browser.headers, { code });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ pending: null, roles: ['supervisor'] });
      expect(ok.json().permissions.length).toBeGreaterThan(3);
      // The same code, seen over a shoulder, does not open a second session.
      const thief = await login(app, 'duban');
      const replay = await post('/api/session/two-factor', thief.headers, { code });
      expect(replay.statusCode).toBe(401);
      expect(await post('/api/session/two-factor', thief.headers, { code: recoveryCodes[0] })).toMatchObject({
        statusCode: 200,
      });
      const third = await login(app, 'duban');
      const reused = await post('/api/session/two-factor', third.headers, { code: recoveryCodes[0] });
      expect(reused.statusCode).toBe(401);
      clock.advance(1000);
      const upper = await post('/api/session/two-factor', third.headers, {
        code: recoveryCodes[1]?.toUpperCase(),
      });
      expect(upper.statusCode).toBe(200);
    });

    it('slows down guessing of codes like passwords, and audits the second factor', async () => {
      clock.advance(60_000);
      const browser = await login(app, 'duban');
      for (let i = 0; i < 3; i++) {
        expect(
          (await post('/api/session/two-factor', browser.headers, { code: `00000${i}` })).statusCode,
        ).toBe(401);
      }
      const limited = await post('/api/session/two-factor', browser.headers, {
        code: totpCode(secret, clock.now()),
      });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const audit = await database.db
        .selectFrom('audit_log')
        .select('action')
        .where('actor_label', '=', 'duban')
        .execute();
      const actions = audit.map((a) => a.action);
      for (const action of [
        'user.login',
        'user.two_factor_enrol',
        'user.second_factor',
        'user.second_factor_failed',
      ])
        expect(actions).toContain(action);
    });

    it('lets the security administrator reset a lost phone: sessions end, the next login enrols again', async () => {
      clock.advance(5 * 60_000);
      security = await login(app, 'anquan');
      // The security administrator's own role needs the second factor too.
      expect((await get('/api/me', security.headers)).json().pending).toBe('enrol');
      const setup = await post('/api/me/two-factor/setup', security.headers);
      await post('/api/me/two-factor', security.headers, {
        code: totpCode(setup.json().secret, clock.now()),
      });
      const users = (await get('/api/security/users', security.headers)).json();
      const duban = users.find((u: { username: string }) => u.username === 'duban');
      expect(duban).toMatchObject({ twoFactor: true, roles: ['supervisor'] });
      expect(JSON.stringify(users)).not.toContain(secret);
      const before = await login(app, 'duban');
      const viewer = await login(app, 'viewer');
      const forbidden = await app.inject({
        method: 'DELETE',
        url: `/api/security/users/${duban.id}/two-factor`,
        headers: viewer.headers,
      });
      expect(forbidden.statusCode).toBe(403);
      const reset = await app.inject({
        method: 'DELETE',
        url: `/api/security/users/${duban.id}/two-factor`,
        headers: security.headers,
      });
      expect(reset.statusCode).toBe(204);
      expect((await get('/api/me', before.headers)).statusCode).toBe(401);
      const after = await login(app, 'duban', TEST_PASSWORD);
      expect((await get('/api/me', after.headers)).json().pending).toBe('enrol');
    });
  },
  { fresh: 'all' },
);
