import { listPlans as listPlanRows, type PlanListRow } from '../db/queries/plans.ts';
import type { Context } from './context.ts';

export type { PlanListRow } from '../db/queries/plans.ts';

/** The plans the actor may read (src/policies/plans.ts: own, and child bureaus' for readers of all), newest year first. */
export async function listPlans(ctx: Context): Promise<PlanListRow[]> {
  return listPlanRows(ctx.db, ctx.actor);
}
