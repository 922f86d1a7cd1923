import { deleteDraftPlan } from '../../db/queries/drafts.ts';
import { requireWritablePlan } from '../../policies/plans.ts';
import { requirePermission } from '../accounts/permissions.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { planMessages } from '../plan-messages.ts';
import { assertUpdated, write } from '../write.ts';
import { draftMessages as M } from './messages.ts';

/**
 * Discards a draft plan with its sections, items and parsed indicators; the uploaded notice is
 * kept (留痕). A published plan is refused. Audited with what was discarded.
 */
export async function discardDraft(
  ctx: Context,
  input: { planId: number; version?: number },
): Promise<{ planId: number }> {
  requirePermission(ctx.actor, 'plans.import');
  return write(ctx, async (trx) => {
    const plan = await requireWritablePlan(
      trx,
      ctx.actor,
      input.planId,
      planMessages.planNotFound(input.planId),
    );
    if (plan.status !== 'draft') throw new AppError('CONFLICT', M.notDraftDiscard, { status: plan.status });
    const version = input.version ?? plan.version;
    const deleted = await deleteDraftPlan(trx, plan.id, version);
    assertUpdated({ numUpdatedRows: deleted.numDeletedRows }, '该工作要点草稿');
    return {
      result: { planId: plan.id },
      audit: [
        {
          action: 'plan.discard',
          entityType: 'plan',
          entityId: plan.id,
          before: { title: plan.title, year: plan.year, version: plan.version, noticeId: plan.notice_id },
        },
      ],
    };
  });
}
