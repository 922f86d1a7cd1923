import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import { claimDueJobs, failExpiredLeases, type JobRow, renewLease, settleJob } from '../db/queries/jobs.ts';
import type { DB } from '../db/schema.ts';
import { backoffMs } from './backoff.ts';
import { ensureDailySlots } from './daily-slots.ts';
import { type JobContext, type JobHandler, jobHandlers } from './handlers.ts';
import { jobMessages as m } from './messages.ts';
import { type DailySchedule, dailySchedules } from './schedules.ts';

/** How a runner is set up; everything but the database has a default. */
export interface JobRunnerOptions {
  db: Kysely<DB>;
  dialect: DialectName;
  now?: () => Date;
  log?: JobContext['log'];
  /** Defaults to the shared registry (src/jobs/handlers.ts). */
  handlers?: Record<string, JobHandler>;
  /** Defaults to the shared list (src/jobs/schedules.ts). */
  schedules?: readonly DailySchedule[];
  /** How often the loop looks for due jobs (default 5 s). */
  intervalMs?: number;
  /** How long a claim holds before another server may take the job over (default 5 min). */
  leaseMs?: number;
  /** How many jobs one claim takes and runs side by side (default 4). */
  batchSize?: number;
  /** How often the daily slots are made sure of (default 1 min). */
  scheduleEveryMs?: number;
  /** Names this runner in locked_by (default host:pid:random). */
  runnerId?: string;
}

/** What happened to one claimed job in a pass. */
export interface JobOutcome {
  id: string;
  kind: string;
  attempt: number;
  state: 'done' | 'queued' | 'failed' | 'lost';
  error?: string;
}

/** One runner per server process. */
export interface JobRunner {
  readonly runnerId: string;
  /** Claims and runs due jobs until none is left; resolves with what happened to each. */
  runDueJobs(): Promise<JobOutcome[]>;
  /** Creates today's daily slots that are missing; resolves with how many it created. */
  scheduleDailyJobs(): Promise<number>;
  /** Starts the background loop (daily slots at once, then due jobs every interval). */
  start(): void;
  /** Stops the loop and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

const quiet: JobContext['log'] = { info() {}, warn() {} };

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.trim() || m.handlerFailed).slice(0, 2000);
}

/** Builds a job runner over a database; nothing runs until start() or runDueJobs(). */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, dialect } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? quiet;
  const handlers = options.handlers ?? jobHandlers;
  const schedules = options.schedules ?? dailySchedules;
  const intervalMs = options.intervalMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const batchSize = options.batchSize ?? 4;
  const scheduleEveryMs = options.scheduleEveryMs ?? 60_000;
  const runnerId = options.runnerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const context: JobContext = { db, dialect, now, log };
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let lastScheduled = Number.NEGATIVE_INFINITY;

  const runOne = async (row: JobRow): Promise<JobOutcome> => {
    const outcome = { id: row.id, kind: row.kind, attempt: row.attempts };
    const handler = handlers[row.kind];
    const settle = async (result: Parameters<typeof settleJob>[1]) =>
      (await settleJob(db, result)) ? result.state : ('lost' as const);
    if (!handler) {
      const error = m.unknownKind(row.kind);
      log.warn(error, { job: row.id });
      const state = await settle({ id: row.id, runnerId, now: now().toISOString(), state: 'failed', error });
      return { ...outcome, state, error };
    }
    // Keep the lease while a long job runs, so no other server takes it over meanwhile.
    const renew = setInterval(
      () => {
        const at = now();
        renewLease(db, {
          id: row.id,
          runnerId,
          now: at.toISOString(),
          leaseUntil: new Date(at.getTime() + leaseMs).toISOString(),
        }).catch((error: unknown) =>
          log.warn('无法延长后台任务的租约', { job: row.id, error: describeError(error) }),
        );
      },
      Math.max(1_000, leaseMs / 3),
    );
    try {
      await handler(context, {
        id: row.id,
        kind: row.kind,
        organizationId: row.organization_id,
        payload: JSON.parse(row.payload) as unknown,
        attempt: row.attempts,
      });
      clearInterval(renew);
      return {
        ...outcome,
        state: await settle({ id: row.id, runnerId, now: now().toISOString(), state: 'done' }),
      };
    } catch (caught) {
      clearInterval(renew);
      const error = describeError(caught);
      const at = now();
      const state =
        row.attempts >= row.max_attempts
          ? await settle({ id: row.id, runnerId, now: at.toISOString(), state: 'failed', error })
          : await settle({
              id: row.id,
              runnerId,
              now: at.toISOString(),
              state: 'queued',
              error,
              runAt: new Date(at.getTime() + backoffMs(row.attempts)).toISOString(),
            });
      log.warn(`后台任务 ${row.id} 第 ${row.attempts} 次执行失败：${error}`, { job: row.id, state });
      return { ...outcome, state, error };
    }
  };

  const runDueJobs = async (): Promise<JobOutcome[]> => {
    const outcomes: JobOutcome[] = [];
    while (!stopping) {
      const at = now();
      await failExpiredLeases(db, at.toISOString(), m.leaseExpired);
      const claimed = await claimDueJobs(db, dialect, {
        runnerId,
        now: at.toISOString(),
        leaseUntil: new Date(at.getTime() + leaseMs).toISOString(),
        limit: batchSize,
      });
      if (claimed.length === 0) break;
      outcomes.push(...(await Promise.all(claimed.map(runOne))));
    }
    return outcomes;
  };

  const scheduleDailyJobs = () => ensureDailySlots(db, now(), schedules);

  const tick = async () => {
    try {
      if (Date.now() - lastScheduled >= scheduleEveryMs) {
        lastScheduled = Date.now();
        await scheduleDailyJobs();
      }
      await runDueJobs();
    } catch (error) {
      // A database hiccup must not stop the loop; the next tick tries again.
      log.warn('后台任务轮询出错，稍后重试', { error: describeError(error) });
    }
  };

  const loop = () => {
    if (stopping) return;
    pass = tick().finally(() => {
      pass = undefined;
      if (!stopping) timer = setTimeout(loop, intervalMs);
    });
  };

  return {
    runnerId,
    runDueJobs,
    scheduleDailyJobs,
    start() {
      stopping = false;
      if (!timer && !pass) loop();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await pass;
    },
  };
}
