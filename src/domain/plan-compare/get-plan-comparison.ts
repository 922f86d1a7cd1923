import type { PlanComparison } from '../../shared/plan-compare.ts';
import type { Context } from '../context.ts';
import { comparePlans } from './compare-plans.ts';
import { loadPlanSnapshot } from './load-plan-snapshot.ts';
import { resolvePlans } from './resolve-plans.ts';

/**
 * Next year's plan compared with this year's (base: by default its recorded previous plan):
 * items unchanged, changed (with the text differences), possible pairs, split, merged, new and
 * dropped, and responsibility moves. Computed on demand: plans are small.
 */
export async function getPlanComparison(
  ctx: Context,
  input: { planId: number; base?: number },
): Promise<PlanComparison> {
  const { plan, base, linked } = await resolvePlans(ctx, input.planId, input.base);
  const [before, after] = await Promise.all([loadPlanSnapshot(ctx.db, base), loadPlanSnapshot(ctx.db, plan)]);
  return { ...comparePlans(before, after), linked };
}
