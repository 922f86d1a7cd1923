import { listPlans as listPlanRows, type PlanListRow } from '../db/queries/plans.ts';
import type { Context } from './context.ts';

export type { PlanListRow } from '../db/queries/plans.ts';

/** The plans the actor's organization may read (its own and its child bureaus'), newest year first. */
export async function listPlans(ctx: Context): Promise<PlanListRow[]> {
  return listPlanRows(ctx.db, ctx.actor.organizationId);
}
