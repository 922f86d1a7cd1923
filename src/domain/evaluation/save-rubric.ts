import { findRubric, insertRubric, updateRubricIfVersion } from '../../db/queries/evaluations.ts';
import { DEFAULT_RUBRIC, type RubricInput } from '../../shared/evaluations.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { requireEditablePlan } from './editable-plan.ts';
import { evaluationMessages as M } from './messages.ts';

/**
 * A supervisor saves a plan's rubric (weights summing to 100, bonus and penalty caps) while the
 * evaluation is not locked; the change is audited with the rubric before and after.
 */
export async function saveRubric(
  ctx: Context,
  planId: number,
  input: RubricInput,
): Promise<{ version: number }> {
  return write(ctx, async (trx, at) => {
    const plan = await requireEditablePlan(ctx, trx, planId);
    const before = await findRubric(trx, plan.id);
    const values = {
      completion: input.completion,
      timeliness: input.timeliness,
      quality: input.quality,
      bonusCap: input.bonusCap,
      penaltyCap: input.penaltyCap,
      updatedBy: ctx.actor.userId,
      updatedByLabel: ctx.actor.label,
      updatedAt: at,
    };
    let version = 1;
    if (!before) {
      if (input.version !== undefined) throw new AppError('CONFLICT', M.rubricChanged);
      await insertRubric(trx, plan.id, values);
    } else {
      if (input.version !== before.version) throw new AppError('CONFLICT', M.rubricChanged);
      const result = await updateRubricIfVersion(trx, plan.id, before.version, values);
      if (result.numUpdatedRows === 0n) throw new AppError('CONFLICT', M.rubricChanged);
      version = before.version + 1;
    }
    const weights = (r: Omit<RubricInput, 'version'>) => ({
      completion: r.completion,
      timeliness: r.timeliness,
      quality: r.quality,
      bonusCap: r.bonusCap,
      penaltyCap: r.penaltyCap,
    });
    return {
      result: { version },
      audit: [
        {
          action: 'evaluation.rubric',
          entityType: 'plan',
          entityId: plan.id,
          before: weights(before ?? DEFAULT_RUBRIC),
          after: weights(input),
        },
      ],
    };
  });
}
