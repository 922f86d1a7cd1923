import type { Kysely, Selectable } from 'kysely';
import type { DB, LeaderTable } from '../schema.ts';

/** A leader row. */
export type Leader = Selectable<LeaderTable>;

/** Every leader of an organization, by name. */
export async function listLeaders(db: Kysely<DB>, organizationId: number): Promise<Leader[]> {
  return db
    .selectFrom('leaders')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

/** Inserts a leader and returns its id. */
export async function insertLeader(
  db: Kysely<DB>,
  values: { organizationId: number; name: string; title?: string | null; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('leaders')
    .values({
      organization_id: values.organizationId,
      name: values.name,
      title: values.title ?? null,
      created_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
