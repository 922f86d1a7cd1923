import type { Kysely, Selectable } from 'kysely';
import type { DB, LeaderTable } from '../schema.ts';
import { idsInRowOrder, insertReturningInChunks } from './batch.ts';

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

/** Inserts leaders of one organization by name; returns their ids in the order of `names`. */
export async function insertLeaders(
  db: Kysely<DB>,
  values: { organizationId: number; names: readonly string[]; createdAt: string },
): Promise<number[]> {
  const rows = values.names.map((name) => ({
    organization_id: values.organizationId,
    name,
    title: null,
    created_at: values.createdAt,
  }));
  return insertReturningInChunks(rows, async (part) =>
    idsInRowOrder(await db.insertInto('leaders').values(part).returning('id').execute()),
  );
}

/** One leader of an organization by id. */
export async function findLeader(
  db: Kysely<DB>,
  organizationId: number,
  id: number,
): Promise<Leader | undefined> {
  return db
    .selectFrom('leaders')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** Changes a leader's name or title. */
export async function updateLeader(
  db: Kysely<DB>,
  organizationId: number,
  id: number,
  changes: { name?: string; title?: string | null },
): Promise<void> {
  await db
    .updateTable('leaders')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
    })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Per leader of an organization, how many items (of any plan) name them and how many accounts are bound to them. */
export async function countLeaderUses(
  db: Kysely<DB>,
  organizationId: number,
): Promise<{ items: Map<number, number>; users: Map<number, number> }> {
  const [items, users] = await Promise.all([
    db
      .selectFrom('item_leaders')
      .innerJoin('leaders', 'leaders.id', 'item_leaders.leader_id')
      .select(['item_leaders.leader_id as leaderId', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('leaders.organization_id', '=', organizationId)
      .groupBy('item_leaders.leader_id')
      .execute(),
    db
      .selectFrom('users')
      .select(['leader_id as leaderId', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('organization_id', '=', organizationId)
      .where('leader_id', 'is not', null)
      .groupBy('leader_id')
      .execute(),
  ]);
  // PostgreSQL returns count(*) as a string.
  return {
    items: new Map(items.map((row) => [row.leaderId, Number(row.n)])),
    users: new Map(users.map((row) => [Number(row.leaderId), Number(row.n)])),
  };
}
