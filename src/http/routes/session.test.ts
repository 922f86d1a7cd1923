import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  login,
  seedOrganization,
  seedUser,
  sessionCookie,
  TestClock,
  testApp,
} from '../../../test/support/http.ts';

describeEachDatabase('session routes', (current) => {
  let app: FastifyInstance;
  let clock: TestClock;
  beforeEach(async () => {
    clock = new TestClock();
    const { organizationId } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    app = await testApp(current(), { now: clock.now });
  });
  afterEach(() => app.close());

  const attempt = (password: string, remoteAddress = '10.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zhangsan', password },
      remoteAddress,
    });

  it('logs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const response = await attempt('correct-horse-42');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user.username).toBe('zhangsan');
    expect(body.unit).toMatchObject({ name: '办公室', kind: 'department' });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const cookie = response.cookies.find((c) => c.name === 'duban_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('marks the cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    const behindProxy = await testApp(current(), { now: clock.now, trustProxy: true });
    const response = await behindProxy.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zhangsan', password: 'correct-horse-42' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(response.cookies.find((c) => c.name === 'duban_session')?.secure).toBe(true);
    expect(response.headers['strict-transport-security']).toContain('max-age');
    await behindProxy.close();
  });

  it('refuses a wrong password with 401 and one Chinese message for every cause', async () => {
    const wrong = await attempt('wrong-password-1');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'nobody', password: 'whatever-123' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({
      code: 'UNAUTHENTICATED',
      message: '用户名或密码不正确。',
      details: {},
    });
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('slows a guesser down after 3 failures (429 + Retry-After) without locking the owner out elsewhere', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt(`wrong-password-${i}`)).statusCode).toBe(401);
    const fourth = await attempt('wrong-password-4');
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.message).toBe('登录失败次数过多，请 1 秒后再试。');
    expect(fourth.headers['retry-after']).toBe('1');
    // The owner, from another address, gets in at once: the delay is the guesser's.
    expect((await attempt('correct-horse-42', '10.9.9.9')).statusCode).toBe(200);
    clock.advance(1000);
    expect((await attempt('wrong-password-5')).statusCode).toBe(401);
    expect((await attempt('wrong-password-6')).headers['retry-after']).toBe('2');
  });

  it('slows an address down only after 20 failures across accounts, so an office behind one NAT keeps working', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: `guess${i}`, password: 'wrong-password-1' },
        remoteAddress: '10.6.6.6',
      });
      expect(r.statusCode).toBe(401);
    }
    expect((await attempt('correct-horse-42', '10.6.6.6')).statusCode).toBe(429);
    expect((await attempt('correct-horse-42', '10.7.7.7')).statusCode).toBe(200);
    clock.advance(1000);
    expect((await attempt('correct-horse-42', '10.6.6.6')).statusCode).toBe(200);
  });

  it('gives a new session id at every login and ends the previous one', async () => {
    const first = await login(app, 'zhangsan');
    const second = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zhangsan', password: 'correct-horse-42' },
      headers: { cookie: first.cookie },
    });
    expect(second.statusCode).toBe(200);
    const secondCookie = sessionCookie(second);
    expect(secondCookie).not.toBe(first.cookie);
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: first.cookie } })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: secondCookie } })).statusCode,
    ).toBe(200);
  });

  it('expires a session after 30 idle minutes but renews it while in use, and after 12 hours in any case', async () => {
    const browser = await login(app, 'zhangsan');
    const me = () => app.inject({ method: 'GET', url: '/api/me', headers: browser.headers });
    for (let i = 0; i < 24; i++) {
      clock.advance(29 * 60_000);
      expect((await me()).statusCode).toBe(200);
    }
    // 24 × 29 minutes = 11.6 hours; the next half hour crosses the 12-hour limit.
    clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(401);
    const idle = await login(app, 'zhangsan');
    clock.advance(30 * 60_000 + 1000);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: idle.headers })).statusCode).toBe(401);
  });

  it('shows the user, roles, unit, permissions and CSRF token at GET /api/me', async () => {
    const browser = await login(app, 'zhangsan');
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: browser.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: 'zhangsan' },
      organization: { name: '郧西县教育局' },
      roles: ['department'],
      unit: { name: '办公室' },
      csrfToken: browser.csrf,
    });
    expect(me.json().permissions).toContain('reports.submit');
    expect(me.json().permissions).not.toContain('users.manage');
    expect((await app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF header, and logs out with it', async () => {
    const browser = await login(app, 'zhangsan');
    const without = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: browser.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.message).toContain('X-CSRF-Token');
    const wrong = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: browser.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: browser.headers });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: browser.headers })).statusCode).toBe(
      401,
    );
  });

  it('audits login success and failure', async () => {
    await attempt('wrong-password-1');
    await login(app, 'zhangsan');
    const rows = await current()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_label', 'after'])
      .where('action', 'like', 'user.login%')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['user.login_failed', 'user.login']);
    expect(rows[0]?.actor_label).toBe('zhangsan');
    expect(JSON.parse(rows[0]?.after ?? '{}')).toMatchObject({ reason: 'bad_password' });
  });
});

describeEachDatabase('changing your own password', (current) => {
  let app: FastifyInstance;
  beforeEach(async () => {
    const { organizationId } = await seedOrganization(current());
    await seedUser(current(), organizationId, 'zhangsan', ['department'], '办公室');
    app = await testApp(current(), { now: new TestClock().now });
  });
  afterEach(() => app.close());

  const change = (headers: Record<string, string>, current: string, next: string) =>
    app.inject({ method: 'POST', url: '/api/me/password', headers, payload: { current, next } });

  it('needs the current password, checks the policy, then ends every other session', async () => {
    const browser = await login(app, 'zhangsan');
    const other = await login(app, 'zhangsan');
    const wrong = await change(browser.headers, 'not-my-password-1', 'brand-new-pass-7');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ message: '当前密码不正确。', details: { field: 'current' } });
    const weak = await change(browser.headers, 'correct-horse-42', 'short1');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.field).toBe('next');
    const same = await change(browser.headers, 'correct-horse-42', 'correct-horse-42');
    expect(same.json().error.details.field).toBe('next');

    const done = await change(browser.headers, 'correct-horse-42', 'brand-new-pass-7');
    expect(done.statusCode).toBe(204);
    const me = (session: { headers: Record<string, string> }) =>
      app.inject({ method: 'GET', url: '/api/me', headers: session.headers });
    expect((await me(browser)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    const old = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zhangsan', password: 'correct-horse-42' },
    });
    expect(old.statusCode).toBe(401);
    const fresh = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zhangsan', password: 'brand-new-pass-7' },
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('refuses a cookie write without the CSRF token', async () => {
    const browser = await login(app, 'zhangsan');
    const response = await change({ cookie: browser.cookie }, 'correct-horse-42', 'brand-new-pass-7');
    expect(response.statusCode).toBe(403);
  });
});
