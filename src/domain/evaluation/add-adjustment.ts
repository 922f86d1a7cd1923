import { insertAdjustment, unitOwnsPlanWork } from '../../db/queries/evaluations.ts';
import { findUnit } from '../../db/queries/units.ts';
import type { AdjustmentInput } from '../../shared/evaluations.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { requireEditablePlan } from './editable-plan.ts';
import { evaluationMessages as M } from './messages.ts';
import { toCentipoints } from './rounding.ts';

/** A supervisor adds a bonus (加分) or penalty (减分) entry for a unit with work in the plan, with its reason. */
export async function addAdjustment(
  ctx: Context,
  planId: number,
  input: AdjustmentInput,
): Promise<{ id: number }> {
  const reason = input.reason.trim();
  return write(ctx, async (trx, at) => {
    const plan = await requireEditablePlan(ctx, trx, planId);
    const unit = await findUnit(trx, plan.organization_id, input.unitId);
    if (!unit) throw new AppError('INVALID_INPUT', M.unitNotFound, { field: 'unitId' });
    if (!(await unitOwnsPlanWork(trx, plan.id, unit.id))) {
      throw new AppError('INVALID_INPUT', M.unitHasNoTasks(unit.name), { field: 'unitId' });
    }
    const centipoints = toCentipoints(input.points);
    const id = await insertAdjustment(trx, {
      planId: plan.id,
      unitId: unit.id,
      kind: input.kind,
      centipoints,
      reason,
      createdBy: ctx.actor.userId,
      authorLabel: ctx.actor.label,
      createdAt: at,
    });
    return {
      result: { id },
      audit: [
        {
          action: `evaluation.${input.kind}`,
          entityType: 'plan',
          entityId: plan.id,
          after: { adjustmentId: id, unitId: unit.id, unit: unit.name, points: input.points, reason },
        },
      ],
    };
  });
}
