import { findLatestEarlierPlan } from '../../db/queries/plan-compare.ts';
import { findVisiblePlan, type PlanRow } from '../../db/queries/plans.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { compareMessages as M } from './messages.ts';

/** The plan compared and the plan it is compared with, and whether that is its recorded previous plan. */
export interface ResolvedPlans {
  plan: PlanRow;
  base: PlanRow;
  linked: boolean;
}

/**
 * Finds the plan and its base: the one asked for, else the recorded previous plan, else the
 * organization's newest plan of an earlier year. Plans the actor may not read do not exist.
 */
export async function resolvePlans(ctx: Context, planId: number, baseId?: number): Promise<ResolvedPlans> {
  const { db, actor } = ctx;
  const plan = await findVisiblePlan(db, actor, planId);
  if (!plan) throw new AppError('NOT_FOUND', M.planNotFound, { planId });
  const wanted =
    baseId ??
    plan.previous_plan_id ??
    (await findLatestEarlierPlan(db, plan.organization_id, plan.year))?.id ??
    null;
  if (wanted === null) throw new AppError('NOT_FOUND', M.noBase, { field: 'base' });
  if (wanted === plan.id) throw new AppError('INVALID_INPUT', M.sameAsBase, { field: 'base' });
  const base = await findVisiblePlan(db, actor, wanted);
  if (!base) throw new AppError('NOT_FOUND', M.baseNotFound, { field: 'base' });
  return { plan, base, linked: plan.previous_plan_id === base.id };
}
