import type { Kysely } from 'kysely';
import { insertJobIfMissing } from '../db/queries/jobs.ts';
import type { DB } from '../db/schema.ts';
import { DEFAULT_MAX_ATTEMPTS } from './backoff.ts';

/** A job to put in the queue. */
export interface JobToSchedule {
  /** Deterministic, so the same slot scheduled again (or by another server) stays one job. */
  id: string;
  kind: string;
  organizationId: number | null;
  runAt: Date;
  payload?: unknown;
  maxAttempts?: number;
  /** The clock's now, stored as created_at (defaults to the real time). */
  now?: Date;
}

/** Queues a job unless one with its id exists; true when this call created it. */
export async function scheduleJob(db: Kysely<DB>, job: JobToSchedule): Promise<boolean> {
  return insertJobIfMissing(db, {
    id: job.id,
    kind: job.kind,
    organizationId: job.organizationId,
    payload: JSON.stringify(job.payload ?? null),
    runAt: job.runAt.toISOString(),
    maxAttempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    at: (job.now ?? new Date()).toISOString(),
  });
}
