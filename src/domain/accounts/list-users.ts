import { listUserSummaries, type UserSummary } from '../../db/queries/users.ts';
import type { Context } from '../context.ts';
import { requireAdmin } from './permissions.ts';

/** The accounts of the administrator's organization. */
export async function listUsers(ctx: Context): Promise<UserSummary[]> {
  requireAdmin(ctx.actor);
  return listUserSummaries(ctx.db, ctx.actor.organizationId);
}
