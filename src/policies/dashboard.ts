import type { Actor } from '../domain/context.ts';
import { type AbilityRule, isLeader, readsWholeOrganization } from './roles.ts';

// The dashboard and every-unit figures: supervisors, viewers and leaders (evaluation/get-evaluation
// reads the same rule, so a unit's figures are never shown to one who may not see every unit's).

/** Whether the actor reads every unit's figures (dashboard, evaluation, comparison). */
export function seesAllScores(actor: Actor): boolean {
  return readsWholeOrganization(actor) || isLeader(actor);
}

/** The abilities of the dashboard. */
export const dashboardAbilities = {
  'dashboard.read': seesAllScores,
} satisfies Record<string, AbilityRule>;
