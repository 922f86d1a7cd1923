import { updatePreviousPlan } from '../../db/queries/plan-compare.ts';
import { findOwnPlan, findVisiblePlan } from '../../db/queries/plans.ts';
import { mayCarryOver } from '../../policies/compare.ts';
import type { SetPreviousPlanInput } from '../../shared/plan-compare.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { compareMessages as M } from './messages.ts';

/** Records (or, with null, clears) the plan a plan follows; supervisors of the owning organization only. */
export async function setPreviousPlan(
  ctx: Context,
  input: SetPreviousPlanInput & { planId: number },
): Promise<{ planId: number; previousPlanId: number | null }> {
  const org = ctx.actor.organizationId;
  const plan = await findVisiblePlan(ctx.db, ctx.actor, input.planId);
  if (!plan) throw new AppError('NOT_FOUND', M.planNotFound, { planId: input.planId });
  if (!mayCarryOver(ctx.actor, { organizationId: plan.organization_id }))
    throw new AppError('FORBIDDEN', M.supervisorOnly);
  const previousId = input.previousPlanId;
  if (previousId !== null) {
    if (previousId === plan.id)
      throw new AppError('INVALID_INPUT', M.sameAsBase, { field: 'previousPlanId' });
    const previous = await findOwnPlan(ctx.db, org, previousId);
    if (!previous) throw new AppError('NOT_FOUND', M.baseNotFound, { field: 'previousPlanId' });
    // An earlier year only: it keeps the chain of plans free of cycles.
    if (previous.year >= plan.year)
      throw new AppError('INVALID_INPUT', M.previousNotEarlier(plan.year), { field: 'previousPlanId' });
  }
  return write(ctx, async (trx) => {
    await updatePreviousPlan(trx, plan.id, previousId);
    const result = { planId: plan.id, previousPlanId: previousId };
    return {
      result,
      audit: [
        {
          action: 'plan.set_previous',
          entityType: 'plan',
          entityId: plan.id,
          before: { previousPlanId: plan.previous_plan_id },
          after: { previousPlanId: previousId },
        },
      ],
    };
  });
}
