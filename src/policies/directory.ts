import type { Actor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { policyMessages as M } from './messages.ts';
import { type AbilityRule, isSupervisor, isSystemAdmin } from './roles.ts';

// The directory (units, aliases, leaders): the system administrator keeps it, and supervisors add to
// it when they import a notice naming new units. Everyone of the organization reads it.

/** Whether an actor may change the directory. */
export function mayEditDirectory(actor: Actor): boolean {
  return isSystemAdmin(actor) || isSupervisor(actor);
}

/** Throws FORBIDDEN unless the actor may change the directory. */
export function requireDirectoryEditor(actor: Actor): void {
  if (!mayEditDirectory(actor)) throw new AppError('FORBIDDEN', M.notDirectoryEditor);
}

/** The abilities of the directory. */
export const directoryAbilities = {
  'directory.edit': mayEditDirectory,
} satisfies Record<string, AbilityRule>;
