import { countJobsByState, type JobState, type ListedJob, listJobs } from '../db/queries/jobs.ts';
import { requireAdmin } from '../domain/accounts/permissions.ts';
import type { Context } from '../domain/context.ts';
import type { JobList, JobView } from '../shared/jobs.ts';

/** How many jobs the page lists at most (failed ones come first, so none of them is cut off first). */
export const JOB_LIST_LIMIT = 200;

/** A stored job in the shape of the API. */
export function presentJob(row: ListedJob): JobView {
  return {
    id: row.id,
    kind: row.kind,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    payload: row.payload,
    state: row.state,
    runAt: row.run_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    lockedBy: row.locked_by,
    leaseUntil: row.lease_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** The administrator's view of the background jobs of their organization (and the organization-less ones). */
export async function listJobsForAdmin(ctx: Context, state?: JobState): Promise<JobList> {
  requireAdmin(ctx.actor);
  const organizationId = ctx.actor.organizationId;
  const [rows, counts] = await Promise.all([
    listJobs(ctx.db, { organizationId, state, limit: JOB_LIST_LIMIT }),
    countJobsByState(ctx.db, organizationId),
  ]);
  return { jobs: rows.map(presentJob), counts, limit: JOB_LIST_LIMIT };
}
