import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../domain/context.ts';
import { SYSTEM_ADMIN_ROLE } from '../../policies/roles.ts';
import type { DB, UserTable } from '../schema.ts';

/** A user row. */
export type UserRow = Selectable<UserTable>;

/** A user as listed to administrators: no password hash, with roles and unit/leader names. */
export interface UserSummary {
  id: number;
  organizationId: number;
  username: string;
  displayName: string;
  unitId: number | null;
  unitName: string | null;
  leaderId: number | null;
  leaderName: string | null;
  email: string | null;
  disabled: boolean;
  roles: Role[];
  createdAt: string;
}

/** One user by username (usernames are unique across organizations). */
export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** One user by id. */
export async function findUserById(db: Kysely<DB>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The roles a user holds, in a stable order. */
export async function listUserRoles(db: Kysely<DB>, userId: number): Promise<Role[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

/** Whether any user exists at all (the first-administrator setup is open only while none does). */
export async function anyUserExists(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** How many enabled users of an organization hold the admin role. */
export async function countActiveAdmins(db: Kysely<DB>, organizationId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('users.organization_id', '=', organizationId)
    .where('users.disabled', '=', 0)
    .where('user_roles.role', '=', SYSTEM_ADMIN_ROLE)
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a string.
  return Number(row.n);
}

/** The users of an organization with their roles and unit and leader names, by username. */
export async function listUserSummaries(
  db: Kysely<DB>,
  organizationId: number,
  userId?: number,
): Promise<UserSummary[]> {
  let query = db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('leaders', 'leaders.id', 'users.leader_id')
    .select([
      'users.id as id',
      'users.organization_id as organizationId',
      'users.username as username',
      'users.display_name as displayName',
      'users.unit_id as unitId',
      'units.name as unitName',
      'users.leader_id as leaderId',
      'leaders.name as leaderName',
      'users.email as email',
      'users.disabled as disabled',
      'users.created_at as createdAt',
    ])
    .where('users.organization_id', '=', organizationId);
  if (userId !== undefined) query = query.where('users.id', '=', userId);
  const rows = await query.orderBy('users.username').execute();
  const ids = rows.map((r) => r.id);
  const roles =
    ids.length === 0
      ? []
      : await db.selectFrom('user_roles').selectAll().where('user_id', 'in', ids).orderBy('role').execute();
  return rows.map((row) => ({
    ...row,
    disabled: row.disabled === 1,
    roles: roles.filter((r) => r.user_id === row.id).map((r) => r.role),
  }));
}

/** Inserts a user with its roles and returns its id. */
export async function insertUser(
  db: Kysely<DB>,
  values: {
    organizationId: number;
    username: string;
    displayName: string;
    passwordHash: string | null;
    unitId: number | null;
    leaderId: number | null;
    email?: string | null;
    roles: readonly Role[];
    createdAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      organization_id: values.organizationId,
      username: values.username,
      display_name: values.displayName,
      password_hash: values.passwordHash,
      unit_id: values.unitId,
      leader_id: values.leaderId,
      email: values.email ?? null,
      disabled: 0,
      created_at: values.createdAt,
      password_changed_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceUserRoles(db, row.id, values.roles);
  return row.id;
}

/** Replaces a user's roles with the given set. */
export async function replaceUserRoles(
  db: Kysely<DB>,
  userId: number,
  roles: readonly Role[],
): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('user_roles')
    .values([...new Set(roles)].map((role) => ({ user_id: userId, role })))
    .execute();
}

/** Changes some of a user's columns if its version still matches, bumping the version. */
export async function updateUser(
  db: Kysely<DB>,
  id: number,
  version: number,
  changes: {
    passwordHash?: string;
    /** When passwordHash was set (for the password change interval). */
    passwordChangedAt?: string;
    disabled?: boolean;
    displayName?: string;
    unitId?: number | null;
    leaderId?: number | null;
    email?: string | null;
  },
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('users')
    .set({
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      ...(changes.passwordChangedAt !== undefined ? { password_changed_at: changes.passwordChangedAt } : {}),
      ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.unitId !== undefined ? { unit_id: changes.unitId } : {}),
      ...(changes.leaderId !== undefined ? { leader_id: changes.leaderId } : {}),
      ...(changes.email !== undefined ? { email: changes.email } : {}),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
}
