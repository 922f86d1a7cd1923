import type { Kysely } from 'kysely';
import { findUserById, listUserRoles } from '../../db/queries/users.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../context.ts';

/** The Actor an enabled user acts as (organization, roles, unit, leader); undefined if missing or disabled. */
export async function loadActor(db: Kysely<DB>, userId: number): Promise<Actor | undefined> {
  const user = await findUserById(db, userId);
  if (user?.disabled !== 0) return undefined;
  return {
    organizationId: user.organization_id,
    userId: user.id,
    label: user.display_name === user.username ? user.username : `${user.display_name}（${user.username}）`,
    roles: await listUserRoles(db, user.id),
    unitId: user.unit_id,
    leaderId: user.leader_id,
  };
}
