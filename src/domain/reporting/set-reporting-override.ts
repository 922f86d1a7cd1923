import { findVisiblePlan } from '../../db/queries/plans.ts';
import { listPlanReportingOverrides, saveReportingOverride } from '../../db/queries/reporting-overrides.ts';
import { findVisibleTask } from '../../db/queries/tasks.ts';
import { mayEditReporting, requireWritablePlan } from '../../policies/plans.ts';
import type { ReportingOverrideInput, ReportingOverrideView } from '../../shared/calendar.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { calendarMessages as M } from '../calendar/messages.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadReportingSettings } from '../settings.ts';
import { write } from '../write.ts';
import { resolveRule } from './reporting-rule.ts';

function requireSupervisor(ctx: Context): void {
  requirePermission(ctx.actor, 'reporting.edit', M.notReportingEditor);
}

/** A target's override and the rule that applies to it, from the plan's overrides. */
async function viewOf(ctx: Context, planId: number, taskId: number | null): Promise<ReportingOverrideView> {
  const organizationId = ctx.actor.organizationId;
  const [base, overrides] = await Promise.all([
    loadReportingSettings(ctx.db, organizationId),
    listPlanReportingOverrides(ctx.db, organizationId, planId),
  ]);
  const planOwn = overrides.find((o) => o.targetType === 'plan');
  const taskOwn =
    taskId === null ? undefined : overrides.find((o) => o.targetType === 'task' && o.targetId === taskId);
  const own = taskId === null ? planOwn : taskOwn;
  return {
    cycle: own?.cycle ?? null,
    dueDay: own?.dueDay ?? null,
    effective: resolveRule(base, planOwn, taskOwn),
  };
}

async function save(
  ctx: Context,
  target: { type: 'plan' | 'task'; id: number; planId: number },
  input: ReportingOverrideInput,
): Promise<ReportingOverrideView> {
  const before = await viewOf(ctx, target.planId, target.type === 'task' ? target.id : null);
  const after = { cycle: input.cycle ?? null, dueDay: input.dueDay ?? null };
  await write(ctx, async (trx, at) => {
    await saveReportingOverride(
      trx,
      ctx.actor.organizationId,
      { targetType: target.type, targetId: target.id, ...after },
      at,
    );
    return {
      result: undefined,
      audit: [
        {
          action: `reporting.${target.type}`,
          entityType: target.type,
          entityId: target.id,
          before: { cycle: before.cycle, dueDay: before.dueDay },
          after,
        },
      ],
    };
  });
  return viewOf(ctx, target.planId, target.type === 'task' ? target.id : null);
}

/** A supervisor gives a plan its own reporting cycle or due day (null fields inherit). Audited. */
export async function setPlanReporting(
  ctx: Context,
  planId: number,
  input: ReportingOverrideInput,
): Promise<ReportingOverrideView> {
  requireSupervisor(ctx);
  await requireWritablePlan(ctx.db, ctx.actor, planId, M.planNotFound);
  return save(ctx, { type: 'plan', id: planId, planId }, input);
}

/** A supervisor gives one task its own reporting cycle or due day, e.g. quarterly (null fields inherit). Audited. */
export async function setTaskReporting(
  ctx: Context,
  taskId: number,
  input: ReportingOverrideInput,
): Promise<ReportingOverrideView> {
  requireSupervisor(ctx);
  const task = await findVisibleTask(ctx.db, ctx.actor, taskId);
  if (!task) throw new AppError('NOT_FOUND', M.taskNotFound, { taskId });
  // A parent bureau reads its districts' tasks and changes none of them.
  if (!mayEditReporting(ctx.actor, task)) throw new AppError('FORBIDDEN', M.notReportingEditor, { taskId });
  return save(ctx, { type: 'task', id: taskId, planId: task.planId }, input);
}

/** The reporting override of a plan and the rule in force, for anyone who may see the plan. */
export async function getPlanReporting(ctx: Context, planId: number): Promise<ReportingOverrideView> {
  const plan = await findVisiblePlan(ctx.db, ctx.actor, planId);
  if (!plan) throw new AppError('NOT_FOUND', M.planNotFound, { planId });
  return viewOf(ctx, planId, null);
}

/** The reporting override of a task and the rule in force, for anyone who may see the task. */
export async function getTaskReporting(ctx: Context, taskId: number): Promise<ReportingOverrideView> {
  const task = await findVisibleTask(ctx.db, ctx.actor, taskId);
  if (!task) throw new AppError('NOT_FOUND', M.taskNotFound, { taskId });
  return viewOf(ctx, task.planId, taskId);
}
