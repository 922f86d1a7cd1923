import type { Kysely } from 'kysely';
import { findUserById, type UserRow } from '../../db/queries/users.ts';
import type { DB } from '../../db/schema.ts';
import type { Context, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { accountMessages as m } from './messages.ts';
import { requireAdmin } from './permissions.ts';

/**
 * The user an administrator is about to change; a user of another organization is NOT_FOUND,
 * so administrators cannot even learn which ids exist elsewhere.
 */
export async function findManagedUser(ctx: Context, trx: Tx | Kysely<DB>, userId: number): Promise<UserRow> {
  requireAdmin(ctx.actor);
  const user = await findUserById(trx, userId);
  if (!user || user.organization_id !== ctx.actor.organizationId)
    throw new AppError('NOT_FOUND', m.userNotFound);
  return user;
}
