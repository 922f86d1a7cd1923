import type { Actor } from '../context.ts';

/** Which workbench lists apply to an actor. */
export interface WorkbenchScope {
  /** Bound to a department or school: acknowledge, report, see returned work and own requests. */
  unit: boolean;
  /** A leader (the items naming them), supervisor or admin: decide extension requests. */
  extensions: boolean;
  /** A supervisor or admin: decide completion requests. */
  completions: boolean;
}

/** The workbench lists an actor has, from their roles and what they are bound to. */
export function whatApplies(actor: Actor): WorkbenchScope {
  const supervises = actor.roles.some((role) => role === 'supervisor' || role === 'admin');
  return {
    unit: actor.unitId !== null && actor.roles.some((role) => role === 'department' || role === 'school'),
    extensions: supervises || (actor.leaderId !== null && actor.roles.includes('leader')),
    completions: supervises,
  };
}
