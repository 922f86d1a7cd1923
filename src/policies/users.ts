import type { Actor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { policyMessages as M } from './messages.ts';
import { type AbilityRule, everyone, isSecurityAdmin, isSystemAdmin } from './roles.ts';

// Accounts: the system administrator manages users and roles; the security administrator the
// password, session and two-factor policy and unlocks; every user their own API tokens.

/** The abilities of accounts. */
export const userAbilities = {
  'users.manage': isSystemAdmin,
  'security.manage': isSecurityAdmin,
  'tokens.own': everyone,
} satisfies Record<string, AbilityRule>;

/** Whether the actor manages the accounts of this organization (their own). */
export function mayManageUsers(actor: Actor, organizationId: number = actor.organizationId): boolean {
  return actor.organizationId === organizationId && isSystemAdmin(actor);
}

/** Throws FORBIDDEN unless the actor manages accounts. */
export function requireUserManager(actor: Actor, message: string = M.userManagersOnly): void {
  if (!mayManageUsers(actor)) throw new AppError('FORBIDDEN', message);
}

/** Whether the actor sets the security policy and unlocks accounts of their organization. */
export function mayManageSecurity(actor: Actor): boolean {
  return isSecurityAdmin(actor);
}
