import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** A notification as the web app lists it. */
export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Stores in-app notifications (several at once); returns nothing. */
export async function insertNotifications(
  db: Kysely<DB>,
  rows: ReadonlyArray<{
    organizationId: number;
    userId: number;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    createdAt: string;
  }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        organization_id: r.organizationId,
        user_id: r.userId,
        kind: r.kind,
        title: r.title,
        body: r.body,
        link: r.link,
        created_at: r.createdAt,
        read_at: null,
      })),
    )
    .execute();
}

/** One user's notifications, newest first, optionally only the unread ones. */
export async function listUserNotifications(
  db: Kysely<DB>,
  userId: number,
  options: { unreadOnly: boolean; limit: number; offset: number },
): Promise<{ rows: NotificationRow[]; total: number }> {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (options.unreadOnly) base = base.where('read_at', 'is', null);
  const [rows, count] = await Promise.all([
    base
      .select(['id', 'kind', 'title', 'body', 'link', 'created_at as createdAt', 'read_at as readAt'])
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // PostgreSQL returns count(*) as a string.
  return { rows, total: Number(count.n) };
}

/** How many unread notifications a user has. */
export async function countUnreadNotifications(db: Kysely<DB>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one of the user's notifications read; answers whether it exists (and is theirs). */
export async function markNotificationRead(
  db: Kysely<DB>,
  userId: number,
  id: number,
  at: string,
): Promise<boolean> {
  const mine = await db
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!mine) return false;
  if (mine.read_at === null) {
    await db.updateTable('notifications').set({ read_at: at }).where('id', '=', id).execute();
  }
  return true;
}

/** Marks all of a user's unread notifications read; answers how many. */
export async function markAllNotificationsRead(db: Kysely<DB>, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
