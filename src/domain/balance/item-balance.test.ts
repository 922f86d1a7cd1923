import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { type LinkedRoundFixture, seedLinkedRound } from '../../../test/support/linked-round-fixture.ts';
import type { BalanceResult, RoundDetail } from '../../shared/balance.ts';
import type { DashboardResponse } from '../../shared/dashboard.ts';
import type { ItemDetail } from '../../shared/items.ts';
import type { PlanTree } from '../../shared/plan-tree.ts';

// The monitor tied to the plan (issue 16, 3): item 13's page shows the latest round linked to its
// task with the monitor's own figures, to whoever reads the item; locking records an accepted event
// that the board, the item page and the dashboard count alike.

describeEachDatabase('均衡监测 on the item page', (current) => {
  let f: LinkedRoundFixture;
  beforeEach(async () => {
    f = await seedLinkedRound(current());
  });
  afterEach(() => f.app.close());

  const itemDetail = async (who = f.supervisor, itemId = f.itemId) => {
    const response = await f.get(who, `/api/items/${itemId}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ItemDetail>();
  };
  const monitor = async (roundId: number) =>
    (await f.get(f.viewer, `/api/balance/rounds/${roundId}/monitor`)).json<{
      result: BalanceResult;
      basis: string;
      rows: number;
    }>();

  it('shows the open round with its progress, then the locked round with the figures of the monitor', async () => {
    expect((await itemDetail()).balance).toBeNull();

    const round = await f.openRound('2024年秋季学期');
    const opened = (await itemDetail()).balance;
    expect(opened).toMatchObject({
      round: { id: round.id, name: '2024年秋季学期', status: 'open', dueOn: '2024-11-15', lockedAt: null },
      basis: 'filed',
      result: null,
      newer: null,
    });
    // Progress as the round page counts it: seven schools expected (城关小学 and the six of the county).
    expect(opened?.counts).toEqual(round.counts);
    expect(opened?.counts).toEqual({ schools: 7, draft: 0, submitted: 0, returned: 0, accepted: 0 });

    // Imported rows count while open (basis 'filed'), as on the monitor. Six schools accepted (the
    // 九年一贯制 school once for its two rows); 城关小学 has filed nothing.
    await f.importCounty(round.id);
    const filed = (await itemDetail()).balance;
    expect(filed?.counts).toEqual({ schools: 7, draft: 0, submitted: 0, returned: 0, accepted: 6 });
    expect(filed?.basis).toBe('filed');
    expect(filed?.result?.blockers).toEqual((await monitor(round.id)).result.blockers);

    const locked = await f.lock(round.id);
    const shown = (await itemDetail()).balance;
    const { result, basis, rows } = await monitor(round.id);
    expect({ basis, rows }).toEqual({ basis: 'accepted', rows: 7 });
    expect(shown).toMatchObject({
      round: { id: round.id, status: 'locked', lockedAt: locked.lockedAt, taskId: f.taskId },
      basis: 'accepted',
      newer: null,
    });
    // The same CVs and blockers as the monitor, stage by stage and indicator by indicator.
    expect(shown?.result?.stages.map((s) => [s.stage, s.schools, s.pupils, s.pass])).toEqual(
      result.stages.map((s) => [s.stage, s.schools, s.pupils, s.pass]),
    );
    expect(shown?.result?.stages.flatMap((s) => s.indicators.map((i) => [i.key, i.cv, i.pass]))).toEqual(
      result.stages.flatMap((s) => s.indicators.map((i) => [i.key, i.cv, i.pass])),
    );
    expect(shown?.result?.blockers).toEqual(result.blockers);
    expect(shown?.result?.failingSchools).toBe(result.schools.filter((s) => !s.pass).length);
    // By hand: 初中 sports areas 5, 15 and 20 ㎡ per pupil for 600, 300 and 300 pupils: X̄ = 13500/1200
    // = 11.25, S = √((600·6.25² + 300·3.75² + 300·8.75²)/1200) = √42.1875 = 6.4952, CV = 0.5774 > 0.45.
    const junior = shown?.result?.stages.find((s) => s.stage === '初中');
    expect(junior?.indicators.find((i) => i.key === 'sportsArea')?.cv).toBeCloseTo(0.5774, 4);
    expect(shown?.result?.stages.map((s) => [s.stage, s.within, s.threshold])).toEqual([
      ['小学', 7, 0.5],
      ['初中', 6, 0.45],
    ]);
    expect(shown?.result?.blockers.map((b) => b.text)).toEqual([
      '初中体育运动场馆面积差异系数0.58，超出0.13',
    ]);
    // Only 城关初中 fails: 5 ㎡ per pupil is 49 % of 10.2, below the 85 % floor.
    expect(shown?.result).toMatchObject({ pass: false, schools: 7, failingSchools: 1 });
    expect(shown?.result?.summary).toBe(
      '小学4所学校，七项指标差异系数均达标；初中3所学校，七项指标差异系数未全部达标；' +
        '1个学校（学段）未达到资源配置要求；初中体育运动场馆面积差异系数0.58，超出0.13。',
    );
    // The headline is the words of the completion recorded on the task at lock.
    const task = (await itemDetail()).tasks.find((t) => t.id === f.taskId);
    const notes = task?.indicators.flatMap((i) => i.occurrences.map((o) => o.note));
    expect(notes).toEqual([`2024年秋季学期义务教育优质均衡发展指标差异系数监测：${shown?.result?.summary}`]);

    // Whoever reads the item reads the block: a viewer, and 人事股 which owns none of its tasks.
    expect((await itemDetail(f.viewer)).balance).toEqual(shown);
    const department = await itemDetail(f.department);
    expect(department.tasks).toEqual([]);
    expect(department.balance).toEqual(shown);
    // Another item has no round.
    const tree = (await f.get(f.supervisor, `/api/plans/${f.planId}`)).json<PlanTree>();
    const other = tree.sections.flatMap((s) => s.items).find((i) => i.no === 12);
    expect((await itemDetail(f.supervisor, other?.id)).balance).toBeNull();

    // A new round opened afterwards: the locked result stays, the new round is named with its progress.
    const next = await f.openRound('2025年春季学期');
    const later = (await itemDetail()).balance;
    expect(later?.round.id).toBe(round.id);
    expect(later?.newer).toEqual({
      id: next.id,
      name: '2025年春季学期',
      dueOn: '2024-11-15',
      counts: { schools: 7, draft: 0, submitted: 0, returned: 0, accepted: 0 },
    });
    const detail = (await f.get(f.supervisor, `/api/balance/rounds/${next.id}`)).json<RoundDetail>();
    expect(later?.newer?.counts).toEqual(detail.round.counts);
  });

  it('counts the completion recorded at lock on the board, the item page and the dashboard alike', async () => {
    const numbers = async () => {
      const tree = (await f.get(f.supervisor, `/api/plans/${f.planId}`)).json<PlanTree>();
      const item = tree.sections.flatMap((s) => s.items).find((i) => i.id === f.itemId);
      const dashboard = (
        await f.get(f.supervisor, `/api/plans/${f.planId}/dashboard`)
      ).json<DashboardResponse>();
      const detail = await itemDetail();
      return { tree, item, dashboard, detail };
    };
    const before = await numbers();
    // Yunxi's item 13 states no measurable promise: its task owes nothing before its due date.
    expect(before.item?.tasks.map((t) => t.indicators.length)).toEqual([0]);
    expect(before.item?.light).toMatchObject({ light: 'green', progress: null, credited: 0, owed: 0 });

    const round = await f.openRound('2024年秋季学期');
    await f.importCounty(round.id);
    await f.lock(round.id);
    const after = await numbers();
    // Locking added the 适时监测…差异系数 event and its accepted occurrence: done ahead of the due date,
    // it counts 1 of 1 — on the board's item and task, and on the item page.
    const [task] = after.item?.tasks ?? [];
    expect(task?.indicators.map((i) => [i.kind, i.text, i.light?.credited, i.light?.owed])).toEqual([
      ['event', '适时监测义务教育优质均衡发展指标差异系数情况', 1, 1],
    ]);
    expect(after.item?.light).toMatchObject({ progress: 1, credited: 1, owed: 1 });
    expect(after.detail.light?.progress).toBe(after.item?.light?.progress);
    expect(after.detail.tasks.find((t) => t.id === f.taskId)?.indicators[0]?.progress).toMatchObject({
      credited: 1,
      owed: 1,
    });
    // One set of numbers: the plan's progress on the board is the dashboard's, and it rose.
    expect(after.dashboard.plan.progress).toBe(after.tree.lights?.progress);
    expect(before.dashboard.plan.progress).toBe(before.tree.lights?.progress);
    expect(after.tree.lights?.progress ?? 0).toBeGreaterThan(before.tree.lights?.progress ?? 0);
  });
});
