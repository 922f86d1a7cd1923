import { attachEvidence, type EvidenceRef, type UploadedFile } from '../db/queries/evidence.ts';
import { findReport, insertReport, type ReportFiling, refileReport } from '../db/queries/reports.ts';
import { acknowledgeIfPending } from '../db/queries/tasks.ts';
import type { ReportTable } from '../db/schema.ts';
import { requireOpenTask, requireOwner, requireVisibleTask } from '../policies/tasks.ts';
import { type Context, shanghaiToday } from './context.ts';
import { AppError } from './errors.ts';
import { type CompletionInput, type FiledCompletion, fileReportCompletions } from './report-completions.ts';
import { checkFiles, invalid, requireText } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, write } from './write.ts';

/** A progress report (进展填报) on a task for one period, filed by the actor's unit. */
export interface SubmitReportInput {
  taskId: number;
  /** The month reported on, YYYY-MM. */
  period: string;
  selfStatus: ReportTable['self_status'];
  /** Self-assessed completion, 0–100. */
  percent: number;
  narrative: string;
  files?: UploadedFile[];
  /** The completions of the task's indicators filed with the report (reviewed with it). */
  completions?: CompletionInput[];
}

/** The stored report after filing. */
export interface SubmittedReport {
  reportId: number;
  revision: number;
  version: number;
  evidence: EvidenceRef[];
  completions: FiledCompletion[];
}

const selfStatuses: ReadonlySet<string> = new Set(['on_track', 'at_risk', 'delayed']);

/**
 * Files a unit's report for a period, with the completions of the task's indicators done in it.
 * A first filing inserts it; re-filing a returned report updates it in place (revision + 1) and may
 * file its returned completions again; a report awaiting review or accepted cannot be filed over.
 * Report, completions and files are written in one transaction or not at all.
 */
export async function submitReport(ctx: Context, input: SubmitReportInput): Promise<SubmittedReport> {
  const narrative = requireText(input.narrative, M.narrativeRequired);
  if (!selfStatuses.has(input.selfStatus)) invalid(M.selfStatus);
  if (!Number.isFinite(input.percent) || input.percent < 0 || input.percent > 100) invalid(M.percentRange);
  const files = checkFiles(input.files);
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(input.period);
  if (!match) invalid(M.periodFormat, { period: input.period });
  return write(ctx, async (trx, at) => {
    const task = await requireVisibleTask(trx, ctx.actor, input.taskId);
    requireOwner(task);
    requireOpenTask(task);
    if (Number(match[1]) !== task.planYear) invalid(M.periodOutsidePlan(task.planYear));
    if (input.period > shanghaiToday(ctx).slice(0, 7)) invalid(M.periodInFuture(input.period));
    // requireOwner passed, so the actor is a unit user with a unit.
    const unitId = ctx.actor.unitId as number;
    const key = { taskId: task.id, unitId, period: input.period };
    const filing: ReportFiling = {
      selfStatus: input.selfStatus,
      percent: input.percent,
      narrative,
      submittedBy: ctx.actor.userId,
      submittedAt: at,
    };
    const existing = await findReport(trx, task.id, unitId, input.period);
    let reportId: number;
    let revision = 1;
    let version = 1;
    if (existing) {
      if (existing.state === 'accepted') throw new AppError('CONFLICT', M.reportAccepted(input.period));
      if (existing.state === 'submitted') throw new AppError('CONFLICT', M.reportPending(input.period));
      assertUpdated(await refileReport(trx, existing.id, existing.version, filing), '进展报告');
      reportId = existing.id;
      revision = existing.revision + 1;
      version = existing.version + 1;
    } else {
      const id = await insertReport(trx, key, filing);
      // A concurrent first filing of the same period won the unique key.
      if (id === undefined) throw new AppError('CONFLICT', M.reportPending(input.period));
      reportId = id;
    }
    const owner = { organizationId: task.organizationId, ownerType: 'report' as const, ownerId: reportId };
    const evidence = await attachEvidence(trx, owner, files, ctx.actor.userId, at);
    const completions = await fileReportCompletions(trx, ctx, task, reportId, input.completions ?? [], at);
    // Filing on a task is taking it on: a task still waiting to be acknowledged (签收) is acknowledged.
    const acknowledges =
      task.status === 'pending' && (await acknowledgeIfPending(trx, task.id, ctx.actor.userId, at));
    const after = { ...key, ...filing, state: 'submitted', revision, version, evidence, completions };
    return {
      result: { reportId, revision, version, evidence, completions },
      audit: [
        ...(acknowledges
          ? [
              {
                action: 'task.acknowledge',
                entityType: 'task',
                entityId: task.id,
                before: { status: task.status, version: task.version },
                after: {
                  status: 'acknowledged',
                  acknowledgedAt: at,
                  unitId,
                  version: task.version + 1,
                  byReport: reportId,
                },
              },
            ]
          : []),
        {
          action: existing ? 'report.refile' : 'report.submit',
          entityType: 'report',
          entityId: reportId,
          before: existing ?? null,
          after,
        },
      ],
    };
  });
}
