import type { FindingActions, FindingStatus } from '../../shared/findings.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { findingMessages as M } from './messages.ts';

/** Whether the actor supervises findings (督办人员). */
export function isFindingSupervisor(actor: Actor): boolean {
  return actor.roles.includes('supervisor');
}

/** The unit a department or school user acts for, or null. */
export function actingUnit(actor: Actor): number | null {
  if (actor.unitId === null) return null;
  return actor.roles.some((r) => r === 'department' || r === 'school') ? actor.unitId : null;
}

/** What a finding needs to decide what the actor may do with it. */
export interface FindingFacts {
  status: FindingStatus;
  unitId: number;
  unitKind: 'department' | 'school';
}

/** The actions open to the actor on a finding now. */
export function findingActions(actor: Actor, finding: FindingFacts): FindingActions {
  const owner = actingUnit(actor) === finding.unitId;
  const supervisor = isFindingSupervisor(actor);
  return {
    rectify: owner && finding.status === 'open',
    escalate: owner && finding.unitKind === 'school' && finding.status === 'open',
    verify: supervisor && finding.status === 'rectified',
    assign: supervisor && finding.status === 'escalated',
  };
}

/** Throws FORBIDDEN unless the actor supervises findings. */
export function requireFindingSupervisor(actor: Actor): void {
  if (!isFindingSupervisor(actor)) throw new AppError('FORBIDDEN', M.notSupervisor);
}
