import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { DialectName } from '../connect.ts';
import type { DB, JobTable } from '../schema.ts';

/** A jobs row. */
export type JobRow = Selectable<JobTable>;

/** The state a job is in. */
export type JobState = JobTable['state'];

/** Inserts a job unless one with its id exists (two servers scheduling one slot make one row); true when inserted. */
export async function insertJobIfMissing(
  db: Kysely<DB>,
  job: {
    id: string;
    kind: string;
    organizationId: number | null;
    payload: string;
    runAt: string;
    maxAttempts: number;
    at: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      id: job.id,
      kind: job.kind,
      organization_id: job.organizationId,
      payload: job.payload,
      run_at: job.runAt,
      state: 'queued',
      attempts: 0,
      max_attempts: job.maxAttempts,
      created_at: job.at,
      updated_at: job.at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

// Due: queued and its time has come, or running under a lease that ran out (its server stopped)
// with tries left. Timestamps are all toISOString() text, so text order is time order.
function claimable(now: string) {
  return (eb: ExpressionBuilder<DB, 'jobs'>) =>
    eb.or([
      eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', now)]),
      eb.and([
        eb('state', '=', 'running'),
        eb('lease_until', '<', now),
        eb('attempts', '<', eb.ref('max_attempts')),
      ]),
    ]);
}

/**
 * Claims up to `limit` due jobs for one runner in a single statement, counting the try and setting
 * the lease. PostgreSQL skips rows another server has locked (FOR UPDATE SKIP LOCKED); SQLite runs
 * the statement under its one write lock, so no two processes can claim the same row.
 */
export async function claimDueJobs(
  db: Kysely<DB>,
  dialect: DialectName,
  claim: { runnerId: string; now: string; leaseUntil: string; limit: number },
): Promise<JobRow[]> {
  let due = db
    .selectFrom('jobs')
    .select('id')
    .where(claimable(claim.now))
    .orderBy('run_at')
    .orderBy('id')
    .limit(claim.limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: claim.runnerId,
      lease_until: claim.leaseUntil,
      updated_at: claim.now,
    }))
    .where('id', 'in', due)
    .where(claimable(claim.now))
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.run_at.localeCompare(b.run_at) || a.id.localeCompare(b.id));
}

/** Marks failed the running jobs whose lease ran out with no tries left; returns how many. */
export async function failExpiredLeases(db: Kysely<DB>, now: string, error: string): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({
      state: 'failed',
      last_error: error,
      locked_by: null,
      lease_until: null,
      updated_at: now,
      finished_at: now,
    })
    .where('state', '=', 'running')
    .where('lease_until', '<', now)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Extends a running job's lease while its runner still holds it; false when the lease was lost. */
export async function renewLease(
  db: Kysely<DB>,
  lease: { id: string; runnerId: string; leaseUntil: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ lease_until: lease.leaseUntil, updated_at: lease.now })
    .where('id', '=', lease.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', lease.runnerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Ends a run held by `runnerId`: done, back to queued at `runAt` (a retry), or failed. A runner that
 * lost its lease changes nothing (false), since another server has taken the job over.
 */
export async function settleJob(
  db: Kysely<DB>,
  outcome: { id: string; runnerId: string; now: string } & (
    | { state: 'done' }
    | { state: 'queued'; runAt: string; error: string }
    | { state: 'failed'; error: string }
  ),
): Promise<boolean> {
  const common = { locked_by: null, lease_until: null, updated_at: outcome.now };
  const values =
    outcome.state === 'done'
      ? { ...common, state: 'done' as const, finished_at: outcome.now }
      : outcome.state === 'queued'
        ? { ...common, state: 'queued' as const, run_at: outcome.runAt, last_error: outcome.error }
        : { ...common, state: 'failed' as const, last_error: outcome.error, finished_at: outcome.now };
  const result = await db
    .updateTable('jobs')
    .set(values)
    .where('id', '=', outcome.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', outcome.runnerId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The ids of every organization, for the daily slots. */
export async function listOrganizationIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('organizations').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** A job as the administration page lists it, with its organization's name. */
export type ListedJob = JobRow & { organization_name: string | null };

/** Jobs of one organization and the organization-less ones: failed first, then newest run time first. */
export async function listJobs(
  db: Kysely<DB>,
  filter: { organizationId: number; state?: JobState; limit: number },
): Promise<ListedJob[]> {
  let query = db
    .selectFrom('jobs')
    .leftJoin('organizations', 'organizations.id', 'jobs.organization_id')
    .selectAll('jobs')
    .select('organizations.name as organization_name')
    .where((eb) =>
      eb.or([eb('jobs.organization_id', '=', filter.organizationId), eb('jobs.organization_id', 'is', null)]),
    );
  if (filter.state) query = query.where('jobs.state', '=', filter.state);
  return query
    .orderBy((eb) => eb.case().when('jobs.state', '=', 'failed').then(0).else(1).end())
    .orderBy('jobs.run_at', 'desc')
    .orderBy('jobs.id', 'desc')
    .limit(filter.limit)
    .execute();
}

/** How many jobs of one organization (and organization-less ones) are in each state. */
export async function countJobsByState(
  db: Kysely<DB>,
  organizationId: number,
): Promise<Record<JobState, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select((eb) => ['state', eb.fn.countAll<number | string>().as('count')])
    .where((eb) => eb.or([eb('organization_id', '=', organizationId), eb('organization_id', 'is', null)]))
    .groupBy('state')
    .execute();
  const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.state] = Number(row.count);
  return counts;
}

/** One job by id. */
export async function findJob(db: Kysely<DB>, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Puts a failed job back in the queue, due now, with a fresh count of tries; false when it was not failed. */
export async function requeueFailedJob(db: Kysely<DB>, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'queued', attempts: 0, run_at: now, finished_at: null, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
