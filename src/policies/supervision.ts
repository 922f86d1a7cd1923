import type { Actor } from '../domain/context.ts';
import { type AbilityRule, actingUnit, isLeader, isSupervisor, isUnitUser, supervises } from './roles.ts';

// Supervision (督办): supervisors issue 督办单, decide on replies and urge; the addressed unit
// replies; supervisors and leaders see the supervision center.

/** The abilities of supervision. */
export const supervisionAbilities = {
  'supervision.overview': (actor) => isSupervisor(actor) || isLeader(actor),
  'supervision.notice': isSupervisor,
  'supervision.reply': isUnitUser,
  'supervision.urge': isSupervisor,
} satisfies Record<string, AbilityRule>;

/** Whether the actor may reply to a notice: a user of the addressed unit, in its organization. */
export function mayReply(actor: Actor, row: { unitId: number; organizationId: number }): boolean {
  return actor.organizationId === row.organizationId && actingUnit(actor) === row.unitId;
}

/** Whether the actor may issue a notice, accept or return replies, or urge: the organization's supervisors. */
export function mayDecide(actor: Actor, row: { organizationId: number }): boolean {
  return supervises(actor, row.organizationId);
}
