import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { directoryMessages as m } from './messages.ts';

/** Whether an actor may change the directory: administrators and supervisors (who import notices). */
export function mayEditDirectory(actor: Actor): boolean {
  return actor.roles.includes('admin') || actor.roles.includes('supervisor');
}

/** Throws FORBIDDEN unless the actor may change the directory. */
export function requireDirectoryEditor(actor: Actor): void {
  if (!mayEditDirectory(actor)) throw new AppError('FORBIDDEN', m.notDirectoryEditor);
}
