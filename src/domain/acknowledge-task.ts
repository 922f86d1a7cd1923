import { updateTaskIfVersion } from '../db/queries/tasks.ts';
import { requireOpenTask, requireOwner, requireVisibleTask } from '../policies/tasks.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, write } from './write.ts';

/** What acknowledging (签收) a task needs. */
export interface AcknowledgeTaskInput {
  taskId: number;
}

/** The task after acknowledgement. */
export interface AcknowledgedTask {
  taskId: number;
  acknowledgedAt: string;
  version: number;
}

/** An owner unit acknowledges (签收) a dispatched task: pending → acknowledged. */
export async function acknowledgeTask(ctx: Context, input: AcknowledgeTaskInput): Promise<AcknowledgedTask> {
  return write(ctx, async (trx, at) => {
    const task = await requireVisibleTask(trx, ctx.actor, input.taskId);
    requireOwner(task);
    requireOpenTask(task);
    if (task.status !== 'pending') throw new AppError('CONFLICT', M.alreadyAcknowledged, { taskId: task.id });
    const patch = { status: 'acknowledged' as const, acknowledged_at: at, acknowledged_by: ctx.actor.userId };
    assertUpdated(await updateTaskIfVersion(trx, task.id, task.version, patch, at), '任务');
    return {
      result: { taskId: task.id, acknowledgedAt: at, version: task.version + 1 },
      audit: [
        {
          action: 'task.acknowledge',
          entityType: 'task',
          entityId: task.id,
          before: { status: task.status, version: task.version },
          after: {
            status: 'acknowledged',
            acknowledgedAt: at,
            unitId: ctx.actor.unitId,
            version: task.version + 1,
          },
        },
      ],
    };
  });
}
