import type { Kysely, Selectable } from 'kysely';
import type { DB, OrganizationTable } from '../schema.ts';

/** An organization (bureau) row. */
export type Organization = Selectable<OrganizationTable>;

/** The organization with the lowest id: the one a single-bureau deployment runs as. */
export async function findFirstOrganization(db: Kysely<DB>): Promise<Organization | undefined> {
  return db.selectFrom('organizations').selectAll().orderBy('id').limit(1).executeTakeFirst();
}

/** One organization by id. */
export async function findOrganization(db: Kysely<DB>, id: number): Promise<Organization | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an organization and returns its id. */
export async function insertOrganization(
  db: Kysely<DB>,
  values: { name: string; parentId?: number | null; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('organizations')
    .values({ name: values.name, parent_id: values.parentId ?? null, created_at: values.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Renames an organization only while it still has the expected name; returns whether it did. */
export async function renameOrganization(
  db: Kysely<DB>,
  id: number,
  from: string,
  to: string,
): Promise<boolean> {
  const result = await db
    .updateTable('organizations')
    .set({ name: to })
    .where('id', '=', id)
    .where('name', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
