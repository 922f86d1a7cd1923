import type { Kysely } from 'kysely';
import { findRubric, listAdjustments, listReportReviews } from '../../db/queries/evaluations.ts';
import { loadPlanIndicators } from '../../db/queries/indicators.ts';
import { loadAcceptedPlanOccurrences } from '../../db/queries/occurrences.ts';
import { findOrganization } from '../../db/queries/organizations.ts';
import type { PlanRow } from '../../db/queries/plans.ts';
import { loadPlanReports } from '../../db/queries/reports.ts';
import { loadPlanTasks } from '../../db/queries/tasks.ts';
import { listUnits } from '../../db/queries/units.ts';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_RUBRIC, type Evaluation, type EvaluationRubric } from '../../shared/evaluations.ts';
import { shanghaiDate } from '../context.ts';
import { loadPlanReporting } from '../reporting/load-reporting.ts';
import { evaluationOwedBy, measureUnits } from './measure-units.ts';
import { evaluationDefinitions } from './messages.ts';
import { toPoints } from './rounding.ts';
import { scoreUnits } from './score-units.ts';

/** The evaluation as computed from the current data; the caller adds who may do what. */
export type ComputedEvaluation = Omit<Evaluation, 'locked' | 'canEdit' | 'seesAll'>;

/** The day a plan is evaluated as of: today, but never past the plan year's last day. */
export function evaluationDay(plan: Pick<PlanRow, 'year'>, today: string): string {
  const yearEnd = `${plan.year}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

/**
 * Loads a plan's data in a fixed number of set-based queries and scores every unit as of today's
 * evaluation day: during the year exactly what the board owes today, after it the whole year.
 */
export async function computeEvaluation(
  db: Kysely<DB>,
  plan: PlanRow,
  today: string,
): Promise<ComputedEvaluation> {
  const asOf = evaluationDay(plan, today);
  const owedBy = evaluationOwedBy(plan.year, today);
  const [
    organization,
    units,
    work,
    indicators,
    occurrences,
    reports,
    reviews,
    reporting,
    rubricRow,
    adjustments,
  ] = await Promise.all([
    findOrganization(db, plan.organization_id),
    listUnits(db, plan.organization_id, { includeInactive: true }),
    loadPlanTasks(db, plan.id),
    loadPlanIndicators(db, plan.id),
    loadAcceptedPlanOccurrences(db, plan.id),
    loadPlanReports(db, plan.id),
    listReportReviews(db, plan.id),
    loadPlanReporting(db, plan.organization_id, plan.id),
    findRubric(db, plan.id),
    listAdjustments(db, plan.id),
  ]);
  const measures = measureUnits(
    {
      year: plan.year,
      tasks: work.tasks.map((t) => ({
        id: t.id,
        startOn: t.start_on,
        dueOn: t.due_on,
        completedOn: t.status === 'done' && t.completed_at ? shanghaiDate(new Date(t.completed_at)) : null,
      })),
      taskUnits: work.units.map((u) => ({ taskId: u.task_id, unitId: u.unit_id })),
      indicators: indicators.map((i) => ({
        id: i.id,
        taskId: i.task_id,
        kind: i.kind,
        per: i.per,
        targetMin: i.target_min,
        targetMax: i.target_max,
        targetValue: i.target_value,
        dueOn: i.due_on,
      })),
      occurrences,
      reports: reports.map((r) => ({
        id: r.id,
        taskId: r.taskId,
        unitId: r.unitId,
        period: r.period,
        submittedOn: shanghaiDate(new Date(r.submittedAt)),
        submittedAt: new Date(r.submittedAt).toISOString(),
        state: r.state,
      })),
      reviews: reviews.map((r) => ({
        reportId: r.reportId,
        decision: r.decision,
        reviewedAt: new Date(r.reviewedAt).toISOString(),
        reviewedOn: shanghaiDate(new Date(r.reviewedAt)),
      })),
      reporting,
    },
    asOf,
    owedBy,
  );
  const rubric: EvaluationRubric = rubricRow
    ? {
        completion: rubricRow.completion,
        timeliness: rubricRow.timeliness,
        quality: rubricRow.quality,
        bonusCap: rubricRow.bonusCap,
        penaltyCap: rubricRow.penaltyCap,
        version: rubricRow.version,
        updatedAt: rubricRow.updatedAt,
        updatedBy: rubricRow.updatedByLabel,
      }
    : { ...DEFAULT_RUBRIC, version: null, updatedAt: null, updatedBy: null };
  // Inactive units appear only when they still own work in this plan.
  const evaluated = units
    .filter((u) => u.active === 1 || measures.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
  const { departments, schools } = scoreUnits(
    evaluated,
    measures,
    rubric,
    adjustments.map((a) => ({
      unitId: a.unitId,
      kind: a.kind,
      centipoints: a.centipoints,
      reason: a.reason,
      author: a.authorLabel,
    })),
  );
  return {
    planId: plan.id,
    planTitle: plan.title,
    year: plan.year,
    organizationName: organization?.name ?? '',
    asOf,
    rubric,
    adjustments: adjustments.map((a) => ({
      id: a.id,
      unitId: a.unitId,
      unitName: a.unitName,
      kind: a.kind,
      points: toPoints(a.centipoints),
      reason: a.reason,
      author: a.authorLabel,
      createdAt: a.createdAt,
    })),
    departments,
    schools,
    definitions: evaluationDefinitions(asOf, owedBy > asOf),
  };
}
