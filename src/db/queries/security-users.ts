import type { Kysely } from 'kysely';
import type { SecurityUser } from '../../shared/security.ts';
import type { DB } from '../schema.ts';

/** The users of an organization with roles, second factor and password age; no business data. */
export async function listSecurityUsers(db: Kysely<DB>, organizationId: number): Promise<SecurityUser[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'disabled', 'totp_secret', 'password_changed_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('username')
    .execute();
  const roles = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['user_roles.user_id', 'user_roles.role'])
    .where('users.organization_id', '=', organizationId)
    .orderBy('user_roles.role')
    .execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role),
    disabled: u.disabled === 1,
    twoFactor: u.totp_secret !== null,
    passwordChangedAt: u.password_changed_at,
  }));
}
