import type { Kysely, Selectable } from 'kysely';
import type { DB, LoginAttemptTable } from '../schema.ts';

/** A login-attempt counter row. */
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

/** Forgets a counter (after a successful login). */
export async function deleteLoginAttempt(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}

/** Appends an audit entry that may have no organization (a failed login for an unknown name). */
export async function recordLoginAudit(
  db: Kysely<DB>,
  entry: {
    organizationId: number | null;
    userId: number | null;
    label: string;
    action: string;
    after: unknown;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      organization_id: entry.organizationId,
      actor_user_id: entry.userId,
      actor_label: entry.label,
      action: entry.action,
      entity_type: 'user',
      entity_id: entry.userId,
      before: null,
      after: JSON.stringify(entry.after),
      created_at: entry.at,
    })
    .execute();
}
