import type { Kysely, Selectable } from 'kysely';
import type { DB, SessionTable } from '../schema.ts';

/** A session row. */
export type SessionRow = Selectable<SessionTable>;

/** Stores a new session. */
export async function insertSession(db: Kysely<DB>, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** One session by id (the hash of its token), with its user's organization for the session policy. */
export async function findSession(
  db: Kysely<DB>,
  id: string,
): Promise<(SessionRow & { organization_id: number }) | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('sessions')
    .select('users.organization_id')
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

/** Moves a session's expiry forward after activity. */
export async function touchSession(
  db: Kysely<DB>,
  id: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

/** Moves a session to another login step ('full' once complete). */
export async function setSessionStage(db: Kysely<DB>, id: string, stage: string): Promise<void> {
  await db.updateTable('sessions').set({ stage }).where('id', '=', id).execute();
}

/** Deletes one session. */
export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes every session of a user but one (the one making the change, if any). */
export async function deleteUserSessions(db: Kysely<DB>, userId: number, keepId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId !== undefined) query = query.where('id', '!=', keepId);
  await query.execute();
}

/** Deletes sessions that expired before a moment, so the table does not grow forever. */
export async function deleteExpiredSessions(db: Kysely<DB>, before: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', before).execute();
}
