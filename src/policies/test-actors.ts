import type { Actor, Role } from '../domain/context.ts';

// Actors for the policies' unit tests: one role each, of organization 1 (a city bureau) unless told.

/** The bureau the actors belong to, and a district under it. */
export const OWN = 1;
export const CHILD = 2;

/** A user holding these roles, bound to unit 5 and leader row 3 where a role needs it. */
export function actorOf(roles: Role[], organizationId = OWN): Actor {
  return {
    organizationId,
    userId: 1,
    label: roles.join('+'),
    roles,
    unitId: roles.includes('department') || roles.includes('school') ? 5 : null,
    leaderId: roles.includes('leader') ? 3 : null,
  };
}
