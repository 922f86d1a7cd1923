import type { DialectName } from '../src/db/connect.ts';
import type { Benchmark, BenchRow } from './benchmark.ts';
import { benchDialects, benchScales } from './options.ts';
import {
  BENCH_CLOCK,
  benchToken,
  removeBenchReports,
  type Scale,
  type ScaledDatabase,
  scaledDatabase,
} from './scale.ts';
import { type BenchServer, type Load, load, startBenchServer } from './server.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SUBMIT_SECONDS = 3;
/** Reads must keep this share of the framework's own ceiling (/healthz, same run). */
const READ_SHARE_GOAL = 0.3;
const READ_P99_GOAL_MS = 50;
const SUBMISSIONS_GOAL = 500;
const RSS_GOAL_MB = 300;

/** A load run with the server's own CPU time per request (less sensitive to other work on the machine). */
interface Measured extends Load {
  cpuMsPerRequest: number;
}

async function measure(server: BenchServer, url: string, headers: Record<string, string>): Promise<Measured> {
  const before = server.cpuSeconds();
  const figures = await load(url, headers, { connections: CONNECTIONS, seconds: SECONDS });
  const cpuMsPerRequest = ((server.cpuSeconds() - before) * 1000) / Math.max(1, figures.requests);
  return { ...figures, cpuMsPerRequest };
}

function loadValue(figures: Measured): string {
  return `${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, server CPU ${figures.cpuMsPerRequest.toFixed(2)} ms/req`;
}

function readRow(label: string, figures: Measured, healthz: Measured): BenchRow {
  const share = figures.requestsPerSecond / healthz.requestsPerSecond;
  // What the share would be were the server alone on its cores: the ratio of CPU per request.
  const cpuShare = healthz.cpuMsPerRequest / Math.max(1e-6, figures.cpuMsPerRequest);
  return {
    measure: `${label}, ${CONNECTIONS} connections, ${SECONDS} s`,
    value: `${loadValue(figures)}; ${(share * 100).toFixed(0)}% of /healthz (by CPU per request ${(cpuShare * 100).toFixed(0)}%)`,
    goal: `≥ ${READ_SHARE_GOAL * 100}% of /healthz, p99 < ${READ_P99_GOAL_MS} ms`,
    met: share >= READ_SHARE_GOAL && figures.p99Ms < READ_P99_GOAL_MS,
    raw: { ...figures, share, cpuShare },
  };
}

