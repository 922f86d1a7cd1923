import { hasPendingExtension, insertExtension } from '../db/queries/extensions.ts';
import { updateTaskIfVersion } from '../db/queries/tasks.ts';
import { requireOpenTask, requireOwner, requireVisibleTask } from '../policies/tasks.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { invalid, requirePlanDate, requireText } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, write } from './write.ts';

/** An owner's request to move a task's due date (延期申请). */
export interface RequestExtensionInput {
  taskId: number;
  reason: string;
  /** The requested due date, YYYY-MM-DD, later than the current one. */
  newDueOn: string;
}

/** The stored request, awaiting the item's leader. */
export interface RequestedExtension {
  extensionId: number;
  oldDueOn: string;
  newDueOn: string;
}

/** An owner unit asks to move its task's due date; nothing moves until a leader approves. */
export async function requestExtension(
  ctx: Context,
  input: RequestExtensionInput,
): Promise<RequestedExtension> {
  const reason = requireText(input.reason, M.reasonRequired);
  const newDueOn = requirePlanDate(input.newDueOn, '新的完成时限');
  return write(ctx, async (trx, at) => {
    const task = await requireVisibleTask(trx, ctx.actor, input.taskId);
    requireOwner(task);
    requireOpenTask(task);
    if (newDueOn <= task.dueOn) invalid(M.newDueNotLater(task.dueOn), { dueOn: task.dueOn });
    if (await hasPendingExtension(trx, task.id)) throw new AppError('CONFLICT', M.extensionPendingExists);
    // Bumping the task's version serialises two simultaneous requests: the second gets CONFLICT
    // instead of leaving two pending requests for one task.
    assertUpdated(await updateTaskIfVersion(trx, task.id, task.version, {}, at), '任务');
    const extensionId = await insertExtension(trx, {
      taskId: task.id,
      reason,
      oldDueOn: task.dueOn,
      newDueOn,
      requestedBy: ctx.actor.userId,
      requestedAt: at,
    });
    return {
      result: { extensionId, oldDueOn: task.dueOn, newDueOn },
      audit: [
        {
          action: 'extension.request',
          entityType: 'extension',
          entityId: extensionId,
          after: {
            taskId: task.id,
            reason,
            oldDueOn: task.dueOn,
            newDueOn,
            state: 'pending',
            unitId: ctx.actor.unitId,
          },
        },
      ],
    };
  });
}
