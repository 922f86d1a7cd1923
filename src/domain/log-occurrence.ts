import { attachEvidence, type EvidenceRef } from '../db/queries/evidence.ts';
import { findVisibleIndicator } from '../db/queries/indicators.ts';
import { insertOccurrence } from '../db/queries/occurrences.ts';
import { requireOpenTask, requireOwner, requireVisibleTask } from '../policies/tasks.ts';
import { type Context, shanghaiToday } from './context.ts';
import { AppError } from './errors.ts';
import { type CompletionInput, checkCompletion } from './report-completions.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { write } from './write.ts';

/** One fulfilment (完成记录) of an indicator, e.g. a study session held, with its minutes. */
export type LogOccurrenceInput = Omit<CompletionInput, 'occurrenceId'>;

/** The stored occurrence, awaiting review. */
export interface LoggedOccurrence {
  occurrenceId: number;
  version: number;
  evidence: EvidenceRef[];
}

/**
 * An owner unit logs an occurrence toward an indicator of its task on its own (登记完成记录, not
 * with a report); it is reviewed on its own and counts once accepted. Same checks as in a report.
 */
export async function logOccurrence(ctx: Context, input: LogOccurrenceInput): Promise<LoggedOccurrence> {
  return write(ctx, async (trx, at) => {
    const indicator = await findVisibleIndicator(trx, ctx.actor, input.indicatorId);
    if (!indicator) throw new AppError('NOT_FOUND', M.indicatorNotFound, { indicatorId: input.indicatorId });
    const task = await requireVisibleTask(trx, ctx.actor, indicator.taskId);
    requireOwner(task);
    requireOpenTask(task);
    const { occurredOn, note, value, milestone, files } = checkCompletion(indicator, input, {
      planYear: task.planYear,
      today: shanghaiToday(ctx),
    });
    const values = {
      indicatorId: indicator.id,
      unitId: ctx.actor.unitId,
      occurredOn,
      note,
      createdBy: ctx.actor.userId,
      createdAt: at,
      value,
      milestone,
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
