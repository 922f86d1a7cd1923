import { deleteAdjustment as deleteRow, listAdjustments } from '../../db/queries/evaluations.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { requireEditablePlan } from './editable-plan.ts';
import { evaluationMessages as M } from './messages.ts';
import { toPoints } from './rounding.ts';

/** A supervisor withdraws a bonus or penalty entry before the evaluation is locked; the entry stays in the audit trail. */
export async function deleteAdjustment(ctx: Context, planId: number, adjustmentId: number): Promise<void> {
  await write(ctx, async (trx) => {
    const plan = await requireEditablePlan(ctx, trx, planId);
    const entry = (await listAdjustments(trx, plan.id)).find((a) => a.id === adjustmentId);
    if (!entry || (await deleteRow(trx, plan.id, adjustmentId)) === 0n) {
      throw new AppError('NOT_FOUND', M.adjustmentNotFound);
    }
    return {
      result: undefined,
      audit: [
        {
          action: 'evaluation.adjustment_delete',
          entityType: 'plan',
          entityId: plan.id,
          before: {
            adjustmentId,
            unitId: entry.unitId,
            unit: entry.unitName,
            kind: entry.kind,
            points: toPoints(entry.centipoints),
            reason: entry.reason,
            author: entry.authorLabel,
          },
        },
      ],
    };
  });
}
