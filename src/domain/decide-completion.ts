import { decideCompletionRequest, findVisibleCompletionRequest } from '../db/queries/completions.ts';
import { insertReview } from '../db/queries/reviews.ts';
import { updateTaskIfVersion } from '../db/queries/tasks.ts';
import { isSupervisorOf, requireVisibleTask } from '../policies/tasks.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { checkDecision, type ReviewDecision } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, write } from './write.ts';

/** The supervisor's decision on a completion (办结) request. */
export interface DecideCompletionInput {
  requestId: number;
  decision: ReviewDecision;
  /** Required when returning. */
  comment?: string;
}

/** The task's state after the decision. */
export interface DecidedCompletion {
  requestId: number;
  reviewId: number;
  taskStatus: 'done' | 'acknowledged' | 'pending';
  taskVersion: number;
}

/** The supervisor accepts a completion request (task done) or returns it (task open again). */
export async function decideCompletion(
  ctx: Context,
  input: DecideCompletionInput,
): Promise<DecidedCompletion> {
  const comment = checkDecision(input.decision, input.comment);
  return write(ctx, async (trx, at) => {
    const request = await findVisibleCompletionRequest(trx, ctx.actor, input.requestId);
    if (!request) throw new AppError('NOT_FOUND', M.completionNotFound, { requestId: input.requestId });
    const task = await requireVisibleTask(trx, ctx.actor, request.taskId);
    if (!isSupervisorOf(ctx.actor, task.organizationId))
      throw new AppError('FORBIDDEN', M.notCompletionReviewer);
    if (request.state !== 'submitted' || task.status !== 'completion_requested') {
      throw new AppError('CONFLICT', M.completionNotSubmitted, { state: request.state });
    }
    const accept = input.decision === 'accept';
    const state = accept ? 'accepted' : 'returned';
    assertUpdated(await decideCompletionRequest(trx, request.id, state), '办结申请');
    // A returned request reopens the task where it was before the request.
    const taskStatus: DecidedCompletion['taskStatus'] = accept
      ? 'done'
      : task.acknowledgedAt
        ? 'acknowledged'
        : 'pending';
    const patch = accept ? { status: taskStatus, completed_at: at } : { status: taskStatus };
    assertUpdated(await updateTaskIfVersion(trx, task.id, task.version, patch, at), '任务');
    const reviewId = await insertReview(trx, {
      targetType: 'completion',
      targetId: request.id,
      decision: input.decision,
      comment,
      reviewerId: ctx.actor.userId,
      createdAt: at,
    });
    const taskVersion = task.version + 1;
    return {
      result: { requestId: request.id, reviewId, taskStatus, taskVersion },
      audit: [
        {
          action: `completion.${input.decision}`,
          entityType: 'completion_request',
          entityId: request.id,
          before: { state: request.state },
          after: { state, reviewId, comment },
        },
        {
          action: 'task.status',
          entityType: 'task',
          entityId: task.id,
          before: { status: task.status, completedAt: task.completedAt, version: task.version },
          after: { status: taskStatus, completedAt: accept ? at : task.completedAt, version: taskVersion },
        },
      ],
    };
  });
}
