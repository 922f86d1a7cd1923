import type { Actor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { seesAllScores } from './dashboard.ts';
import { policyMessages as M } from './messages.ts';
import { type AbilityRule, isSupervisor, isUnitUser, readsWholeOrganization, supervises } from './roles.ts';

// Year-end evaluation (年终考核): supervisors, viewers and leaders read every unit's score, a unit
// its own line; supervisors of the plan's organization edit and lock it. A parent bureau's
// supervisors and viewers read a district's evaluation and change nothing of it.

/** The abilities of the evaluation. */
export const evaluationAbilities = {
  'evaluation.read': (actor) => seesAllScores(actor) || isUnitUser(actor),
  'evaluation.edit': isSupervisor,
} satisfies Record<string, AbilityRule>;

/** Whether the actor reads this plan's evaluation (another organization's: only a parent's readers). */
export function mayReadEvaluation(actor: Actor, plan: { organizationId: number }): boolean {
  if (plan.organizationId !== actor.organizationId) return readsWholeOrganization(actor);
  return evaluationAbilities['evaluation.read'](actor);
}

/** Whether the actor edits this plan's evaluation: a supervisor of its own organization. */
export function mayEditEvaluation(actor: Actor, plan: { organizationId: number }): boolean {
  return supervises(actor, plan.organizationId);
}

/** Throws FORBIDDEN unless the actor edits this plan's evaluation. */
export function requireEvaluationEditor(actor: Actor, plan: { organizationId: number }): void {
  if (!mayEditEvaluation(actor, plan)) throw new AppError('FORBIDDEN', M.supervisorOnly);
}
