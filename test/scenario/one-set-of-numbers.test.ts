import { expect, it } from 'vitest';
import { createBulletin } from '../../src/domain/bulletin/create-bulletin.ts';
import { getBulletin } from '../../src/domain/bulletin/list-bulletins.ts';
import type { Context } from '../../src/domain/context.ts';
import { systemActor } from '../../src/domain/context.ts';
import { getDashboard } from '../../src/domain/dashboard/get-dashboard.ts';
import { getEvaluation } from '../../src/domain/evaluation/get-evaluation.ts';
import { getPlanTree } from '../../src/domain/get-plan-tree.ts';
import { buildLedger } from '../../src/domain/ledger/build-ledger.ts';
import { seedYunxiYear } from '../../src/seed/yunxi-bureau.ts';
import type { Light } from '../../src/shared/plan-tree.ts';
import { describeEachDatabase } from '../support/databases.ts';

// For the same plan and day, the board (plan tree), the dashboard, the bulletin, the ledger and the
// evaluation take their numbers from one source and must agree: items and tasks counted, lights,
// progress percentages, the overdue rows, and each unit's share of what it owed. The Yunxi bureau
// (30 departments, 60 schools) with a generated half year, read on 2024-06-30 (June's
// last day: June is owed from tomorrow on every page alike).

const DAY = '2024-06-30';
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const LIGHT_NAMES: Record<Light, string> = {
  done: '已办结',
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  grey: '未开始',
};

describeEachDatabase('one set of numbers', (current) => {
  it('board, dashboard, bulletin, ledger and evaluation agree on the same day', async () => {
    const database = current();
    const { organizationId, planId } = await seedYunxiYear(database, { seed: 7, through: '2024-06-29' });
    const ctx: Context = {
      db: database.db,
      dialect: database.dialect,
      actor: systemActor(organizationId, '督办室'),
      now: () => new Date(`${DAY}T02:00:00Z`),
    };
    const [tree, dashboard, ledger, evaluation] = await Promise.all([
      getPlanTree(ctx, { planId }),
      getDashboard(ctx, { planId }),
      buildLedger(ctx, planId),
      getEvaluation(ctx, planId),
    ]);
    const { id } = await createBulletin(ctx, { planId, month: '2024-06' });
    const bulletin = (await getBulletin(ctx, id)).content;
    const section = (key: string) => bulletin.sections.find((s) => s.key === key);
    expect([tree.lights?.asOf, dashboard.asOf, ledger.asOf, evaluation.asOf]).toEqual([DAY, DAY, DAY, DAY]);

    // Items and their lights: the board's items, the dashboard's counts, the bulletin's words.
    const items = tree.sections.flatMap((s) => s.items);
    const itemLights = items.map((i) => i.light?.light ?? 'grey');
    const counted = (light: Light) => itemLights.filter((l) => l === light).length;
    expect(dashboard.itemCounts).toEqual({
      red: counted('red'),
      yellow: counted('yellow'),
      green: counted('green'),
      grey: counted('grey'),
      done: counted('done'),
    });
    const overall = section('overall')?.text ?? '';
    for (const light of ['red', 'yellow', 'green', 'done'] as const) {
      if (counted(light) > 0) expect(overall).toContain(`${LIGHT_NAMES[light]}${counted(light)}项`);
    }
    // Tasks: the board's own tasks and school copies, the ledger's rows, the bulletin's sentence.
    const tasks = items.flatMap((i) => i.tasks);
    const copies = tasks.flatMap((t) => t.schools);
    expect(overall).toContain(
      `${items.length}项要点共分解为${tasks.length}项任务（另向学校下发${copies.length}项）`,
    );
    expect(ledger.rows).toHaveLength(tasks.length + copies.length);

    // Progress: the plan's share on the board, the dashboard and in the bulletin; each task's in the ledger.
    expect(dashboard.plan.progress).toBe(tree.lights?.progress);
    expect(overall).toContain(`总体进度${percent(tree.lights?.progress ?? null)}`);
    const byTask = new Map([...tasks, ...copies].map((t) => [t.id, t.light]));
    for (const row of ledger.rows) {
      expect(row.progress, `task ${row.taskId}`).toBe(byTask.get(row.taskId)?.progress ?? null);
      expect(row.light).toBe(byTask.get(row.taskId)?.light ?? null);
    }
    for (const part of section('sections')?.parts ?? []) {
      const node = tree.sections.find((s) => part.heading.endsWith(s.title));
      const share = node?.light?.progress ?? null;
      expect(part.text).toContain(share === null ? '尚无到期应完成的事项' : `完成进度${percent(share)}`);
    }

    // Overdue: the dashboard's rows are the bulletin's table, row for row, each dated.
    expect(dashboard.overdue.length).toBeGreaterThan(0);
    const table = section('lagging')?.table?.rows ?? [];
    expect(table.map((r) => [r[2], r[3], r[4], r[6]])).toEqual(
      dashboard.overdue.map((o) => [o.title, o.what, o.owners.join('、'), String(o.daysOverdue)]),
    );
    expect(section('lagging')?.text).toContain(
      `逾期事项${dashboard.overdue.length}项，涉及${dashboard.overdueTasks}项任务`,
    );
    for (const o of dashboard.overdue) {
      const days = Math.round((Date.parse(DAY) - Date.parse(o.dueOn)) / 86_400_000);
      expect(o.daysOverdue, `${o.title} ${o.what}`).toBe(days);
    }

    // Units: the dashboard ranking's share of what each owed is the evaluation's completion line,
    // and the dashboard's reports due and on time are the evaluation's timeliness line.
    const units = [...evaluation.departments, ...evaluation.schools];
    let compared = 0;
    for (const row of dashboard.ranking) {
      const unit = units.find((u) => u.unitId === row.unitId);
      expect(unit, row.name).toBeDefined();
      if (!unit) continue;
      const { achieved, expected } = unit.completion;
      expect(row.progress, `${row.name} progress`).toBe(expected > 0 ? achieved / expected : null);
      expect([row.reportsOnTime, row.reportsDue], `${row.name} timeliness`).toEqual([
        unit.timeliness.onTime,
        unit.timeliness.due,
      ]);
      compared += 1;
    }
    expect(compared).toBe(dashboard.ranking.length);
    // The ranking table of the bulletin is the dashboard's departments with their shared ranks.
    const ranking = section('ranking')?.table?.rows ?? [];
    expect(ranking.map((r) => [r[0], r[1]])).toEqual(
      dashboard.ranking.filter((r) => r.kind === 'department').map((r) => [String(r.rank), r.name]),
    );
  }, 240_000);
});
