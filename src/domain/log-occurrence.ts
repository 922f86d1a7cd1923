import { attachEvidence, type EvidenceRef, type UploadedFile } from '../db/queries/evidence.ts';
import { findVisibleIndicator } from '../db/queries/indicators.ts';
import { insertOccurrence } from '../db/queries/occurrences.ts';
import { type Context, shanghaiToday } from './context.ts';
import { AppError } from './errors.ts';
import { requireOpenTask, requireOwner, requireVisibleTask } from './task-access.ts';
import { checkFiles, invalid, requirePlanDate, requireText } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { write } from './write.ts';

/** One fulfilment (完成记录) of an indicator, e.g. a study session held, with its minutes. */
export interface LogOccurrenceInput {
  indicatorId: number;
  /** The day it happened, YYYY-MM-DD, within the plan year and not in the future. */
  occurredOn: string;
  note: string;
  files?: UploadedFile[];
}

/** The stored occurrence, awaiting review. */
export interface LoggedOccurrence {
  occurrenceId: number;
  version: number;
  evidence: EvidenceRef[];
}

/** An owner unit logs an occurrence toward an indicator of its task; it counts once accepted. */
export async function logOccurrence(ctx: Context, input: LogOccurrenceInput): Promise<LoggedOccurrence> {
  const occurredOn = requirePlanDate(input.occurredOn, '完成日期');
  const note = requireText(input.note, M.noteRequired);
  const files = checkFiles(input.files);
  return write(ctx, async (trx, at) => {
    const indicator = await findVisibleIndicator(trx, ctx.actor, input.indicatorId);
    if (!indicator) throw new AppError('NOT_FOUND', M.indicatorNotFound, { indicatorId: input.indicatorId });
    const task = await requireVisibleTask(trx, ctx.actor, indicator.taskId);
    requireOwner(task);
    requireOpenTask(task);
    if (Number(occurredOn.slice(0, 4)) !== task.planYear)
      invalid(M.dateOutsidePlan('完成日期', task.planYear));
    if (occurredOn > shanghaiToday(ctx)) invalid(M.dateInFuture('完成日期'));
    const values = {
      indicatorId: indicator.id,
      unitId: ctx.actor.unitId,
      occurredOn,
      note,
      createdBy: ctx.actor.userId,
      createdAt: at,
    };
    const occurrenceId = await insertOccurrence(trx, values);
    const owner = {
      organizationId: task.organizationId,
      ownerType: 'occurrence' as const,
      ownerId: occurrenceId,
    };
    const evidence = await attachEvidence(trx, owner, files, ctx.actor.userId, at);
    return {
      result: { occurrenceId, version: 1, evidence },
      audit: [
        {
          action: 'occurrence.log',
          entityType: 'occurrence',
          entityId: occurrenceId,
          after: { ...values, taskId: task.id, state: 'submitted', version: 1, evidence },
        },
      ],
    };
  });
}
