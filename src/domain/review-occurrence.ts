import { findVisibleOccurrence, setOccurrenceState } from '../db/queries/occurrences.ts';
import { insertReview } from '../db/queries/reviews.ts';
import { canReview, requireVisibleTask } from '../policies/tasks.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { checkDecision, type ReviewDecision } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, write } from './write.ts';

/** A review (审核) of a logged occurrence. */
export interface ReviewOccurrenceInput {
  occurrenceId: number;
  decision: ReviewDecision;
  /** Required when returning: what is missing (e.g. the minutes). */
  comment?: string;
  /** The version the reviewer saw. */
  version?: number;
}

/** The occurrence's state after review. */
export interface ReviewedOccurrence {
  occurrenceId: number;
  reviewId: number;
  state: 'accepted' | 'returned';
  version: number;
}

/** A supervisor, admin or the item's leader accepts or returns a submitted occurrence; only accepted ones count. */
export async function reviewOccurrence(
  ctx: Context,
  input: ReviewOccurrenceInput,
): Promise<ReviewedOccurrence> {
  const comment = checkDecision(input.decision, input.comment);
  return write(ctx, async (trx, at) => {
    const occurrence = await findVisibleOccurrence(trx, ctx.actor, input.occurrenceId);
    if (!occurrence) {
      throw new AppError('NOT_FOUND', M.occurrenceNotFound, { occurrenceId: input.occurrenceId });
    }
    const task = await requireVisibleTask(trx, ctx.actor, occurrence.taskId);
    if (!canReview(ctx.actor, task.organizationId, task.actorLeadsItem)) {
      throw new AppError('FORBIDDEN', M.notReviewer, { occurrenceId: occurrence.id });
    }
    if (typeof occurrence.reportId === 'number') {
      throw new AppError('CONFLICT', M.occurrenceInReport, { reportId: occurrence.reportId });
    }
    if (occurrence.state !== 'submitted') {
      throw new AppError('CONFLICT', M.notSubmitted, { state: occurrence.state });
    }
    if (input.version !== undefined && input.version !== occurrence.version) {
      throw new AppError('CONFLICT', M.notSubmitted, { version: occurrence.version });
    }
    const state = input.decision === 'accept' ? 'accepted' : 'returned';
    assertUpdated(await setOccurrenceState(trx, occurrence.id, occurrence.version, state), '完成记录');
    const reviewId = await insertReview(trx, {
      targetType: 'occurrence',
      targetId: occurrence.id,
      decision: input.decision,
      comment,
      reviewerId: ctx.actor.userId,
      createdAt: at,
    });
    const version = occurrence.version + 1;
    return {
      result: { occurrenceId: occurrence.id, reviewId, state, version },
      audit: [
        {
          action: `occurrence.${input.decision}`,
          entityType: 'occurrence',
          entityId: occurrence.id,
          before: { state: occurrence.state, version: occurrence.version },
          after: { state, version, reviewId, comment },
        },
      ],
    };
  });
}
