// The abilities of GET /api/me and the checks by ability: a thin index over src/policies, where each
// resource says who may do what (src/policies/index.ts describes the pattern).
import { isSystemAdmin } from '../../policies/roles.ts';
import type { Ability } from '../../shared/abilities.ts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { accountMessages as m } from './messages.ts';

export { can, permissionsFor, RULES, requirePermission } from '../../policies/index.ts';

/** Something a user may do; sent to the client so the web app shows only what works. */
export type Permission = Ability;

/** Throws FORBIDDEN unless the actor is the system administrator (accounts, jobs, channels). */
export function requireAdmin(actor: Actor): void {
  if (!isSystemAdmin(actor)) throw new AppError('FORBIDDEN', m.adminOnly);
}
