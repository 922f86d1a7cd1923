import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  contextOf,
  fillRows,
  type RoundFixture,
  reviewSchool,
  seedOpenRound,
} from '../../../test/support/round-fixture.ts';
import { lockRound } from '../balance/lock-round.ts';
import { runDailyRemindersJob } from './daily-reminders-job.ts';
import { runDailyReminders } from './run-daily-reminders.ts';

// The daily reminders of an open collection round (数据填报, due Friday 2024-11-15), on both
// databases: schools that have not submitted hear of it before, on and after the due date (once a
// day however often the job runs), the supervisors from the 5th overdue working day; a school that
// submitted hears nothing until its rows are returned, and nobody once the round is locked.

describeEachDatabase('daily reminders of open collection rounds', (current) => {
  let f: RoundFixture;
  beforeEach(async () => {
    f = await seedOpenRound(current());
  });

  const run = async (day: string, time = '08:30') =>
    runDailyReminders(await contextOf(f, f.users.supervisor, day, time), {
      organizationId: f.organizationId,
      day,
      retry: { delaysMs: [5, 5] },
    });
  const inApp = async (userId: number, day: string) => {
    const rows = await f.database.db
      .selectFrom('reminders')
      .select('message')
      .where('recipient_user_id', '=', userId)
      .where('channel', '=', 'inapp')
      .where('day', '=', day)
      .execute();
    return rows.map((r) => r.message);
  };
  const notifications = (userId: number) =>
    f.database.db
      .selectFrom('notifications')
      .select(['title', 'body', 'link'])
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
  const line = (state: string, when: string) =>
    `· 数据填报：2024年秋季学期（${state}，${when}，2024-11-15） /balance/rounds/${f.roundId}`;

  it('reminds the schools before, on and after the due date once a day, and the supervisors from the 5th overdue working day', async () => {
    // Monday 11-11 is four working days before: too early.
    expect(await run('2024-11-11')).toMatchObject({ workingDay: true, digests: 0, inApp: 0 });
    await run('2024-11-12');
    expect(await inApp(f.users.hejia, '2024-11-12')).toEqual([
      expect.stringContaining(line('尚未填报', '还有3个工作日到期')),
    ]);
    // The day before: run twice, told once.
    const first = await run('2024-11-14');
    const again = await run('2024-11-14', '10:00');
    expect(first.inApp).toBe(2);
    expect(again.inApp).toBe(0);
    expect(await inApp(f.users.hejia, '2024-11-14')).toEqual([
      expect.stringContaining(line('尚未填报', '还有1个工作日到期')),
    ]);
    const inbox = await notifications(f.users.hejia);
    expect(inbox).toHaveLength(2);
    expect(inbox[1]).toMatchObject({
      title: '督办提醒（2024年11月14日）：1项工作需关注',
      link: `/balance/rounds/${f.roundId}`,
    });
    // The 高中 is not asked to fill; the supervisors are not told before the 5th overdue day.
    expect(await notifications(f.users.gaozhong)).toEqual([]);
    expect(await inApp(f.users.supervisor, '2024-11-14')).toEqual([]);

    await fillRows(f, f.users.jianchi, '2024-11-14', ['primary', 'junior'], false);
    await run('2024-11-15');
    expect((await inApp(f.users.jianchi, '2024-11-15')).join('\n')).toContain(
      line('已保存未提交', '今日到期'),
    );
    expect((await inApp(f.users.hejia, '2024-11-15')).join('\n')).toContain(line('尚未填报', '今日到期'));
    expect(await run('2024-11-16')).toMatchObject({ workingDay: false, digests: 0 });
    await run('2024-11-18');
    expect((await inApp(f.users.hejia, '2024-11-18')).join('\n')).toContain(
      line('尚未填报', '已逾期1个工作日'),
    );
    await run('2024-11-21');
    expect(await inApp(f.users.supervisor, '2024-11-21')).toEqual([]);

    // The daily job finds the bureau by its open round (it has no plan and no finding), twice.
    const job = async (time: string) =>
      runDailyRemindersJob(
        {
          db: f.database.db,
          dialect: f.database.dialect,
          now: () => new Date(`2024-11-22T${time}:00+08:00`),
          log: { info: () => {}, warn: () => {} },
        },
        {
          id: 'reminders.daily:all:2024-11-22',
          kind: 'reminders.daily',
          organizationId: null,
          payload: null,
          attempt: 1,
        },
      );
    await job('08:30');
    await job('09:30');
    const supervisor = await inApp(f.users.supervisor, '2024-11-22');
    expect(supervisor).toHaveLength(1);
    expect(supervisor[0]).toContain('【请督办（逾期较久）】');
    expect(supervisor[0]).toMatch(
      new RegExp(
        `数据填报：2024年秋季学期（[^）]+未提交，已逾期5个工作日，2024-11-15） /balance/rounds/${f.roundId}`,
      ),
    );
    for (const school of ['城关小学', '河夹小学', '涧池学校']) expect(supervisor[0]).toContain(school);
    expect(supervisor[0]).not.toContain('云溪一中');
    expect(await inApp(f.users.hejia, '2024-11-22')).toEqual([
      expect.stringContaining(line('尚未填报', '已逾期5个工作日')),
    ]);
  });

  it('stops once a school submits, reminds it again when returned, and tells nobody once the round is locked', async () => {
    await fillRows(f, f.users.hejia, '2024-11-13', ['primary'], true);
    await fillRows(f, f.users.jianchi, '2024-11-13', ['primary', 'junior'], true);
    await run('2024-11-14');
    expect(await inApp(f.users.hejia, '2024-11-14')).toEqual([]);
    expect(await inApp(f.users.jianchi, '2024-11-14')).toEqual([]);

    await reviewSchool(f, f.units.hejia, '2024-11-14', 'return', () => '学生数与学籍系统不一致，请核对');
    await run('2024-11-15');
    expect(await inApp(f.users.hejia, '2024-11-15')).toEqual([
      expect.stringContaining(line('被退回待修改', '今日到期')),
    ]);
    expect(await inApp(f.users.jianchi, '2024-11-15')).toEqual([]);

    await reviewSchool(f, f.units.jianchi, '2024-11-15', 'accept');
    await lockRound(await contextOf(f, f.users.supervisor, '2024-11-15', '17:00'), {
      roundId: f.roundId,
      force: true,
    });
    for (const day of ['2024-11-18', '2024-11-22']) {
      expect(await run(day)).toMatchObject({ workingDay: true, digests: 0, inApp: 0 });
    }
  });
});
