import { insertLock } from '../../db/queries/evaluations.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { computeEvaluation } from './compute-evaluation.ts';
import { requireEditablePlan } from './editable-plan.ts';
import { evaluationMessages as M } from './messages.ts';

/**
 * A supervisor publishes and locks (发布并锁定) a plan's evaluation: every unit's lines, the ranks
 * and the rubric are stored as they stand, and from then on the evaluation is read from that
 * snapshot, whatever happens to reports later. There is no unlock: a published result stays.
 */
export async function lockEvaluation(
  ctx: Context,
  planId: number,
): Promise<{ asOf: string; lockedAt: string }> {
  return write(ctx, async (trx, at) => {
    const plan = await requireEditablePlan(ctx, trx, planId);
    const evaluation = await computeEvaluation(trx, plan, shanghaiToday(ctx));
    const { asOf } = evaluation;
    const units = [...evaluation.departments, ...evaluation.schools];
    const ranked = units.filter((u) => u.ranked);
    if (ranked.length === 0) {
      const owners = units.some((u) => u.unranked === 'noData');
      throw new AppError('CONFLICT', owners ? M.nothingToLock : M.noUnits);
    }
    await insertLock(trx, {
      planId: plan.id,
      asOf,
      snapshot: JSON.stringify(evaluation),
      lockedBy: ctx.actor.userId,
      lockedByLabel: ctx.actor.label,
      lockedAt: at,
    });
    return {
      result: { asOf, lockedAt: at },
      audit: [
        {
          action: 'evaluation.lock',
          entityType: 'plan',
          entityId: plan.id,
          after: {
            asOf,
            rubric: evaluation.rubric,
            totals: ranked.map((u) => ({ unitId: u.unitId, unit: u.unitName, total: u.total, rank: u.rank })),
          },
        },
      ],
    };
  });
}
