import { readFileSync } from 'node:fs';
import type { DialectName } from '../src/db/connect.ts';
import { loadActor } from '../src/domain/accounts/load-actor.ts';
import { computePlanLights } from '../src/domain/compute-plan-lights.ts';
import type { Context } from '../src/domain/context.ts';
import { getDashboard } from '../src/domain/dashboard/get-dashboard.ts';
import { cliContext } from '../src/domain/ensure-organization.ts';
import { getPlanTree } from '../src/domain/get-plan-tree.ts';
import { importNotice } from '../src/domain/import-notice.ts';
import { publishPlan } from '../src/domain/publish-plan.ts';
import { openBenchDatabase, YUNXI_PATH } from './bench-database.ts';
import type { Benchmark, BenchRow } from './benchmark.ts';
import { benchDialects, benchScales } from './options.ts';
import { BENCH_CLOCK, type Scale, scaledDatabase } from './scale.ts';

const IMPORT_RUNS = 5;
const READ_RUNS = 15;
/** How much more a plan's uncached read may cost per task in the province than alone. */
const INDEPENDENCE_GOAL = 1.5;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** Import + publish of the Yunxi notice into a fresh database (median of IMPORT_RUNS). */
async function importRow(dialect: DialectName): Promise<BenchRow> {
  const text = readFileSync(YUNXI_PATH, 'utf8');
  const { database, dispose } = await openBenchDatabase(dialect);
  try {
    const system = await cliContext(database, () => new Date('2024-02-23T02:00:00Z'));
    const importMs = await median(IMPORT_RUNS, async () => {
      const { planId } = await importNotice(system, { text }, { createUnits: true });
      await publishPlan(system, { planId });
    });
    return {
      measure: `${dialect}: import + publish the Yunxi notice (median of ${IMPORT_RUNS})`,
      value: `${importMs.toFixed(0)} ms`,
      raw: { importMs },
    };
  } finally {
    await dispose();
  }
}

interface Reads {
  scale: Scale;
  tasks: number;
  lightsMs: number;
  treeMs: number;
  dashboardMs: number;
}

/** The uncached cost of the measured plan's lights, tree and dashboard, in-process. */
async function readCosts(dialect: DialectName, scale: Scale): Promise<Reads> {
  const scaled = await scaledDatabase(dialect, scale);
  const database = await scaled.open();
  try {
    const { db } = database;
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'bench-supervisor')
      .executeTakeFirstOrThrow();
    const actor = await loadActor(db, user.id);
    if (!actor) throw new Error('bench-supervisor missing');
    const ctx: Context = { ...database, actor, now: () => new Date(BENCH_CLOCK) };
    const planId = scaled.info.planId;
    const tasks = await db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    return {
      scale,
      tasks: Number(tasks.n),
      lightsMs: await median(READ_RUNS, () => computePlanLights(ctx, { planId })),
      treeMs: await median(READ_RUNS, () => getPlanTree(ctx, { planId })),
      dashboardMs: await median(READ_RUNS, () => getDashboard(ctx, { planId })),
    };
  } finally {
    await database.close();
  }
}

async function runOn(dialect: DialectName): Promise<BenchRow[]> {
  const rows: BenchRow[] = [await importRow(dialect)];
  const costs: Reads[] = [];
  for (const scale of benchScales()) {
    const c = await readCosts(dialect, scale);
    costs.push(c);
    rows.push({
      measure: `${dialect}, ${scale}: one plan (${c.tasks} tasks) computed afresh — lights / tree with lights / dashboard (median of ${READ_RUNS})`,
      value: `${c.lightsMs.toFixed(1)} / ${c.treeMs.toFixed(1)} / ${c.dashboardMs.toFixed(1)} ms`,
      raw: { ...c, scale: scale === 'bureau' ? 0 : 1 },
    });
  }
  const [bureau, province] = costs;
  if (bureau && province) {
    const ratio = province.treeMs / province.tasks / (bureau.treeMs / bureau.tasks);
    rows.push({
      measure: `${dialect}: the same plan's uncached tree per task, province ÷ bureau (cost independent of other plans)`,
      value: `${ratio.toFixed(2)}x (${((province.treeMs / province.tasks) * 1000).toFixed(0)} vs ${((bureau.treeMs / bureau.tasks) * 1000).toFixed(0)} µs per task)`,
      goal: `≤ ${INDEPENDENCE_GOAL}x`,
      met: ratio <= INDEPENDENCE_GOAL,
      raw: { ratio },
    });
  }
  return rows;
}

/**
 * Import + publish of the Yunxi notice, and what one plan costs to compute without the read cache
 * (lights, tree, dashboard) at bureau and province scale, on SQLite and PostgreSQL.
 */
export const dbBenchmark: Benchmark = {
  name: 'db',
  run: async () => {
    const rows: BenchRow[] = [];
    for (const dialect of benchDialects()) {
      try {
        rows.push(...(await runOn(dialect)));
      } catch (error) {
        rows.push({
          measure: dialect,
          value: `failed: ${error instanceof Error ? error.message : String(error)}`,
          met: false,
        });
      }
    }
    return rows;
  },
};
