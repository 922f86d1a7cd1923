import { findLock } from '../../db/queries/evaluations.ts';
import { findVisiblePlan, type PlanRow } from '../../db/queries/plans.ts';
import { seesAllScores } from '../../policies/dashboard.ts';
import { mayEditEvaluation, mayReadEvaluation } from '../../policies/evaluation.ts';
import type { Evaluation } from '../../shared/evaluations.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { type ComputedEvaluation, computeEvaluation } from './compute-evaluation.ts';
import { evaluationMessages as M } from './messages.ts';
import { readSnapshot } from './read-snapshot.ts';

// Who sees what (src/policies/evaluation.ts): supervisors, leaders and viewers read every unit's score; a department or
// school user reads its own unit's line (score, rank and calculation) and no one else's.

export { seesAllScores };

/** A published plan the actor may read the evaluation of. */
export async function requireEvaluatedPlan(ctx: Context, planId: number): Promise<PlanRow> {
  const plan = await findVisiblePlan(ctx.db, ctx.actor, planId);
  if (!plan) throw new AppError('NOT_FOUND', M.planNotFound, { planId });
  if (plan.status === 'draft') throw new AppError('CONFLICT', M.planNotPublished);
  if (!mayReadEvaluation(ctx.actor, { organizationId: plan.organization_id }))
    throw new AppError('FORBIDDEN', M.notAllowed);
  return plan;
}

/**
 * A plan's year-end evaluation: once locked (发布并锁定) the published snapshot, never recomputed;
 * before that computed live as of today (or the plan year's last day once the year is over).
 */
export async function getEvaluation(ctx: Context, planId: number): Promise<Evaluation> {
  const plan = await requireEvaluatedPlan(ctx, planId);
  const lock = await findLock(ctx.db, plan.id);
  const computed: ComputedEvaluation = lock
    ? readSnapshot(lock.snapshot)
    : await computeEvaluation(ctx.db, plan, shanghaiToday(ctx));
  const evaluation: Evaluation = {
    ...computed,
    locked: lock ? { at: lock.lockedAt, by: lock.lockedByLabel } : null,
    canEdit: !lock && mayEditEvaluation(ctx.actor, { organizationId: plan.organization_id }),
    seesAll: seesAllScores(ctx.actor),
  };
  return evaluation.seesAll ? evaluation : ownLineOnly(evaluation, ctx.actor.unitId);
}

function ownLineOnly(evaluation: Evaluation, unitId: number | null): Evaluation {
  return {
    ...evaluation,
    adjustments: evaluation.adjustments.filter((a) => a.unitId === unitId),
    departments: evaluation.departments.filter((u) => u.unitId === unitId),
    schools: evaluation.schools.filter((u) => u.unitId === unitId),
  };
}