interface Submissions {
  perSecond: number;
  count: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Files progress reports over HTTP (POST /api/tasks/:id/reports, JSON, each owner unit with its
 * own API token) from `clients` clients for up to `seconds`, every one a distinct (task, unit,
 * month) as in a real year; any refusal fails the run.
 */
async function submit(
  url: string,
  slots: Array<{ taskId: number; token: string; period: string }>,
  clients: number,
  seconds: number,
): Promise<Submissions> {
  let next = 0;
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const slot = slots[next++];
        if (!slot) return;
        const t = performance.now();
        const response = await fetch(`${url}/api/tasks/${slot.taskId}/reports`, {
          method: 'POST',
          headers: { authorization: `Bearer ${slot.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            period: slot.period,
            status: 'on_track',
            percent: 60,
            narrative: '基准测试：本月按计划推进。',
          }),
        });
        const text = await response.text();
        if (response.status !== 201) throw new Error(`POST report: ${response.status} ${text.slice(0, 200)}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / elapsed, count: latencies.length, p50Ms: at(0.5), p99Ms: at(0.99) };
}

/** How many unreported (task, unit, month) slots the submissions need: both runs at the goal rate. */
const SLOTS_NEEDED = SUBMIT_SECONDS * SUBMISSIONS_GOAL * 3;

/**
 * Every (task, owner unit, month) with no report yet, with the owner's token: of the measured plan
 * and, when a seeded year leaves too few, of other bureaus' latest plans (accounts for their owner
 * units are added once and remembered in bench/.data/).
 */
async function reportSlots(scaled: ScaledDatabase) {
  const database = await scaled.open();
  try {
    const { db } = database;
    await removeBenchReports(db);
    const latest = await db
      .selectFrom('plans')
      .select(['id', 'organization_id as organizationId'])
      .where('status', '=', 'published')
      .where(({ eb, selectFrom }) =>
        eb(
          'year',
          '=',
          selectFrom('plans as p2')
            .select((e) => e.fn.max('p2.year').as('y'))
            .whereRef('p2.organization_id', '=', 'plans.organization_id'),
        ),
      )
      .orderBy('organization_id')
      .execute();
    const plans = [
      ...latest.filter((p) => p.id === scaled.info.planId),
      ...latest.filter((p) => p.id !== scaled.info.planId),
    ];
    const tokens = new Map(scaled.info.unitTokens.map((t) => [t.unitId, t.token]));
    const months = Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`);
    const slots: Array<{ taskId: number; token: string; period: string }> = [];
    for (const plan of plans) {
      if (slots.length >= SLOTS_NEEDED) break;
      const owners = await db
        .selectFrom('task_units')
        .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
        .select(['task_units.task_id as taskId', 'task_units.unit_id as unitId'])
        .where('tasks.plan_id', '=', plan.id)
        .where('tasks.status', '!=', 'done')
        .orderBy('task_units.task_id')
        .orderBy('task_units.unit_id')
        .execute();
      const filed = await db
        .selectFrom('reports')
        .innerJoin('tasks', 'tasks.id', 'reports.task_id')
        .select(['reports.task_id as taskId', 'reports.unit_id as unitId', 'reports.period'])
        .where('tasks.plan_id', '=', plan.id)
        .execute();
      const taken = new Set(filed.map((r) => `${r.taskId}/${r.unitId}/${r.period}`));
      for (const unitId of new Set(owners.map((o) => o.unitId))) {
        if (tokens.has(unitId)) continue;
        const token = await benchToken(
          database,
          plan.organizationId,
          `bench-unit-${unitId}`,
          ['department'],
          unitId,
        );
        tokens.set(unitId, token);
        scaled.info.unitTokens.push({ unitId, token, planId: plan.id });
        scaled.save();
      }
      // Month-major, so consecutive submissions touch different tasks as a real month's reporting does.
      for (const period of months) {
        for (const o of owners) {
          const token = tokens.get(o.unitId);
          if (token && !taken.has(`${o.taskId}/${o.unitId}/${period}`))
            slots.push({ taskId: o.taskId, token, period });
        }
      }
    }
    return slots;
  } finally {
    await database.close();
  }
}

async function runOn(dialect: DialectName, scale: Scale): Promise<BenchRow[]> {
  const scaled = await scaledDatabase(dialect, scale);
  const { info } = scaled;
  const label = `${dialect}, ${scale} (${info.plans} plans, ${info.tasks} tasks, ${info.reports} reports)`;
  const slots = await reportSlots(scaled);
  if (slots.length < 300) throw new Error(`only ${slots.length} free report slots`);
  const server = await startBenchServer({ ...scaled.env, DUBAN_CLOCK: BENCH_CLOCK });
  const rows: BenchRow[] = [];
  try {
    const base = server.url;
    // As a browser asks: with accept-encoding, so large answers travel gzipped.
    const supervisor = {
      authorization: `Bearer ${info.supervisorToken}`,
      'accept-encoding': 'gzip, deflate, br',
    };
    const plan = `${base}/api/plans/${info.planId}`;
    // Warm each read once (the first computes it; later ones are served from the read cache).
    for (const url of [plan, `${plan}/dashboard`])
      await load(url, supervisor, { connections: 1, seconds: 1 });
    const healthz = await measure(server, `${base}/healthz`, {});
    rows.push({
      measure: `${label}: GET /healthz (the framework's ceiling), ${CONNECTIONS} connections, ${SECONDS} s`,
      value: loadValue(healthz),
      raw: { ...healthz },
    });
    rows.push(readRow(`${label}: GET /api/plans/:id`, await measure(server, plan, supervisor), healthz));
    rows.push(
      readRow(
        `${label}: GET /api/plans/:id/dashboard`,
        await measure(server, `${plan}/dashboard`, supervisor),
        healthz,
      ),
    );
    // The provincial supervisor's list of every district's plan.
    const overview = await measure(server, `${base}/api/plans`, {
      authorization: `Bearer ${info.provinceToken}`,
    });
    rows.push(
      readRow(
        `${label}: GET /api/plans as the provincial supervisor (every district's plan)`,
        overview,
        healthz,
      ),
    );

    const cpu0 = server.cpuSeconds();
    // At most a third of the slots for the single client, so the concurrent run has enough left.
    const single = await submit(base, slots.slice(0, Math.floor(slots.length / 3)), 1, SUBMIT_SECONDS);
    const cpu1 = server.cpuSeconds();
    const concurrent = await submit(base, slots.slice(single.count), CONNECTIONS, SUBMIT_SECONDS);
    const cpu2 = server.cpuSeconds();
    const cpuPer = (seconds: number, count: number) =>
      `server CPU ${((seconds * 1000) / Math.max(1, count)).toFixed(2)} ms each`;
    rows.push({
      measure: `${label}: report submissions over HTTP, 1 client (${single.count} in ≤ ${SUBMIT_SECONDS} s)`,
      value: `${single.perSecond.toFixed(0)} /s, p50 ${single.p50Ms.toFixed(1)} ms, p99 ${single.p99Ms.toFixed(1)} ms, ${cpuPer(cpu1 - cpu0, single.count)}`,
      raw: { ...single },
    });
    rows.push({
      measure: `${label}: report submissions over HTTP, ${CONNECTIONS} concurrent clients (${concurrent.count} in ≤ ${SUBMIT_SECONDS} s)`,
      value: `${concurrent.perSecond.toFixed(0)} /s, p50 ${concurrent.p50Ms.toFixed(1)} ms, p99 ${concurrent.p99Ms.toFixed(1)} ms, ${cpuPer(cpu2 - cpu1, concurrent.count)}`,
      goal: `≥ ${SUBMISSIONS_GOAL} /s`,
      met: concurrent.perSecond >= SUBMISSIONS_GOAL,
      raw: { ...concurrent },
    });
    const peak = server.peakRssMb();
    rows.push({
      measure: `${label}: server memory, peak VmRSS of the duban serve process during the run`,
      value: `${peak.toFixed(0)} MB`,
      goal: `< ${RSS_GOAL_MB} MB`,
      met: peak > 0 && peak < RSS_GOAL_MB,
      raw: { rssMb: peak },
    });
  } finally {
    await server.stop();
    const database = await scaled.open();
    await removeBenchReports(database.db).finally(() => database.close());
  }
  return rows;
}

/**
 * Reads (plan tree, dashboard, the provincial list) and report submissions against a real
 * `duban serve` process at bureau and province scale, with /healthz measured in the same run as
 * the framework's ceiling and the server's peak memory, on SQLite and PostgreSQL.
 */
export const httpBenchmark: Benchmark = {
  name: 'http',
  run: async () => {
    const rows: BenchRow[] = [];
    for (const dialect of benchDialects()) {
      for (const scale of benchScales()) {
        try {
          rows.push(...(await runOn(dialect, scale)));
        } catch (error) {
          rows.push({
            measure: `${dialect}, ${scale}`,
            value: `failed: ${error instanceof Error ? error.message : String(error)}`,
            met: false,
          });
        }
      }
    }
    return rows;
  },
};
