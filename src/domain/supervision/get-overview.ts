import { findVisiblePlan } from '../../db/queries/plans.ts';
import { loadPlanReports } from '../../db/queries/reports.ts';
import { countOpenNotices } from '../../db/queries/supervision-notices.ts';
import { loadPlanTasks } from '../../db/queries/tasks.ts';
import { listUnits } from '../../db/queries/units.ts';
import type { SupervisionOverview } from '../../shared/supervision.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { computePlanLights } from '../compute-plan-lights.ts';
import { type Context, shanghaiDate, shanghaiToday } from '../context.ts';
import { expectedReports, filingOf, reportOutcome } from '../dashboard/report-slots.ts';
import { AppError } from '../errors.ts';
import { loadPlanReporting } from '../reporting/load-reporting.ts';
import { supervisionMessages as M } from './messages.ts';
import { laggingItems, overdueUnits } from './overview-build.ts';

/** Working days a unit gets to reply to a notice unless the supervisor says otherwise. */
const REPLY_WORKING_DAYS = 5;

/**
 * The supervision center (督办中心) of a plan as of a day: red and yellow items with their reasons,
 * owners and open notices, and the units with red tasks or overdue reports. A fixed number of
 * queries whatever the plan's size.
 */
export async function getSupervisionOverview(
  ctx: Context,
  input: { planId: number; asOf?: string },
): Promise<SupervisionOverview> {
  requirePermission(ctx.actor, 'supervision.overview', M.supervisorOnly);
  const plan = await findVisiblePlan(ctx.db, ctx.actor, input.planId);
  if (!plan) throw new AppError('NOT_FOUND', M.planNotFound, { planId: input.planId });
  const [lights, work, reports, units, open, reporting] = await Promise.all([
    computePlanLights(ctx, input),
    loadPlanTasks(ctx.db, plan.id),
    loadPlanReports(ctx.db, plan.id),
    listUnits(ctx.db, plan.organization_id, { includeInactive: true }),
    countOpenNotices(ctx.db, plan.id),
    loadPlanReporting(ctx.db, plan.organization_id, plan.id),
  ]);
  const visible = new Set(lights.tasks.map((t) => t.taskId));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const filed = new Map(
    reports.map((r) => [
      `${r.taskId}/${r.unitId}/${r.period}`,
      { ...r, submittedOn: shanghaiDate(new Date(r.submittedAt)) },
    ]),
  );
  const tasks = new Map(work.tasks.filter((t) => visible.has(t.id)).map((t) => [t.id, t]));
  const missing = new Map<number, number>();
  for (const owner of work.units) {
    const task = tasks.get(owner.task_id);
    if (!task) continue;
    const completedOn =
      task.status === 'done' && task.completed_at ? shanghaiDate(new Date(task.completed_at)) : null;
    const slots = expectedReports(
      { taskId: task.id, unitId: owner.unit_id, startOn: task.start_on, dueOn: task.due_on, completedOn },
      plan.year,
      reporting,
    );
    const late = slots.filter(
      (slot) => reportOutcome(slot, filingOf(slot, filed), lights.asOf) === 'missing',
    ).length;
    if (late > 0) missing.set(owner.unit_id, (missing.get(owner.unit_id) ?? 0) + late);
  }
  return {
    planId: plan.id,
    planTitle: plan.title,
    asOf: lights.asOf,
    suggestedReplyDueOn: reporting.work.addWorkingDays(shanghaiToday(ctx), REPLY_WORKING_DAYS),
    items: laggingItems(lights, unitById, open),
    units: overdueUnits(lights, unitById, missing, open),
  };
}
