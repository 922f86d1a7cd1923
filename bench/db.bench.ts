import { readFileSync } from 'node:fs';
import type { DialectName } from '../src/db/connect.ts';
import { computePlanLights } from '../src/domain/compute-plan-lights.ts';
import type { Actor, Context } from '../src/domain/context.ts';
import { cliContext } from '../src/domain/ensure-organization.ts';
import { importNotice } from '../src/domain/import-notice.ts';
import { publishPlan } from '../src/domain/publish-plan.ts';
import { submitReport } from '../src/domain/submit-report.ts';
import { openBenchDatabase, YUNXI_PATH } from './bench-database.ts';
import type { Benchmark, BenchRow } from './benchmark.ts';

const IMPORT_RUNS = 5;
const LIGHTS_RUNS = 20;
const REPORTS_PER_MODE = 400;
const CONCURRENCY = 8;

async function median(runs: number, fn: () => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

/** One user per owner unit, and every (owner, task, month) a report can be filed for. */
async function reportSlots(ctx: Context): Promise<Array<{ actor: Actor; taskId: number; period: string }>> {
  const { db } = ctx;
  const owners = await db
    .selectFrom('task_units')
    .select(['task_id', 'unit_id'])
    .orderBy('task_id')
    .orderBy('unit_id')
    .execute();
  const actors = new Map<number, Actor>();
  for (const unitId of new Set(owners.map((o) => o.unit_id))) {
    const user = await db
      .insertInto('users')
      .values({
        organization_id: ctx.actor.organizationId,
        username: `bench-${unitId}`,
        display_name: `单位${unitId}`,
        unit_id: unitId,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    actors.set(unitId, {
      organizationId: ctx.actor.organizationId,
      userId: user.id,
      label: `bench-${unitId}`,
      roles: ['department'],
      unitId,
      leaderId: null,
    });
  }
  return owners.flatMap((o) =>
    Array.from({ length: 12 }, (_, m) => ({
      actor: actors.get(o.unit_id)!,
      taskId: o.task_id,
      period: `2024-${String(m + 1).padStart(2, '0')}`,
    })),
  );
}

async function runOn(dialect: DialectName, text: string): Promise<BenchRow[]> {
  const { database, dispose } = await openBenchDatabase(dialect);
  try {
    const system = await cliContext(database, () => new Date('2024-02-23T02:00:00Z'));
    let planId = 0;
    const importMs = await median(IMPORT_RUNS, async () => {
      ({ planId } = await importNotice(system, { text }, { createUnits: true }));
      await publishPlan(system, { planId });
    });
    const lightsMs = await median(LIGHTS_RUNS, async () => {
      await computePlanLights(system, { planId, asOf: '2024-06-01' });
    });
    // Every (owner, task, month) of the published plans is a distinct report, as in a real year.
    const combos = await reportSlots(system);
    if (combos.length < REPORTS_PER_MODE * 2)
      throw new Error(`only ${combos.length} report slots for the benchmark`);
    const december = () => new Date('2024-12-20T02:00:00Z');
    const file = (i: number) => {
      const { actor, taskId, period } = combos[i]!;
      const ctx: Context = { ...system, actor, now: december };
      return submitReport(ctx, {
        taskId,
        period,
        selfStatus: 'on_track',
        percent: 50,
        narrative: `基准测试 ${i}`,
      });
    };
    const singleStart = process.hrtime.bigint();
    for (let i = 0; i < REPORTS_PER_MODE; i++) await file(i);
    const singleS = Number(process.hrtime.bigint() - singleStart) / 1e9;
    let next = REPORTS_PER_MODE;
    const concurrentStart = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REPORTS_PER_MODE * 2) await file(next++);
      }),
    );
    const concurrentS = Number(process.hrtime.bigint() - concurrentStart) / 1e9;
    const tasks = await database.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirstOrThrow();
    return [
      {
        measure: `${dialect}: import + publish Yunxi notice (median of ${IMPORT_RUNS})`,
        value: `${importMs.toFixed(0)} ms`,
        raw: { importMs },
      },
      {
        measure: `${dialect}: compute-plan-lights, ${Number(tasks.n)} tasks (median of ${LIGHTS_RUNS})`,
        value: `${lightsMs.toFixed(1)} ms`,
        raw: { lightsMs },
      },
      {
        measure: `${dialect}: report inserts, single writer`,
        value: `${(REPORTS_PER_MODE / singleS).toFixed(0)} /s`,
        raw: { perSecond: REPORTS_PER_MODE / singleS },
      },
      {
        measure: `${dialect}: report inserts, ${CONCURRENCY} concurrent`,
        value: `${(REPORTS_PER_MODE / concurrentS).toFixed(0)} /s`,
        raw: { perSecond: REPORTS_PER_MODE / concurrentS },
      },
    ];
  } finally {
    await dispose();
  }
}

/** Import + publish of the Yunxi notice, lights of one plan, and report inserts per second, on SQLite and PostgreSQL. */
export const dbBenchmark: Benchmark = {
  name: 'db',
  run: async () => {
    const text = readFileSync(YUNXI_PATH, 'utf8');
    const rows = await runOn('sqlite', text);
    try {
      rows.push(...(await runOn('postgres', text)));
    } catch (error) {
      rows.push({
        measure: 'postgres',
        value: `skipped: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    return rows;
  },
};
