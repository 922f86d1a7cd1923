import { loadPlanIndicators } from '../db/queries/indicators.ts';
import { loadAcceptedPlanOccurrences } from '../db/queries/occurrences.ts';
import { listItemLeaders, listItems, listSections } from '../db/queries/plan-items.ts';
import { findVisiblePlan } from '../db/queries/plans.ts';
import { loadPlanReports } from '../db/queries/reports.ts';
import { listVisibleTasks, loadPlanTasks } from '../db/queries/tasks.ts';
import { listUnits } from '../db/queries/units.ts';
import { readsWholeOrganization } from '../db/queries/visibility.ts';
import { type Context, shanghaiDate, shanghaiToday } from './context.ts';
import { AppError } from './errors.ts';
import { buildPlanLights } from './plan-lights-build.ts';
import type { PlanLightData, PlanLights } from './plan-lights-model.ts';
import { loadPlanReporting } from './reporting/load-reporting.ts';
import { loadLightSettings } from './settings.ts';
import { requirePlanDate } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';

/** Which plan, as of which day (default: today in Asia/Shanghai). */
export interface ComputePlanLightsInput {
  planId: number;
  asOf?: string;
}

/**
 * Computes a plan's lights as of a day: per task, item (weighted), section and plan, with reasons
 * and summaries by section, department, leader and light. Data comes from a fixed number of
 * set-based queries whatever the plan's size; department, school and leader users get the part of
 * the plan they may see, rolled up over that part.
 */
export async function computePlanLights(ctx: Context, input: ComputePlanLightsInput): Promise<PlanLights> {
  const asOf = input.asOf === undefined ? shanghaiToday(ctx) : requirePlanDate(input.asOf, '计算日期');
  const { db, actor } = ctx;
  const plan = await findVisiblePlan(db, actor, input.planId);
  if (!plan) throw new AppError('NOT_FOUND', M.planNotFound, { planId: input.planId });
  const [
    sections,
    items,
    leaders,
    units,
    work,
    visible,
    indicators,
    occurrences,
    reports,
    settings,
    reporting,
  ] = await Promise.all([
    listSections(db, plan.id),
    listItems(db, plan.id),
    listItemLeaders(db, plan.id),
    listUnits(db, plan.organization_id, { includeInactive: true }),
    loadPlanTasks(db, plan.id),
    readsWholeOrganization(actor) ? undefined : listVisibleTasks(db, actor, plan.id),
    loadPlanIndicators(db, plan.id),
    loadAcceptedPlanOccurrences(db, plan.id),
    loadPlanReports(db, plan.id),
    loadLightSettings(db, plan.organization_id),
    loadPlanReporting(db, plan.organization_id, plan.id),
  ]);
  const seen = visible && new Set(visible.map((t) => t.id));
  const data: PlanLightData = {
    plan: { id: plan.id, year: plan.year },
    sections: sections.map((s) => ({ id: s.id, no: s.no, title: s.title })),
    items: items.map((i) => ({
      id: i.id,
      sectionId: i.section_id,
      no: i.no,
      title: i.title,
      weight: Number(i.weight),
    })),
    itemLeaders: leaders.map((l) => ({ itemId: l.itemId, name: l.name })),
    unitNames: new Map(units.map((u) => [u.id, { name: u.name, kind: u.kind }])),
    tasks: work.tasks
      .filter((t) => !seen || seen.has(t.id))
      .map((t) => ({
        id: t.id,
        itemId: t.item_id,
        parentTaskId: t.parent_task_id,
        title: t.title,
        leadUnitId: t.lead_unit_id,
        startOn: t.start_on,
        dueOn: t.due_on,
        status: t.status,
        completedOn: t.status === 'done' && t.completed_at ? shanghaiDate(new Date(t.completed_at)) : null,
      })),
    taskUnits: work.units.map((u) => ({ taskId: u.task_id, unitId: u.unit_id, role: u.role })),
    indicators: indicators.map((i) => ({
      id: i.id,
      taskId: i.task_id,
      kind: i.kind,
      text: i.text,
      per: i.per,
      targetMin: i.target_min,
      targetMax: i.target_max,
      targetValue: i.target_value,
      name: i.name,
      dueOn: i.due_on,
    })),
    occurrences,
    reports: reports.map((r) => ({
      taskId: r.taskId,
      unitId: r.unitId,
      period: r.period,
      submittedOn: shanghaiDate(new Date(r.submittedAt)),
      state: r.state,
      percent: Number(r.percent),
    })),
    reporting,
  };
  return buildPlanLights(data, asOf, settings);
}
