import type { Kysely } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import { runDailyRemindersJob } from '../domain/reminders/daily-reminders-job.ts';

/** What a job handler gets: the database, the clock and a logger. */
export interface JobContext {
  db: Kysely<DB>;
  dialect: DialectName;
  now: () => Date;
  log: { info(message: string, data?: object): void; warn(message: string, data?: object): void };
}

/** One job as a handler sees it. */
export interface JobRun {
  /** Deterministic id, e.g. "reminders.daily:3:2024-06-07". */
  id: string;
  kind: string;
  organizationId: number | null;
  payload: unknown;
  /** 1 on the first try. */
  attempt: number;
}

/** Does one job; throwing makes the runner retry it later (with backoff) or mark it failed. */
export type JobHandler = (ctx: JobContext, job: JobRun) => Promise<void>;

/** Every job kind the runner knows, one line per kind. */
export const jobHandlers: Record<string, JobHandler> = {
  'reminders.daily': runDailyRemindersJob,
};
