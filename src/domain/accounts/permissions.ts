import type { Actor, Role } from '../context.ts';
import { AppError } from '../errors.ts';
import { accountMessages as m } from './messages.ts';

/** Something a user may do; sent to the client so the web app shows only what works. */
export type Permission =
  | 'users.manage'
  | 'audit.read'
  | 'plans.read'
  | 'plans.import'
  | 'plans.publish'
  | 'tasks.read'
  | 'tasks.acknowledge'
  | 'reports.submit'
  | 'reports.review'
  | 'occurrences.log'
  | 'tokens.own';

const BY_ROLE: Record<Role, readonly Permission[]> = {
  admin: ['users.manage', 'audit.read', 'plans.read', 'tasks.read'],
  supervisor: ['audit.read', 'plans.read', 'plans.import', 'plans.publish', 'tasks.read', 'reports.review'],
  leader: ['plans.read', 'tasks.read', 'reports.review'],
  department: ['plans.read', 'tasks.read', 'tasks.acknowledge', 'reports.submit', 'occurrences.log'],
  school: ['plans.read', 'tasks.read', 'tasks.acknowledge', 'reports.submit', 'occurrences.log'],
  viewer: ['plans.read', 'tasks.read'],
};

/** The permissions a set of roles grants, sorted. */
export function permissionsFor(roles: readonly Role[]): Permission[] {
  const all = new Set<Permission>(['tokens.own']);
  for (const role of roles) for (const p of BY_ROLE[role]) all.add(p);
  return [...all].sort();
}

/** Whether an actor holds a permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return permissionsFor(actor.roles).includes(permission);
}

/** Throws FORBIDDEN unless the actor is an administrator. */
export function requireAdmin(actor: Actor): void {
  if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', m.adminOnly);
}

/** Throws FORBIDDEN unless the actor holds a permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', m.notPermitted);
}
