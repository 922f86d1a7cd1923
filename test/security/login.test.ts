import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  login,
  seedOrganization,
  seedUser,
  sessionCookie,
  TEST_PASSWORD,
  TestClock,
  testApp,
} from '../support/http.ts';
import { databaseFingerprint } from './support/snapshot.ts';

// Login and session attacks: guessing passwords (slowed by argon2id, then by growing delays per
// account and per address, locked only by failures from many addresses, with no hint which
// accounts exist), session fixation (a cookie planted before login
// is never adopted), and cross-site writes (every cookie-authenticated write of the app, taken
// from its OpenAPI document, is refused without the session's own CSRF token, and writes nothing).

const HAN = /[\u4e00-\u9fff]/;

describeEachDatabase(
  'login and session security',
  (current) => {
    let app: FastifyInstance;
    let database: Database;
    const clock = new TestClock(new Date('2024-04-20T02:00:00Z'));
    const attempt = (username: string, password: string, remoteAddress = '10.1.1.1', cookie?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password },
        remoteAddress,
        ...(cookie ? { headers: { cookie } } : {}),
      });

    beforeAll(async () => {
      database = current();
      const { organizationId } = await seedOrganization(database);
      await seedUser(database, organizationId, 'duban', ['supervisor']);
      await seedUser(database, organizationId, 'target', ['department'], '办公室');
      app = await testApp(database, { now: clock.now, trustProxy: true });
    });
    afterAll(() => app?.close());

    it('slows every guess with argon2id, delays a guesser (not the owner), and tells nobody which accounts exist', async () => {
      const started = performance.now();
      const unknown = await attempt('no-such-user', 'wrong-password-1');
      const wrong = await attempt('target', 'wrong-password-1');
      // Each verification is a real argon2id hash comparison, for unknown users too.
      expect(performance.now() - started).toBeGreaterThan(20);
      expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
      expect(unknown.json().error.message).toBe(wrong.json().error.message);
      for (let i = 0; i < 2; i++)
        expect((await attempt('target', `wrong-${i}-password`)).statusCode).toBe(401);
      const fourth = await attempt('target', 'wrong-password-5');
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json().error.message).toMatch(HAN);
      expect(Number(fourth.headers['retry-after'])).toBe(1);
      // The owner, from another address, is not held up by the guesser's delay.
      expect((await attempt('target', TEST_PASSWORD, '10.2.2.2')).statusCode).toBe(200);
      // An unknown name is delayed just the same, so the delay does not reveal that an account exists.
      for (let i = 0; i < 3; i++) await attempt('ghost', `wrong-${i}-password`, '10.3.3.3');
      expect((await attempt('ghost', 'wrong-password-9', '10.3.3.3')).statusCode).toBe(429);
      clock.advance(1000);
      expect((await attempt('target', TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('locks an account only for many failures from many addresses (a distributed attack), unknown names alike', async () => {
      for (const name of ['target', 'ghost-2']) {
        for (let i = 0; i < 19; i++) {
          const response = await attempt(name, `wrong-${i}-password`, `10.20.${name.length}.${i}`);
          expect(response.statusCode, `failure ${i}`).toBe(401);
        }
        // The 20th failure, from the 20th address, locks the name.
        expect((await attempt(name, 'wrong-password-20', `10.20.${name.length}.99`)).statusCode).toBe(401);
        const locked = await attempt(name, name === 'target' ? TEST_PASSWORD : 'anything-1A', '10.30.0.1');
        expect(locked.statusCode).toBe(429);
        expect(locked.json().error.message).toContain('安全管理员解锁');
        expect(Number(locked.headers['retry-after'])).toBeGreaterThan(25 * 60);
      }
      clock.advance(30 * 60_000 + 1000);
      expect((await attempt('target', TEST_PASSWORD, '10.30.0.1')).statusCode).toBe(200);
    });

    it('never adopts a session id planted before login (no fixation)', async () => {
      const planted = 'duban_session=attacker-chosen-value-0123456789abcdef';
      const response = await attempt('target', TEST_PASSWORD, '10.4.4.4', planted);
      expect(response.statusCode).toBe(200);
      const issued = sessionCookie(response);
      expect(issued).not.toBe(planted);
      expect(issued.length).toBeGreaterThan('duban_session='.length + 30);
      expect(
        (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: planted } })).statusCode,
      ).toBe(401);
      // A victim's own earlier session, replayed by whoever saw it, dies at the next login.
      const again = await attempt('target', TEST_PASSWORD, '10.4.4.4', issued);
      expect(
        (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: issued } })).statusCode,
      ).toBe(401);
      expect(
        (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sessionCookie(again) } }))
          .statusCode,
      ).toBe(200);
    });

    it('sets the session cookie HttpOnly and SameSite=Lax, and Secure behind an HTTPS proxy', async () => {
      const plain = await attempt('duban', TEST_PASSWORD, '10.5.5.5');
      const cookie = plain.cookies.find((c) => c.name === 'duban_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      expect(cookie?.maxAge).toBeUndefined();
      const proxied = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'duban', password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
        remoteAddress: '10.5.5.5',
      });
      expect(proxied.cookies.find((c) => c.name === 'duban_session')?.secure).toBe(true);
      expect(String(proxied.headers['strict-transport-security'])).toContain('max-age=');
    });

    it('refuses every cookie write without the CSRF header, or with another session’s token, and writes nothing', async () => {
      const victim = await login(app, 'duban');
      const other = await login(app, 'target');
      const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
        paths: Record<string, Record<string, { security?: unknown[] }>>;
      }>();
      const writes = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([method, operation]) => method !== 'get' && !operation.security)
          .map(([method]) => ({ method: method.toUpperCase(), url: path.replace(/\{\w+\}/g, '1') })),
      );
      expect(writes.length).toBeGreaterThan(40);
      const before = await databaseFingerprint(database);
      for (const { method, url } of writes) {
        for (const headers of [
          { cookie: victim.cookie },
          { cookie: victim.cookie, 'x-csrf-token': other.csrf },
          { cookie: victim.cookie, 'x-csrf-token': '' },
        ]) {
          const response = await app.inject({
            method: method as 'POST',
            url,
            headers: { ...headers, 'content-type': 'application/json' },
            payload: '{}',
          });
          expect(response.statusCode, `${method} ${url} ${JSON.stringify(headers)}`).toBe(403);
          expect(response.json().error.message).toMatch(/CSRF/);
        }
      }
      // Nothing changes but the audit trail, which records each refusal (等保 2.0 安全审计).
      expect(withoutAudit(await databaseFingerprint(database))).toEqual(withoutAudit(before));
      // With its own token the same session may write (here: log out).
      const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: victim.headers });
      expect(out.statusCode).toBe(204);
      // Logging out ends the session on the server: the old cookie is worthless if replayed.
      expect((await app.inject({ method: 'GET', url: '/api/me', headers: victim.headers })).statusCode).toBe(
        401,
      );
    });
  },
  { fresh: 'all' },
);

function withoutAudit(fingerprint: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fingerprint).filter(([table]) => !table.startsWith('audit_')));
}
