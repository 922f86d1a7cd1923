import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB } from '../schema.ts';
import { taskVisibleTo } from './visibility.ts';

/** A user's live (not revoked) feed token, if any. */
export async function findLiveIcalToken(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('ical_tokens')
    .select(['id', 'created_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Revokes every live feed token of a user; returns how many were live. */
export async function revokeIcalTokens(db: Kysely<DB>, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('ical_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Stores a feed token (hashed) and returns its id. */
export async function insertIcalToken(
  db: Kysely<DB>,
  values: { userId: number; tokenHash: string; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('ical_tokens')
    .values({ user_id: values.userId, token_hash: values.tokenHash, created_at: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The enabled user a live feed token belongs to. */
export async function findIcalTokenUser(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('ical_tokens')
    .innerJoin('users', 'users.id', 'ical_tokens.user_id')
    .select(['users.id as userId', 'users.display_name as displayName'])
    .where('ical_tokens.token_hash', '=', tokenHash)
    .where('ical_tokens.revoked_at', 'is', null)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

/** The open tasks of published plans the actor may see, with their item, for the feed. */
export async function listFeedTasks(db: Kysely<DB>, actor: Actor) {
  const rows = await db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .innerJoin('items', 'items.id', 'tasks.item_id')
    .leftJoin('units', 'units.id', 'tasks.lead_unit_id')
    .select([
      'tasks.id as id',
      'tasks.title as title',
      'tasks.start_on as startOn',
      'tasks.due_on as dueOn',
      'tasks.status as status',
      'plans.year as year',
      'items.no as itemNo',
      'items.title as itemTitle',
      'units.name as leadUnit',
    ])
    .where('plans.status', '=', 'published')
    .where('tasks.status', '!=', 'done')
    .where(taskVisibleTo(actor))
    .orderBy('tasks.due_on')
    .orderBy('tasks.id')
    .execute();
  return rows.map((r) => ({ ...r, year: Number(r.year), itemNo: Number(r.itemNo) }));
}
