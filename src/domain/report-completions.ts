import { attachEvidence, type EvidenceRef, type UploadedFile } from '../db/queries/evidence.ts';
import { listTaskIndicators, type TaskIndicatorRow } from '../db/queries/indicators.ts';
import { insertOccurrence, listReportOccurrences, resubmitOccurrence } from '../db/queries/occurrences.ts';
import type { IndicatorTable, OccurrenceMilestone } from '../db/schema.ts';
import { MILESTONES } from '../shared/items.ts';
import type { Context, Tx } from './context.ts';
import { shanghaiToday } from './context.ts';
import { AppError } from './errors.ts';
import { checkFiles, invalid, requirePlanDate, requireText } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated } from './write.ts';

// Completions (完成记录) are the things done that a task's indicators promise: a study session held,
// a plan issued, a project's milestone, a rate reached. They are filed inside a progress report
// (reviewed with it) or logged on their own; the same checks apply either way.

/** Most completions one report may carry. */
export const maxCompletionsPerReport = 50;

/** One completion as a unit files it. */
export interface CompletionInput {
  indicatorId: number;
  /** The day it happened, YYYY-MM-DD, within the plan year and not in the future. */
  occurredOn: string;
  note: string;
  /** percent: the value reached, 0–100. */
  value?: number | null;
  /** project: the milestone reached. */
  milestone?: OccurrenceMilestone | null;
  files?: UploadedFile[];
  /** Re-filing: a returned completion of the same report, filed again (its files are kept). */
  occurrenceId?: number;
}

/** A completion after its checks: what is stored. */
export interface CheckedCompletion {
  occurredOn: string;
  note: string;
  value: number | null;
  milestone: OccurrenceMilestone | null;
  files: UploadedFile[];
}

/**
 * Checks a completion against its indicator's kind: a real day in the plan year and not in the
 * future, a note, a percent's value, a project's milestone, a deliverable's document (a new file, or
 * one kept from an earlier filing).
 */
export function checkCompletion(
  indicator: { kind: IndicatorTable['kind']; text: string },
  input: CompletionInput,
  at: { planYear: number; today: string; keptFiles?: number },
): CheckedCompletion {
  const occurredOn = requirePlanDate(input.occurredOn, '完成日期');
  if (Number(occurredOn.slice(0, 4)) !== at.planYear) invalid(M.dateOutsidePlan('完成日期', at.planYear));
  if (occurredOn > at.today) invalid(M.dateInFuture('完成日期'));
  const note = requireText(input.note, M.noteRequired);
  const files = checkFiles(input.files);
  let value: number | null = null;
  let milestone: OccurrenceMilestone | null = null;
  if (indicator.kind === 'percent') {
    const v = input.value;
    if (v === undefined || v === null || !Number.isFinite(v) || v < 0 || v > 100)
      invalid(M.completionValueRequired(indicator.text), { indicatorKind: indicator.kind });
    value = v;
  }
  if (indicator.kind === 'project') {
    if (!input.milestone || !MILESTONES.includes(input.milestone))
      invalid(M.completionMilestoneRequired(indicator.text), { indicatorKind: indicator.kind });
    milestone = input.milestone;
  }
  if (indicator.kind === 'deliverable' && files.length + (at.keptFiles ?? 0) === 0)
    invalid(M.completionDocumentRequired(indicator.text), { indicatorKind: indicator.kind });
  return { occurredOn, note, value, milestone, files };
}

/** A completion as stored with its report. */
export interface FiledCompletion {
  occurrenceId: number;
  indicatorId: number;
  occurredOn: string;
  resubmitted: boolean;
  evidence: EvidenceRef[];
}

/**
 * Stores the completions filed with a report, inside the report's transaction: new ones are
 * inserted with the report's id, returned ones of the same report named by occurrenceId are filed
 * again. All are 'submitted' and counted once the report is accepted.
 */
export async function fileReportCompletions(
  trx: Tx,
  ctx: Context,
  task: { id: number; organizationId: number; planYear: number },
  reportId: number,
  completions: readonly CompletionInput[],
  at: string,
): Promise<FiledCompletion[]> {
  if (completions.length === 0) return [];
  if (completions.length > maxCompletionsPerReport) invalid(M.completionsTooMany(maxCompletionsPerReport));
  const [indicators, earlier] = await Promise.all([
    listTaskIndicators(trx, task.id),
    listReportOccurrences(trx, reportId),
  ]);
  const byId = new Map<number, TaskIndicatorRow>(indicators.map((i) => [i.id, i]));
  const today = shanghaiToday(ctx);
  const filed: FiledCompletion[] = [];
  for (const input of completions) {
    const indicator = byId.get(input.indicatorId);
    if (!indicator) invalid(M.completionIndicator(input.indicatorId), { indicatorId: input.indicatorId });
    const previous =
      input.occurrenceId === undefined ? undefined : earlier.find((o) => o.id === input.occurrenceId);
    if (input.occurrenceId !== undefined && previous?.state !== 'returned')
      throw new AppError('CONFLICT', M.completionNotReturned, { occurrenceId: input.occurrenceId });
    if (previous && previous.indicatorId !== indicator.id)
      invalid(M.completionIndicator(input.indicatorId), { indicatorId: input.indicatorId });
    const checked = checkCompletion(indicator, input, {
      planYear: task.planYear,
      today,
      keptFiles: previous ? 1 : 0,
    });
    let occurrenceId: number;
    if (previous) {
      assertUpdated(
        await resubmitOccurrence(trx, previous.id, previous.version, {
          occurredOn: checked.occurredOn,
          note: checked.note,
          value: checked.value,
          milestone: checked.milestone,
        }),
        '完成记录',
      );
      occurrenceId = previous.id;
    } else {
      occurrenceId = await insertOccurrence(trx, {
        indicatorId: indicator.id,
        unitId: ctx.actor.unitId,
        occurredOn: checked.occurredOn,
        note: checked.note,
        createdBy: ctx.actor.userId,
        createdAt: at,
        reportId,
        value: checked.value,
        milestone: checked.milestone,
      });
    }
    const evidence = await attachEvidence(
      trx,
      { organizationId: task.organizationId, ownerType: 'occurrence', ownerId: occurrenceId },
      checked.files,
      ctx.actor.userId,
      at,
    );
    filed.push({
      occurrenceId,
      indicatorId: indicator.id,
      occurredOn: checked.occurredOn,
      resubmitted: previous !== undefined,
      evidence,
    });
  }
  return filed;
}
