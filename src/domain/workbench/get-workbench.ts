import { listEvidenceOfOwners, listReportCompletions } from '../../db/queries/review-queue.ts';
import {
  listCompletionsToDecide,
  listExtensionsToDecide,
  listReturnedReports,
  listTaskOwnerNames,
  listTasksToAcknowledge,
  listTasksWithoutReport,
  listUnitExtensions,
  type WorkbenchTaskRow,
} from '../../db/queries/workbench.ts';
import { whatApplies } from '../../policies/work.ts';
import type { ReturnedCompletion, Workbench, WorkbenchTask } from '../../shared/work.ts';
import { listCollectionWork } from '../balance/workbench-rounds.ts';
import { computePlanLights } from '../compute-plan-lights.ts';
import { type Context, shanghaiToday } from '../context.ts';
import type { TaskLightRow } from '../plan-lights-model.ts';
import { loadOrganizationReporting } from '../reporting/load-reporting.ts';
import { currentReportingPeriod } from './reporting-period.ts';

/** How long a decided extension stays on its unit's workbench. */
const OUTCOME_DAYS = 30;

/**
 * What waits for the signed-in user: tasks to acknowledge, reports due this period and returned
 * reports (unit users), extension and completion requests to decide (leaders, supervisors), the
 * unit's own extension requests, and open collection rounds to fill (schools) or review
 * (supervisors). One query per list plus owners, evidence and one light computation per plan of the
 * unit's open tasks (a bureau has one or two plans running).
 */
export async function getWorkbench(ctx: Context): Promise<Workbench> {
  const { db, actor } = ctx;
  const open = currentReportingPeriod(
    shanghaiToday(ctx),
    await loadOrganizationReporting(db, actor.organizationId),
  );
  const window = { period: open.period, year: Number(open.period.slice(0, 4)), endsOn: open.endsOn };
  const applies = whatApplies(actor);
  const unitId = actor.unitId ?? 0;
  const since = new Date(ctx.now().getTime() - OUTCOME_DAYS * 86_400_000).toISOString();
  const [toAcknowledge, reportsDue, returned, extensionDecisions, extensionOutcomes, completions] =
    await Promise.all([
      applies.unit ? listTasksToAcknowledge(db, unitId) : [],
      applies.unit ? listTasksWithoutReport(db, unitId, window) : [],
      applies.unit ? listReturnedReports(db, unitId) : [],
      applies.extensions ? listExtensionsToDecide(db, actor) : [],
      applies.unit ? listUnitExtensions(db, unitId, since) : [],
      applies.completions ? listCompletionsToDecide(db, actor.organizationId) : [],
    ]);
  const allTasks = [
    ...toAcknowledge,
    ...reportsDue,
    ...returned,
    ...extensionDecisions,
    ...extensionOutcomes,
    ...completions,
  ];
  const returnedCompletions = await listReportCompletions(
    db,
    returned.map((r) => r.reportId),
    'returned',
  );
  const [owners, evidence, lights, completionFiles, collections] = await Promise.all([
    listTaskOwnerNames(
      db,
      allTasks.map((t) => t.taskId),
    ),
    listEvidenceOfOwners(
      db,
      'completion',
      completions.map((c) => c.requestId),
    ),
    lightsOf(ctx, [...toAcknowledge, ...reportsDue]),
    listEvidenceOfOwners(
      db,
      'occurrence',
      returnedCompletions.map((c) => c.id),
    ),
    listCollectionWork(ctx),
  ]);
  const completionsOf = (reportId: number): ReturnedCompletion[] =>
    returnedCompletions
      .filter((c) => c.reportId === reportId)
      .map((c) => ({
        occurrenceId: c.id,
        indicatorId: c.indicatorId,
        indicator: c.indicator,
        occurredOn: c.occurredOn,
        note: c.note,
        value: c.value,
        milestone: c.milestone,
        files: completionFiles.filter((e) => e.ownerId === c.id).map((e) => e.fileName),
      }));
  const present = <T extends WorkbenchTaskRow>(row: T): T & WorkbenchTask => {
    const light = lights.get(row.taskId);
    return {
      ...row,
      owners: owners.get(row.taskId) ?? [],
      ...(light ? { light: light.light, reason: light.reason } : {}),
    };
  };
  return {
    period: { period: open.period, dueOn: open.dueOn },
    toAcknowledge: toAcknowledge.map((row) => present(row)),
    reportsDue: reportsDue.map((row) => present(row)),
    returned: returned.map((row) => ({ ...present(row), completions: completionsOf(row.reportId) })),
    extensionDecisions: extensionDecisions.map((row) => present(row)),
    extensionOutcomes: extensionOutcomes.map((row) => present(row)),
    completionDecisions: completions.map((c) => ({
      ...present(c),
      evidence: evidence
        .filter((e) => e.ownerId === c.requestId)
        .map(({ id, fileName, mediaType, size }) => ({ id, fileName, mediaType, size })),
    })),
    collections,
  };
}

async function lightsOf(ctx: Context, tasks: WorkbenchTaskRow[]): Promise<Map<number, TaskLightRow>> {
  const byTask = new Map<number, TaskLightRow>();
  for (const planId of new Set(tasks.map((t) => t.planId))) {
    const lights = await computePlanLights(ctx, { planId });
    for (const task of lights.tasks) byTask.set(task.taskId, task);
  }
  return byTask;
}
