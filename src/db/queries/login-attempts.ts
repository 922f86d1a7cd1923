import type { Kysely, Selectable } from 'kysely';
import type { DB, LoginAttemptTable } from '../schema.ts';

/** A login-attempt counter row; since migration 0016 only the hard locks of accounts ('account:<name>'). */
export type LoginAttemptRow = Selectable<LoginAttemptTable>;

/** The counters of some keys. */
export async function findLoginAttempts(db: Kysely<DB>, keys: readonly string[]): Promise<LoginAttemptRow[]> {
  if (keys.length === 0) return [];
  return db
    .selectFrom('login_attempts')
    .selectAll()
    .where('key', 'in', [...keys])
    .execute();
}

/** Writes a counter, inserting or replacing it (both databases support ON CONFLICT). */
export async function saveLoginAttempt(db: Kysely<DB>, row: LoginAttemptRow): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        window_start: row.window_start,
        count: row.count,
        locked_until: row.locked_until,
      }),
    )
    .execute();
}

/** Forgets a counter (a lock lifted by the security administrator). */
export async function deleteLoginAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Account locks still in force at a moment ('account:<name>' rows). */
export async function listActiveAccountLocks(db: Kysely<DB>, now: string): Promise<LoginAttemptRow[]> {
  return db
    .selectFrom('login_attempts')
    .selectAll()
    .where('key', 'like', 'account:%')
    .where('locked_until', '>', now)
    .orderBy('key')
    .execute();
}
