import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../../scripts/demo-data.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type Browser, login, TestClock, testApp } from '../../../test/support/http.ts';
import { computePlanLights } from '../../domain/compute-plan-lights.ts';
import { cliContext } from '../../domain/ensure-organization.ts';

const WEBHOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0f8e7d6c-5b4a-secret';

const settings = {
  daysBeforeDue: 3,
  leaderAfterDays: 3,
  supervisorAfterDays: 5,
  quietStart: '22:00',
  quietEnd: '07:30',
  emailEnabled: false,
  smtpHost: '',
  smtpPort: 465,
  smtpSecure: true,
  smtpUser: '',
  smtpFrom: '',
  wecomEnabled: true,
  dingtalkEnabled: false,
};

describeEachDatabase('notification routes', (current) => {
  let app: FastifyInstance;
  let admin: Browser;
  let clerk: Browser;
  let planId: number;
  beforeEach(async () => {
    ({ planId } = await seedDemo(current()));
    app = await testApp(current(), { now: new TestClock(new Date('2024-05-20T02:00:00Z')).now });
    admin = await login(app, 'admin', DEMO_PASSWORD);
    clerk = await login(app, 'bangongshi', DEMO_PASSWORD);
  });
  afterEach(() => app.close());

  it('keeps the webhook address secret: masked in answers, kept when a save leaves it out, refused to non-admins', async () => {
    const put = (payload: object, who = admin) =>
      app.inject({ method: 'PUT', url: '/api/settings/notifications', headers: who.headers, payload });
    expect((await put({ ...settings, wecomWebhook: WEBHOOK }, clerk)).statusCode).toBe(403);
    const saved = await put({ ...settings, wecomWebhook: WEBHOOK });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('0f8e7d6c');
    expect(saved.json()).toMatchObject({
      wecomWebhook: '••••',
      secretsSet: { wecomWebhook: true, dingtalkWebhook: false },
    });
    // Saving again without the field keeps the address.
    expect((await put({ ...settings, daysBeforeDue: 2 })).json().secretsSet.wecomWebhook).toBe(true);
    const read = await app.inject({
      method: 'GET',
      url: '/api/settings/notifications',
      headers: admin.headers,
    });
    expect(read.json()).toMatchObject({ daysBeforeDue: 2, wecomWebhook: '••••' });
    expect(read.body).not.toContain('0f8e7d6c');
    // The audit log is the audit administrator's (三员分立): the system administrator creates one.
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { username: 'shenji', password: DEMO_PASSWORD, roles: ['auditor'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const auditor = await login(app, 'shenji', DEMO_PASSWORD);
    const audit = await app.inject({ method: 'GET', url: '/api/audit', headers: auditor.headers });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('settings.notifications');
    expect(audit.body).not.toContain('0f8e7d6c');
    const bad = await put({ ...settings, supervisorAfterDays: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不能少于');
  });

  it('urges a red or yellow task: the owners get an in-app message, the unread count goes up and read-all clears it', async () => {
    const lights = await computePlanLights(
      await cliContext(current(), () => new Date('2024-05-20T02:00:00Z')),
      {
        planId,
      },
    );
    const lagging = lights.tasks.find(
      (t) => (t.light === 'red' || t.light === 'yellow') && t.units.includes('办公室'),
    );
    expect(lagging).toBeDefined();
    // A task whose completion was accepted is done, not lagging: it cannot be urged.
    const fine = lights.tasks.find((t) => t.taskId !== lagging?.taskId && t.parentTaskId === null);
    await current()
      .db.updateTable('tasks')
      .set({ status: 'done', completed_at: '2024-05-10T02:00:00Z' })
      .where('id', '=', fine?.taskId ?? 0)
      .execute();
    const urge = (taskId: number, who = admin) =>
      app.inject({
        method: 'POST',
        url: `/api/tasks/${taskId}/urge`,
        headers: who.headers,
        payload: { message: '请本周内报送' },
      });
    expect((await urge(lagging?.taskId ?? 0, clerk)).statusCode).toBe(403);
    expect(fine).toBeDefined();
    const refused = await urge(fine?.taskId ?? 0);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('只有亮红灯或黄灯的工作可以催办（当前为已办结）。');
    const urged = await urge(lagging?.taskId ?? 0);
    expect(urged.statusCode).toBe(200);
    expect(urged.json()).toEqual({ reached: 1, failed: 0 });

    const count = await app.inject({
      method: 'GET',
      url: '/api/notifications/unread-count',
      headers: clerk.headers,
    });
    expect(count.json()).toEqual({ unread: 1 });
    const list = await app.inject({
      method: 'GET',
      url: '/api/notifications?unread=true',
      headers: clerk.headers,
    });
    const [message] = list.json().notifications;
    expect(message).toMatchObject({ kind: 'urge', title: `催办：${lagging?.title}`, readAt: null });
    expect(message.body).toContain('催办说明：请本周内报送');
    // Another user cannot mark it read; its owner can.
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/notifications/${message.id}/read`,
      headers: admin.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const read = await app.inject({
      method: 'POST',
      url: `/api/notifications/${message.id}/read`,
      headers: clerk.headers,
    });
    expect(read.statusCode).toBe(204);
    expect(
      (
        await app.inject({ method: 'GET', url: '/api/notifications/unread-count', headers: clerk.headers })
      ).json(),
    ).toEqual({
      unread: 0,
    });
    expect(
      (
        await app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: clerk.headers })
      ).json(),
    ).toEqual({
      marked: 0,
    });

    const log = await app.inject({
      method: 'GET',
      url: '/api/reminders?channel=inapp',
      headers: admin.headers,
    });
    expect(log.json().reminders[0]).toMatchObject({
      kind: 'urge',
      channel: 'inapp',
      recipient: '办公室 王晓',
      recipientUnit: '办公室',
      status: 'sent',
    });
    expect(
      (await app.inject({ method: 'GET', url: '/api/reminders', headers: clerk.headers })).statusCode,
    ).toBe(403);
  });
});
