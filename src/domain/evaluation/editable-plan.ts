import { findLock, holdPlanForEvaluation } from '../../db/queries/evaluations.ts';
import { findVisiblePlan, type PlanRow } from '../../db/queries/plans.ts';
import { mayEditEvaluation } from '../../policies/evaluation.ts';
import type { Tx } from '../context.ts';
import { type Context, shanghaiDate } from '../context.ts';
import { AppError } from '../errors.ts';
import { evaluationMessages as M } from './messages.ts';

/**
 * The plan whose evaluation a supervisor is about to change, read inside the write's transaction:
 * its own organization's, published, and not yet locked (a locked evaluation never changes).
 */
export async function requireEditablePlan(ctx: Context, trx: Tx, planId: number): Promise<PlanRow> {
  const plan = await findVisiblePlan(trx, ctx.actor, planId);
  if (!plan) throw new AppError('NOT_FOUND', M.planNotFound, { planId });
  await holdPlanForEvaluation(trx, ctx.dialect, plan.id);
  if (!mayEditEvaluation(ctx.actor, { organizationId: plan.organization_id }))
    throw new AppError('FORBIDDEN', M.supervisorOnly);
  if (plan.status === 'draft') throw new AppError('CONFLICT', M.planNotPublished);
  const lock = await findLock(trx, plan.id);
  if (lock) throw new AppError('CONFLICT', M.locked(shanghaiMinute(lock.lockedAt)));
  return plan;
}

/** A UTC instant as Asia/Shanghai 'YYYY-MM-DD HH:mm'. */
export function shanghaiMinute(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${shanghaiDate(new Date(iso))} ${shifted.slice(11, 16)}`;
}
