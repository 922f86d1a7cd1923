import type { Kysely, Selectable } from 'kysely';
import type { DB, NoticeTable } from '../schema.ts';

/** A stored notice row. */
export type Notice = Selectable<NoticeTable>;

/** Inserts a notice (the bytes must already be in blobs) and returns its id. */
export async function insertNotice(db: Kysely<DB>, values: Omit<NoticeTable, 'id'>): Promise<number> {
  const row = await db.insertInto('notices').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One notice of an organization. */
export async function findNotice(
  db: Kysely<DB>,
  organizationId: number,
  id: number,
): Promise<Notice | undefined> {
  return db
    .selectFrom('notices')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** How many notices an organization has stored. */
export async function countNotices(db: Kysely<DB>, organizationId: number): Promise<number> {
  const row = await db
    .selectFrom('notices')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
