import type { FindingLinkTarget } from '../db/queries/findings.ts';
import type { Actor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { findingMessages as M } from '../domain/findings/messages.ts';
import type { FindingActions, FindingStatus } from '../shared/findings.ts';
import { type AbilityRule, actingUnit, isSupervisor, isUnitUser, readsWholeOrganization } from './roles.ts';

// Findings to rectify (问题整改) and monthly inspections (月度检查). A supervisor records findings for
// any unit of their own organization and verifies or assigns them; a department or school records
// and inspects only its own work: a finding or inspection may name only an item (or plan) where its
// unit leads or co-owns a task. Anything of another organization does not exist (404), whoever asks.

/** The abilities of findings and inspections. */
export const findingAbilities = {
  'findings.manage': isSupervisor,
  'findings.record': (actor) => isSupervisor(actor) || isUnitUser(actor),
  'inspections.file': isUnitUser,
  'inspections.overview': readsWholeOrganization,
} satisfies Record<string, AbilityRule>;

/** Whether the actor supervises findings (督办人员) of their organization. */
export const isFindingSupervisor = (actor: Actor): boolean => isSupervisor(actor);

/** What a finding needs to decide what the actor may do with it. */
export interface FindingFacts {
  organizationId: number;
  status: FindingStatus;
  unitId: number;
  unitKind: 'department' | 'school';
}

/** The actions open to the actor on a finding now (none on another organization's). */
export function findingActions(actor: Actor, finding: FindingFacts): FindingActions {
  const ours = actor.organizationId === finding.organizationId;
  const owner = ours && actingUnit(actor) === finding.unitId;
  const supervisor = ours && isFindingSupervisor(actor);
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

/** Throws FORBIDDEN unless the actor's unit must rectify the finding (回复整改). */
export function requireFindingOwner(actor: Actor, finding: FindingFacts): void {
  if (!findingActions(actor, { ...finding, status: 'open' }).rectify)
    throw new AppError('FORBIDDEN', M.notOwner);
}

/** Throws FORBIDDEN unless the actor is the school that must rectify the finding (上报教体局). */
export function requireFindingEscalator(actor: Actor, finding: FindingFacts): void {
  if (!findingActions(actor, { ...finding, status: 'open' }).escalate)
    throw new AppError('FORBIDDEN', M.notSchool);
}

/** Throws FORBIDDEN unless the actor may record a finding for the unit: a supervisor, or the unit itself. */
export function requireFindingRecorder(actor: Actor, unitId: number): void {
  if (!isFindingSupervisor(actor) && actingUnit(actor) !== unitId)
    throw new AppError('FORBIDDEN', M.notRecorder);
}

/** Throws FORBIDDEN unless the actor files inspections for a unit; returns the unit. */
export function requireInspector(actor: Actor): number {
  const unitId = actingUnit(actor);
  if (unitId === null) throw new AppError('FORBIDDEN', M.notInspector);
  return unitId;
}

/**
 * Throws unless the actor may link a finding or inspection to the item (or plan): NOT_FOUND when
 * it is missing or another organization's; FORBIDDEN when a department or school does not own a
 * task of it (a supervisor of the organization may link any of its items).
 */
export function requireLinkable(
  actor: Actor,
  target: FindingLinkTarget | undefined,
  field: 'itemId' | 'planId',
): FindingLinkTarget {
  if (!target || target.organizationId !== actor.organizationId) {
    throw new AppError('NOT_FOUND', field === 'itemId' ? M.itemNotFound : M.planNotFound, { field });
  }
  if (!isFindingSupervisor(actor) && !(isUnitUser(actor) && target.unitOwns)) {
    throw new AppError('FORBIDDEN', field === 'itemId' ? M.itemNotOwned : M.planNotOwned, { field });
  }
  return target;
}
