import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

// Writes of draft review: editing items of a draft plan and discarding a draft.

/** Bumps a draft plan's version if it is still a draft at the expected version; returns rows updated. */
export async function bumpDraftVersion(
  db: Kysely<DB>,
  planId: number,
  version: number,
  updatedAt: string,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('plans')
    .set({ version: version + 1, updated_at: updatedAt })
    .where('id', '=', planId)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** One item of a plan, or undefined. */
export async function findPlanItem(db: Kysely<DB>, planId: number, itemId: number) {
  return db
    .selectFrom('items')
    .select(['id', 'title', 'weight'])
    .where('id', '=', itemId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
}

/** Sets an item's title and weight. */
export async function updateItemFields(
  db: Kysely<DB>,
  itemId: number,
  fields: { title: string; weight: number },
): Promise<void> {
  await db.updateTable('items').set(fields).where('id', '=', itemId).execute();
}

/** The leader ids of an item in order. */
export async function listLeaderIdsOfItem(db: Kysely<DB>, itemId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('item_leaders')
    .select('leader_id')
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.leader_id);
}

/** Removes an item's leaders (before inserting the new list). */
export async function deleteItemLeaders(db: Kysely<DB>, itemId: number): Promise<void> {
  await db.deleteFrom('item_leaders').where('item_id', '=', itemId).execute();
}

/** An item's units in order with their lead flags. */
export async function listUnitsOfItem(
  db: Kysely<DB>,
  itemId: number,
): Promise<Array<{ unitId: number; isLead: boolean }>> {
  const rows = await db
    .selectFrom('item_units')
    .select(['unit_id', 'is_lead'])
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, isLead: Number(r.is_lead) === 1 }));
}

/** Removes an item's units (before inserting the new list). */
export async function deleteItemUnits(db: Kysely<DB>, itemId: number): Promise<void> {
  await db.deleteFrom('item_units').where('item_id', '=', itemId).execute();
}

/** The parsed indicators of one item: id and due date. */
export async function listIndicatorDueDatesOfItem(
  db: Kysely<DB>,
  itemId: number,
): Promise<Array<{ id: number; dueOn: string | null }>> {
  const rows = await db
    .selectFrom('item_indicators')
    .select(['id', 'due_on'])
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ id: r.id, dueOn: r.due_on }));
}

/** Sets one parsed indicator's due date. */
export async function updateItemIndicatorDue(
  db: Kysely<DB>,
  itemId: number,
  indicatorId: number,
  dueOn: string | null,
): Promise<void> {
  await db
    .updateTable('item_indicators')
    .set({ due_on: dueOn })
    .where('id', '=', indicatorId)
    .where('item_id', '=', itemId)
    .execute();
}

/** Deletes a draft plan (its sections, items and their rows go with it); returns rows deleted. */
export async function deleteDraftPlan(
  db: Kysely<DB>,
  planId: number,
  version: number,
): Promise<{ numDeletedRows: bigint }> {
  // Items and sections first: SQLite cascades only with foreign keys on, PostgreSQL always; be explicit.
  await db.deleteFrom('items').where('plan_id', '=', planId).execute();
  await db.deleteFrom('sections').where('plan_id', '=', planId).execute();
  return db
    .deleteFrom('plans')
    .where('id', '=', planId)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}
