import { createHmac } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { seedDemo } from '../../../scripts/demo-data.ts';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import type { Database } from '../../db/connect.ts';
import { decodeMail, startSmtpReceiver, startWebhookReceiver } from '../../notify/testing.ts';
import { loadActor } from '../accounts/load-actor.ts';
import type { Context } from '../context.ts';
import { recordFinding } from '../findings/record-finding.ts';
import { runDailyRemindersJob } from './daily-reminders-job.ts';
import { updateNotificationSettings } from './notification-settings.ts';
import { runDailyReminders } from './run-daily-reminders.ts';

const fast = { delaysMs: [5, 5] };
const WECOM_KEY = 'wecom-key-693a0b2c-secret';
const DING_TOKEN = 'ding-token-5f1e9c77-secret';
const DING_SECRET = 'SEC0123456789abcdef-secret';

interface Fixture {
  database: Database;
  organizationId: number;
  taskId: number;
  title: string;
  users: { admin: number; clerk: number; leader: number };
}

// The Yunxi 2024 plan imported and published (the demo data): one 办公室 task under an item that
// names 陈玲玲 gets the due date the case needs.
async function seed(database: Database): Promise<Fixture> {
  await seedDemo(database);
  const { db } = database;
  const id = async (username: string) =>
    (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const users = { admin: await id('admin'), clerk: await id('bangongshi'), leader: await id('chenlingling') };
  const leaderId = (
    await db.selectFrom('users').select('leader_id').where('id', '=', users.leader).executeTakeFirstOrThrow()
  ).leader_id;
  const task = await db
    .selectFrom('tasks')
    .innerJoin('units', 'units.id', 'tasks.lead_unit_id')
    .innerJoin('item_leaders', 'item_leaders.item_id', 'tasks.item_id')
    .select(['tasks.id', 'tasks.title', 'units.organization_id'])
    .where('units.name', '=', '办公室')
    .where('item_leaders.leader_id', '=', leaderId ?? -1)
    .where('tasks.parent_task_id', 'is', null)
    .orderBy('tasks.id')
    .executeTakeFirstOrThrow();
  return { database, organizationId: task.organization_id, taskId: task.id, title: task.title, users };
}

function at(day: string, time = '08:30'): () => Date {
  return () => new Date(`${day}T${time}:00+08:00`);
}

async function adminContext(f: Fixture, now: () => Date): Promise<Context> {
  const actor = await loadActor(f.database.db, f.users.admin);
  if (!actor) throw new Error('admin not loaded');
  return { db: f.database.db, dialect: f.database.dialect, actor, now };
}

async function run(f: Fixture, day: string, time?: string) {
  const ctx = await adminContext(f, at(day, time));
  return runDailyReminders(ctx, { organizationId: f.organizationId, day, retry: fast });
}

async function inAppLog(f: Fixture, userId: number, day: string): Promise<string[]> {
  const rows = await f.database.db
    .selectFrom('reminders')
    .select('message')
    .where('recipient_user_id', '=', userId)
    .where('channel', '=', 'inapp')
    .where('day', '=', day)
    .execute();
  return rows.map((r) => r.message);
}

async function setDue(f: Fixture, dueOn: string): Promise<void> {
  await f.database.db.updateTable('tasks').set({ due_on: dueOn }).where('id', '=', f.taskId).execute();
}

describeEachDatabase('daily reminders over the Yunxi plan', (current) => {
  let f: Fixture;
  beforeEach(async () => {
    f = await seed(current());
  });

  it('reminds the clerk before, on and after a due date around 端午节 and tells the leader on the 3rd overdue working day', async () => {
    await setDue(f, '2024-06-11');
    const line = (when: string) => `${f.title}（${when}，2024-06-11）`;
    await run(f, '2024-06-05');
    expect((await inAppLog(f, f.users.clerk, '2024-06-05')).join('\n')).toContain(line('还有3个工作日到期'));
    const holiday = await run(f, '2024-06-10');
    expect(holiday).toMatchObject({ workingDay: false, digests: 0, inApp: 0 });
    expect(
      await f.database.db.selectFrom('reminders').select('id').where('day', '=', '2024-06-10').execute(),
    ).toEqual([]);
    await run(f, '2024-06-11');
    expect((await inAppLog(f, f.users.clerk, '2024-06-11')).join('\n')).toContain(line('今日到期'));
    await run(f, '2024-06-13');
    expect((await inAppLog(f, f.users.clerk, '2024-06-13')).join('\n')).toContain(line('已逾期2个工作日'));
    expect((await inAppLog(f, f.users.leader, '2024-06-13')).join('\n')).not.toContain('2024-06-11）');
    await run(f, '2024-06-14');
    expect((await inAppLog(f, f.users.leader, '2024-06-14')).join('\n')).toContain(
      '已逾期3个工作日，2024-06-11）',
    );
    // The leader's in-app notification is there too, unread.
    const inbox = await f.database.db
      .selectFrom('notifications')
      .select(['title', 'read_at'])
      .where('user_id', '=', f.users.leader)
      .execute();
    expect(inbox.some((n) => n.title.startsWith('督办提醒（2024年6月14日）') && n.read_at === null)).toBe(
      true,
    );
  });

  it('puts an open finding of the clerk unit in the same digest, with its address, before, on and after its deadline', async () => {
    const clerk = await loadActor(f.database.db, f.users.clerk);
    if (!clerk?.unitId) throw new Error('clerk not loaded');
    const { id } = await recordFinding(
      { db: f.database.db, dialect: f.database.dialect, actor: clerk, now: at('2024-06-04') },
      {
        source: '督导检查',
        title: '档案室消防器材过期未更换',
        detail: '',
        severity: 'medium',
        dueOn: '2024-06-11',
        unitId: clerk.unitId,
      },
    );
    const line = (when: string) =>
      `· 整改问题（督导检查）：档案室消防器材过期未更换（${when}，2024-06-11） /findings?finding=${id}`;
    await run(f, '2024-06-05');
    expect((await inAppLog(f, f.users.clerk, '2024-06-05')).join('\n')).toContain(line('还有3个工作日到期'));
    const inbox = await f.database.db
      .selectFrom('notifications')
      .select(['body', 'link'])
      .where('user_id', '=', f.users.clerk)
      .executeTakeFirstOrThrow();
    expect(inbox.body).toContain(line('还有3个工作日到期'));
    // The digest opens the workbench (the clerk has tasks too); the finding's line names its own page.
    expect(inbox.link).toBe('/workbench');
    expect(await run(f, '2024-06-10')).toMatchObject({ workingDay: false, digests: 0 });
    await run(f, '2024-06-11');
    expect((await inAppLog(f, f.users.clerk, '2024-06-11')).join('\n')).toContain(line('今日到期'));
    await run(f, '2024-06-13');
    expect((await inAppLog(f, f.users.clerk, '2024-06-13')).join('\n')).toContain(line('已逾期2个工作日'));
    // Not linked to an item: no leader hears of it.
    expect((await inAppLog(f, f.users.leader, '2024-06-14')).join('\n')).not.toContain('档案室消防器材');
  });

  it('sends nothing in the National Day week and does remind on the worked Sunday 2024-09-29', async () => {
    await setDue(f, '2024-10-08');
    await run(f, '2024-09-29');
    expect((await inAppLog(f, f.users.clerk, '2024-09-29')).join('\n')).toContain(
      `${f.title}（还有2个工作日到期，2024-10-08）`,
    );
    for (const day of ['2024-10-01', '2024-10-04', '2024-10-07']) {
      expect(await run(f, day)).toMatchObject({ workingDay: false, digests: 0 });
    }
    const count = await f.database.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('created_at', '>', '2024-09-30T12:00:00Z')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('e-mails the digest in Chinese, posts to both robots in their formats, retries a failing receiver and never sends twice', async () => {
    const smtp = await startSmtpReceiver();
    const hooks = await startWebhookReceiver();
    try {
      await setDue(f, '2024-06-11');
      await f.database.db
        .updateTable('users')
        .set({ email: 'wangxiao@yunxi.example' })
        .where('id', '=', f.users.clerk)
        .execute();
      await updateNotificationSettings(await adminContext(f, at('2024-06-04')), {
        daysBeforeDue: 3,
        leaderAfterDays: 3,
        supervisorAfterDays: 5,
        quietStart: '22:00',
        quietEnd: '07:30',
        emailEnabled: true,
        smtpHost: '127.0.0.1',
        smtpPort: smtp.port,
        smtpSecure: false,
        smtpUser: '',
        smtpPassword: '',
        smtpFrom: '督办系统 <duban@yunxi.example>',
        wecomEnabled: true,
        wecomWebhook: `${hooks.base}/wecom/send?key=${WECOM_KEY}`,
        dingtalkEnabled: true,
        dingtalkWebhook: `${hooks.base}/dingtalk/send?access_token=${DING_TOKEN}`,
        dingtalkSecret: DING_SECRET,
      });
      hooks.failFirst('/dingtalk/send', 2);
      const first = await run(f, '2024-06-05');
      expect(first.delivery.failed).toBe(0);

      const mail = smtp.mails.find((m) => m.to.includes('wangxiao@yunxi.example'));
      expect(mail).toBeDefined();
      const decoded = decodeMail(mail?.raw ?? '');
      expect(decoded.subject).toMatch(/^督办提醒（2024年6月5日）：\d+项工作需关注$/);
      expect(decoded.text).toContain(`${f.title}（还有3个工作日到期，2024-06-11）`);
      expect(mail?.raw).not.toContain('督办提醒');

      const wecom = hooks.posts.filter((p) => p.url.startsWith('/wecom/send'));
      expect(wecom).toHaveLength(1);
      expect(wecom[0]?.url).toBe(`/wecom/send?key=${WECOM_KEY}`);
      expect(wecom[0]?.body).toEqual({
        msgtype: 'markdown',
        markdown: { content: expect.stringContaining('### 督办日报（2024年6月5日）') },
      });

      const ding = hooks.posts.filter((p) => p.url.startsWith('/dingtalk/send'));
      expect(ding.map((p) => p.status)).toEqual([500, 500, 200]);
      const accepted = new URL(ding[2]?.url ?? '', hooks.base);
      expect(accepted.searchParams.get('access_token')).toBe(DING_TOKEN);
      const timestamp = accepted.searchParams.get('timestamp') ?? '';
      const sign = createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64');
      expect(accepted.searchParams.get('sign')).toBe(sign);
      expect(ding[2]?.url).toContain(`sign=${encodeURIComponent(sign)}`);
      expect(ding[2]?.body).toEqual({
        msgtype: 'markdown',
        markdown: { title: '督办日报（2024年6月5日）', text: expect.stringContaining('已逾期') },
      });
      const robotRows = await f.database.db
        .selectFrom('reminders')
        .select(['channel', 'status', 'attempts', 'error'])
        .where('recipient_user_id', 'is', null)
        .orderBy('channel')
        .execute();
      expect(robotRows).toEqual([
        { channel: 'dingtalk', status: 'sent', attempts: 3, error: null },
        { channel: 'wecom', status: 'sent', attempts: 1, error: null },
      ]);

      // A second run on the same day records and sends nothing again.
      const mails = smtp.mails.length;
      const posts = hooks.posts.length;
      const notifications = await f.database.db.selectFrom('notifications').select('id').execute();
      const again = await run(f, '2024-06-05', '10:00');
      expect(again.inApp).toBe(0);
      expect(smtp.mails.length).toBe(mails);
      expect(hooks.posts.length).toBe(posts);
      expect(await f.database.db.selectFrom('notifications').select('id').execute()).toHaveLength(
        notifications.length,
      );
    } finally {
      await smtp.close();
      await hooks.close();
    }
  });

  it('holds robot messages back in quiet hours, records a dead robot as failed without its address, and keeps secrets out of the job log', async () => {
    const hooks = await startWebhookReceiver();
    await hooks.close();
    await updateNotificationSettings(await adminContext(f, at('2024-06-04')), {
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
      wecomWebhook: `${hooks.base}/wecom/send?key=${WECOM_KEY}`,
      dingtalkEnabled: false,
    });
    const quiet = await run(f, '2024-06-05', '06:00');
    expect(quiet.delivery).toEqual({ sent: 0, failed: 0, deferred: 1 });
    const logs: string[] = [];
    const log = {
      info: (m: string, d?: object) => logs.push(m, JSON.stringify(d)),
      warn: (m: string, d?: object) => logs.push(m, JSON.stringify(d)),
    };
    await runDailyRemindersJob(
      { db: f.database.db, dialect: f.database.dialect, now: at('2024-06-05', '09:00'), log },
      {
        id: `reminders.daily:${f.organizationId}:2024-06-05`,
        kind: 'reminders.daily',
        organizationId: f.organizationId,
        payload: null,
        attempt: 1,
      },
    );
    const row = await f.database.db
      .selectFrom('reminders')
      .select(['status', 'error', 'attempts'])
      .where('channel', '=', 'wecom')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(row.error).toContain('无法连接机器人地址');
    const everything = `${row.error}\n${logs.join('\n')}`;
    expect(everything).not.toContain(WECOM_KEY);
    expect(everything).not.toContain(hooks.base);
  });
});
