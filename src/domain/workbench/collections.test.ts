import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import {
  contextOf,
  fillRows,
  ROUND_NAME,
  type RoundFixture,
  reviewSchool,
  seedOpenRound,
} from '../../../test/support/round-fixture.ts';
import { listRows } from '../../db/queries/collection.ts';
import { lockRound } from '../balance/lock-round.ts';
import { countBadges } from './count-badges.ts';
import { getWorkbench } from './get-workbench.ts';

// 我的待办 and the menu badge know about open collection rounds (数据填报): a school sees the round
// until it submits, again when returned (with the reason); a supervisor sees what waits for review
// and who has not filed; nobody once the round is locked.

describeEachDatabase('open collection rounds on the workbench', (current) => {
  let f: RoundFixture;
  beforeEach(async () => {
    f = await seedOpenRound(current());
  });

  const board = async (userId: number, day: string) => getWorkbench(await contextOf(f, userId, day));
  const badges = async (userId: number, day: string) => countBadges(await contextOf(f, userId, day));
  const link = () => `/balance/rounds/${f.roundId}`;

  it('shows a school its round until it submits, and again with the reason once returned', async () => {
    const first = await board(f.users.hejia, '2024-11-01');
    expect(first.collections).toEqual([
      {
        roundId: f.roundId,
        name: ROUND_NAME,
        formName: '义务教育优质均衡资源配置七项指标',
        dueOn: '2024-11-15',
        daysLeft: 14,
        link: link(),
        action: 'fill',
        state: 'none',
        returnReason: null,
      },
    ]);
    expect(await badges(f.users.hejia, '2024-11-01')).toEqual({ workbench: 1 });
    // A 高中 is not asked to fill the seven-indicator form; a viewer fills nothing.
    expect((await board(f.users.gaozhong, '2024-11-01')).collections).toEqual([]);
    expect(await badges(f.users.gaozhong, '2024-11-01')).toEqual({});
    expect((await board(f.users.viewer, '2024-11-01')).collections).toEqual([]);

    await fillRows(f, f.users.hejia, '2024-11-05', ['primary'], false);
    expect((await board(f.users.hejia, '2024-11-05')).collections).toMatchObject([
      { action: 'fill', state: 'draft', daysLeft: 10 },
    ]);

    await fillRows(f, f.users.hejia, '2024-11-06', ['primary'], true);
    expect((await board(f.users.hejia, '2024-11-06')).collections).toEqual([]);
    expect(await badges(f.users.hejia, '2024-11-06')).toEqual({});

    await reviewSchool(f, f.units.hejia, '2024-11-07', 'return', () => '学生数与学籍系统不一致，请核对');
    // Shanghai calendar days: at 00:30 on 11-16 (16:30 UTC on the 15th) the round is a day overdue.
    const returned = await getWorkbench(await contextOf(f, f.users.hejia, '2024-11-16', '00:30'));
    expect(returned.collections).toMatchObject([
      {
        action: 'fill',
        state: 'returned',
        returnReason: '学生数与学籍系统不一致，请核对',
        daysLeft: -1,
        link: link(),
      },
    ]);
    expect(await badges(f.users.hejia, '2024-11-16')).toEqual({ workbench: 1 });
  });

  it("names each stage's reason when a 九年一贯制 school has both rows returned", async () => {
    await fillRows(f, f.users.jianchi, '2024-11-05', ['primary', 'junior'], true);
    await reviewSchool(f, f.units.jianchi, '2024-11-06', 'return', (stage) =>
      stage === 'junior' ? '体育运动场馆面积有误' : '缺少盖章表',
    );
    expect((await board(f.users.jianchi, '2024-11-06')).collections).toMatchObject([
      { state: 'returned', returnReason: '小学：缺少盖章表；初中：体育运动场馆面积有误' },
    ]);
  });

  it('shows the supervisor the rows to review and the schools yet to file, until the round is locked', async () => {
    const review = async (day: string) => (await board(f.users.supervisor, day)).collections;
    expect(await review('2024-11-01')).toEqual([
      {
        roundId: f.roundId,
        name: ROUND_NAME,
        formName: '义务教育优质均衡资源配置七项指标',
        dueOn: '2024-11-15',
        daysLeft: 14,
        link: link(),
        action: 'review',
        toReview: 0,
        schools: 3,
        notFiled: 3,
        notSubmitted: 3,
      },
    ]);
    expect(await badges(f.users.supervisor, '2024-11-01')).toEqual({});

    await fillRows(f, f.users.jianchi, '2024-11-05', ['primary', 'junior'], true);
    await fillRows(f, f.users.hejia, '2024-11-05', ['primary'], false);
    expect(await review('2024-11-05')).toMatchObject([
      { action: 'review', toReview: 2, schools: 3, notFiled: 1, notSubmitted: 2 },
    ]);
    // The rows to review count in the workbench badge, not in 待审核 (the queue of reports).
    expect(await badges(f.users.supervisor, '2024-11-05')).toEqual({ workbench: 2 });

    await reviewSchool(f, f.units.jianchi, '2024-11-06', 'accept');
    expect(await review('2024-11-06')).toMatchObject([{ toReview: 0, notFiled: 1, notSubmitted: 2 }]);
    expect(await badges(f.users.supervisor, '2024-11-06')).toEqual({});

    await lockRound(await contextOf(f, f.users.supervisor, '2024-11-18'), {
      roundId: f.roundId,
      force: true,
    });
    expect(await review('2024-11-18')).toEqual([]);
    // The school whose draft was left out sees nothing to do either.
    expect((await listRows(current().db, [f.roundId], f.units.hejia)).map((r) => r.status)).toEqual([
      'draft',
    ]);
    expect((await board(f.users.hejia, '2024-11-18')).collections).toEqual([]);
    expect(await badges(f.users.hejia, '2024-11-18')).toEqual({});
  });
});
