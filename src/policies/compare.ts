import type { Actor } from '../domain/context.ts';
import { seesAllScores } from './dashboard.ts';
import { type AbilityRule, isSupervisor, supervises } from './roles.ts';

// Comparing plans across years (年度对比): those who read every unit's figures compare; supervisors
// of the plan's organization link the previous plan and carry tasks over.

/** The abilities of plan comparison. */
export const compareAbilities = {
  'compare.use': seesAllScores,
  'compare.carryOver': isSupervisor,
} satisfies Record<string, AbilityRule>;

/** Whether the actor links plans and carries tasks over on this plan. */
export function mayCarryOver(actor: Actor, plan: { organizationId: number }): boolean {
  return supervises(actor, plan.organizationId);
}
