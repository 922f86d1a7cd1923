import { insertCompletionRequest } from '../db/queries/completions.ts';
import { attachEvidence, type EvidenceRef, type UploadedFile } from '../db/queries/evidence.ts';
import { updateTaskIfVersion } from '../db/queries/tasks.ts';
import { requireOpenTask, requireOwner, requireVisibleTask } from '../policies/tasks.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { checkFiles, requireText } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, write } from './write.ts';

/** An owner's request to close (办结) a task, with a note and evidence. */
export interface RequestCompletionInput {
  taskId: number;
  note: string;
  files?: UploadedFile[];
}

/** The stored request, awaiting the supervisor. */
export interface RequestedCompletion {
  requestId: number;
  taskVersion: number;
  evidence: EvidenceRef[];
}

/** An owner unit asks for completion (办结) of its task; the task waits for the supervisor's decision. */
export async function requestCompletion(
  ctx: Context,
  input: RequestCompletionInput,
): Promise<RequestedCompletion> {
  const note = requireText(input.note, M.noteRequired);
  const files = checkFiles(input.files);
  return write(ctx, async (trx, at) => {
    const task = await requireVisibleTask(trx, ctx.actor, input.taskId);
    requireOwner(task);
    requireOpenTask(task);
    if (task.status === 'completion_requested') throw new AppError('CONFLICT', M.taskCompletionPending);
    const patch = { status: 'completion_requested' as const };
    assertUpdated(await updateTaskIfVersion(trx, task.id, task.version, patch, at), '任务');
    const requestId = await insertCompletionRequest(trx, {
      taskId: task.id,
      note,
      requestedBy: ctx.actor.userId,
      requestedAt: at,
    });
    const owner = {
      organizationId: task.organizationId,
      ownerType: 'completion' as const,
      ownerId: requestId,
    };
    const evidence = await attachEvidence(trx, owner, files, ctx.actor.userId, at);
    const taskVersion = task.version + 1;
    return {
      result: { requestId, taskVersion, evidence },
      audit: [
        {
          action: 'completion.request',
          entityType: 'completion_request',
          entityId: requestId,
          after: { taskId: task.id, note, state: 'submitted', unitId: ctx.actor.unitId, evidence },
        },
        {
          action: 'task.status',
          entityType: 'task',
          entityId: task.id,
          before: { status: task.status, version: task.version },
          after: { status: 'completion_requested', version: taskVersion },
        },
      ],
    };
  });
}
