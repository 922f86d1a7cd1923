import { findJob, requeueFailedJob } from '../db/queries/jobs.ts';
import { requireAdmin } from '../domain/accounts/permissions.ts';
import type { Context } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { write } from '../domain/write.ts';
import { jobMessages as m } from './messages.ts';

/** Puts a failed job back in the queue, due now with its tries counted afresh; audited. */
export async function retryJob(ctx: Context, id: string): Promise<void> {
  requireAdmin(ctx.actor);
  await write(ctx, async (trx, at) => {
    const job = await findJob(trx, id);
    // Another organization's job is reported as missing, so ids do not leak across organizations.
    if (!job || (job.organization_id !== null && job.organization_id !== ctx.actor.organizationId)) {
      throw new AppError('NOT_FOUND', m.notFound);
    }
    if (!(await requeueFailedJob(trx, id, at)))
      throw new AppError('CONFLICT', m.notFailed, { state: job.state });
    return {
      result: undefined,
      audit: [
        {
          action: 'jobs.retry',
          entityType: 'job',
          // Job ids are text; the audit log's entity_id is an integer, so the id goes in the entries.
          entityId: null,
          before: { id, state: job.state, attempts: job.attempts, lastError: job.last_error },
          after: { id, state: 'queued', attempts: 0, runAt: at },
        },
      ],
    };
  });
}
