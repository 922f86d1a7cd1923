import { findVisibleExtension, decideExtension as storeDecision } from '../db/queries/extensions.ts';
import { moveIndicatorDueDates } from '../db/queries/indicators.ts';
import { moveChildTaskDueDates, updateTaskIfVersion } from '../db/queries/tasks.ts';
import { canReview, requireVisibleTask } from '../policies/tasks.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { invalid } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, type WriteResult, write } from './write.ts';

/** A decision on an extension request. */
export interface DecideExtensionInput {
  extensionId: number;
  decision: 'approve' | 'refuse';
  comment?: string;
}

/** The outcome: the task's due date after the decision and what moved with it. */
export interface DecidedExtension {
  extensionId: number;
  state: 'approved' | 'refused';
  dueOn: string;
  movedIndicatorIds: number[];
  movedChildTaskIds: number[];
}

/**
 * The item's leader (or a supervisor/admin) approves or refuses an extension. Approval moves the
 * task's due date and the indicator and school-copy due dates that equalled the old one; refusal
 * moves nothing. The request stays on record either way.
 */
export async function decideExtension(ctx: Context, input: DecideExtensionInput): Promise<DecidedExtension> {
  if (input.decision !== 'approve' && input.decision !== 'refuse') invalid(M.extensionDecision);
  const comment = (input.comment ?? '').trim();
  return write(ctx, async (trx, at) => {
    const extension = await findVisibleExtension(trx, ctx.actor, input.extensionId);
    if (!extension) throw new AppError('NOT_FOUND', M.extensionNotFound, { extensionId: input.extensionId });
    const task = await requireVisibleTask(trx, ctx.actor, extension.taskId);
    if (!canReview(ctx.actor, task.organizationId, task.actorLeadsItem)) {
      throw new AppError('FORBIDDEN', M.notExtensionDecider);
    }
    if (extension.state !== 'pending') throw new AppError('CONFLICT', M.extensionNotPending);
    const approve = input.decision === 'approve';
    if (approve && task.status === 'done') throw new AppError('CONFLICT', M.taskDone);
    if (approve && task.dueOn !== extension.oldDueOn) throw new AppError('CONFLICT', M.extensionStale);
    const state = approve ? 'approved' : 'refused';
    const decided = { state, decidedBy: ctx.actor.userId, decidedAt: at, comment } as const;
    assertUpdated(await storeDecision(trx, extension.id, decided), '延期申请');
    const audit: WriteResult<DecidedExtension>['audit'] = [
      {
        action: `extension.${input.decision}`,
        entityType: 'extension',
        entityId: extension.id,
        before: { state: extension.state },
        after: { state, comment, oldDueOn: extension.oldDueOn, newDueOn: extension.newDueOn },
      },
    ];
    if (!approve) {
      return {
        result: {
          extensionId: extension.id,
          state,
          dueOn: task.dueOn,
          movedIndicatorIds: [],
          movedChildTaskIds: [],
        },
        audit,
      };
    }
    const { oldDueOn, newDueOn } = extension;
    assertUpdated(await updateTaskIfVersion(trx, task.id, task.version, { due_on: newDueOn }, at), '任务');
    const movedChildTaskIds = await moveChildTaskDueDates(trx, task.id, oldDueOn, newDueOn, at);
    const movedIndicatorIds = await moveIndicatorDueDates(
      trx,
      [task.id, ...movedChildTaskIds],
      oldDueOn,
      newDueOn,
    );
    audit.push({
      action: 'task.extend',
      entityType: 'task',
      entityId: task.id,
      before: { dueOn: oldDueOn, version: task.version },
      after: {
        dueOn: newDueOn,
        version: task.version + 1,
        extensionId: extension.id,
        movedIndicatorIds,
        movedChildTaskIds,
      },
    });
    return {
      result: { extensionId: extension.id, state, dueOn: newDueOn, movedIndicatorIds, movedChildTaskIds },
      audit,
    };
  });
}
