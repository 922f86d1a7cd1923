import type { Kysely, Selectable } from 'kysely';
import type { ApiTokenTable, DB } from '../schema.ts';

/** An API token row. */
export type ApiTokenRow = Selectable<ApiTokenTable>;

/** Stores a token (hashed) and returns its id. */
export async function insertApiToken(
  db: Kysely<DB>,
  values: { userId: number; name: string; tokenHash: string; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: values.userId,
      name: values.name,
      token_hash: values.tokenHash,
      created_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A live (not revoked) token by its hash. */
export async function findLiveApiToken(db: Kysely<DB>, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** One token by id. */
export async function findApiToken(db: Kysely<DB>, id: number): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A user's tokens, newest first. */
export async function listApiTokens(db: Kysely<DB>, userId: number): Promise<ApiTokenRow[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

/** Records that a token was used. */
export async function touchApiToken(db: Kysely<DB>, id: number, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Marks a token revoked unless it already is; returns whether it changed. */
export async function revokeApiToken(db: Kysely<DB>, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Revokes every live token of a user; returns how many. */
export async function revokeUserApiTokens(db: Kysely<DB>, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
