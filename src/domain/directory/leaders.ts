import { findLeaderByName } from '../../db/queries/accounts-directory.ts';
import {
  countLeaderUses,
  findLeader,
  insertLeader,
  listLeaders,
  updateLeader,
} from '../../db/queries/leaders.ts';
import { requireDirectoryEditor } from '../../policies/directory.ts';
import type { LeaderPatch, LeaderView, NewLeader } from '../../shared/directory.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { type WriteResult, write } from '../write.ts';
import { directoryMessages as m } from './messages.ts';

/** The organization's bureau leaders, with how many items name each and how many accounts are bound to them. */
export async function listDirectoryLeaders(ctx: Context): Promise<LeaderView[]> {
  const organizationId = ctx.actor.organizationId;
  const [leaders, uses] = await Promise.all([
    listLeaders(ctx.db, organizationId),
    countLeaderUses(ctx.db, organizationId),
  ]);
  return leaders.map((leader) => ({
    id: leader.id,
    name: leader.name,
    title: leader.title,
    itemCount: uses.items.get(leader.id) ?? 0,
    userCount: uses.users.get(leader.id) ?? 0,
  }));
}

/** Adds a bureau leader (administrators and supervisors); a name already in the directory is refused. */
export async function addLeader(ctx: Context, input: NewLeader): Promise<{ id: number }> {
  requireDirectoryEditor(ctx.actor);
  const organizationId = ctx.actor.organizationId;
  const name = input.name.trim();
  const title = input.title?.trim() || null;
  return write(ctx, async (trx, at) => {
    if (await findLeaderByName(trx, organizationId, name)) {
      throw new AppError('CONFLICT', m.leaderExists(name), { field: 'name' });
    }
    const id = await insertLeader(trx, { organizationId, name, title, createdAt: at });
    return {
      result: { id },
      audit: [{ action: 'leader.create', entityType: 'leader', entityId: id, after: { name, title } }],
    };
  });
}

/**
 * Renames a leader or changes their title (an empty title clears it); items and accounts keep
 * pointing at the same leader, and the audit keeps the earlier name.
 */
export async function changeLeader(ctx: Context, leaderId: number, patch: LeaderPatch): Promise<void> {
  requireDirectoryEditor(ctx.actor);
  const organizationId = ctx.actor.organizationId;
  await write(ctx, async (trx) => {
    const leader = await findLeader(trx, organizationId, leaderId);
    if (!leader) throw new AppError('NOT_FOUND', m.leaderNotFound);
    const name = patch.name?.trim();
    const title = patch.title === undefined ? undefined : patch.title.trim() || null;
    const changes: { name?: string; title?: string | null } = {};
    if (name !== undefined && name !== leader.name) {
      const other = await findLeaderByName(trx, organizationId, name);
      if (other) throw new AppError('CONFLICT', m.leaderExists(name), { field: 'name' });
      changes.name = name;
    }
    if (title !== undefined && title !== leader.title) changes.title = title;
    const audit: WriteResult<void>['audit'] = [];
    if (Object.keys(changes).length > 0) {
      await updateLeader(trx, organizationId, leader.id, changes);
      audit.push({
        action: 'leader.update',
        entityType: 'leader',
        entityId: leader.id,
        before: { name: leader.name, title: leader.title },
        after: {
          name: changes.name ?? leader.name,
          title: changes.title === undefined ? leader.title : changes.title,
        },
      });
    }
    return { result: undefined, audit };
  });
}
