import type { Actor } from '../domain/context.ts';
import { type AbilityRule, isBoundLeader, isSupervisor, isUnitUser } from './roles.ts';

// A unit's own work on its tasks (acknowledge, report, log, ask) and deciding on others' work
// (review, extensions, completions). The per-task checks are in tasks.ts (requireOwner, canReview).

/** Which workbench lists apply to an actor. */
export interface WorkbenchScope {
  /** Bound to a department or school: acknowledge, report, see returned work and own requests. */
  unit: boolean;
  /** A leader (the items naming them) or supervisor: decide extension requests. */
  extensions: boolean;
  /** A supervisor: decide completion requests. */
  completions: boolean;
}

/** The workbench lists an actor has, from their roles and what they are bound to. */
export function whatApplies(actor: Actor): WorkbenchScope {
  return {
    unit: isUnitUser(actor),
    extensions: isSupervisor(actor) || isBoundLeader(actor),
    completions: isSupervisor(actor),
  };
}

/** Whether the actor reviews reports of the organization (supervisors; leaders their items'). */
const reviews: AbilityRule = (actor) => isSupervisor(actor) || isBoundLeader(actor);

/** The abilities of work on tasks. */
export const workAbilities = {
  'tasks.acknowledge': isUnitUser,
  'reports.submit': isUnitUser,
  'occurrences.log': isUnitUser,
  'extensions.request': isUnitUser,
  'completions.request': isUnitUser,
  'reports.review': reviews,
  'extensions.decide': (actor) => whatApplies(actor).extensions,
  'completions.decide': (actor) => whatApplies(actor).completions,
} satisfies Record<string, AbilityRule>;
