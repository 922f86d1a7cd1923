import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, ItemIndicatorTable, ItemTable, SectionTable } from '../schema.ts';
import { idsInRowOrder, insertInChunks, insertReturningInChunks } from './batch.ts';

/** A section row. */
export type SectionRow = Selectable<SectionTable>;
/** An item row. */
export type ItemRow = Selectable<ItemTable>;
/** A draft item's parsed indicator row. */
export type ItemIndicatorRow = Selectable<ItemIndicatorTable>;

/** A leader named by an item, in the notice's order. */
export interface ItemLeaderRow {
  itemId: number;
  leaderId: number;
  name: string;
  position: number;
}

/** A unit named by an item, in the notice's order, with its lead flag. */
export interface ItemUnitRow {
  itemId: number;
  unitId: number;
  name: string;
  kind: 'department' | 'school';
  isLead: boolean;
  position: number;
}

/** Deletes a plan's sections and items (and with them their leaders, units and indicators). */
export async function deletePlanStructure(db: Kysely<DB>, planId: number): Promise<void> {
  await db.deleteFrom('items').where('plan_id', '=', planId).execute();
  await db.deleteFrom('sections').where('plan_id', '=', planId).execute();
}

/** Inserts sections and returns their ids in the order of `rows`. */
export async function insertSections(
  db: Kysely<DB>,
  rows: ReadonlyArray<Insertable<SectionTable>>,
): Promise<number[]> {
  return insertReturningInChunks(rows, async (part) =>
    idsInRowOrder(await db.insertInto('sections').values(part).returning('id').execute()),
  );
}

/** Inserts items and returns their ids in the order of `rows`. */
export async function insertItems(
  db: Kysely<DB>,
  rows: ReadonlyArray<Insertable<ItemTable>>,
): Promise<number[]> {
  return insertReturningInChunks(rows, async (part) =>
    idsInRowOrder(await db.insertInto('items').values(part).returning('id').execute()),
  );
}

/** Links leaders to an item in the given order. */
export async function insertItemLeaders(db: Kysely<DB>, itemId: number, leaderIds: number[]): Promise<void> {
  await insertItemLeaderRows(
    db,
    leaderIds.map((leaderId, position) => ({ item_id: itemId, leader_id: leaderId, position })),
  );
}

/** Links leaders to items: rows of (item, leader, position), any number of them. */
export async function insertItemLeaderRows(
  db: Kysely<DB>,
  rows: ReadonlyArray<{ item_id: number; leader_id: number; position: number }>,
): Promise<void> {
  await insertInChunks(rows, (part) => db.insertInto('item_leaders').values(part).execute());
}

/** Links units to an item in the given order with their lead flags. */
export async function insertItemUnits(
  db: Kysely<DB>,
  itemId: number,
  units: Array<{ unitId: number; isLead: boolean }>,
): Promise<void> {
  await insertItemUnitRows(
    db,
    units.map((unit, position) => ({ itemId, unitId: unit.unitId, isLead: unit.isLead, position })),
  );
}

/** Links units to items: rows of (item, unit, lead flag, position), any number of them. */
export async function insertItemUnitRows(
  db: Kysely<DB>,
  rows: ReadonlyArray<{ itemId: number; unitId: number; isLead: boolean; position: number }>,
): Promise<void> {
  await insertInChunks(
    rows.map((r) => ({
      item_id: r.itemId,
      unit_id: r.unitId,
      is_lead: r.isLead ? 1 : 0,
      position: r.position,
    })),
    (part) => db.insertInto('item_units').values(part).execute(),
  );
}

/** Stores draft items' parsed indicators, any number of them. */
export async function insertItemIndicators(
  db: Kysely<DB>,
  rows: ReadonlyArray<Insertable<ItemIndicatorTable>>,
): Promise<void> {
  await insertInChunks(rows, (part) => db.insertInto('item_indicators').values(part).execute());
}

/** A plan's sections in order. */
export async function listSections(db: Kysely<DB>, planId: number): Promise<SectionRow[]> {
  return db
    .selectFrom('sections')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('no')
    .orderBy('id')
    .execute();
}

/** A plan's items in notice order. */
export async function listItems(db: Kysely<DB>, planId: number): Promise<ItemRow[]> {
  return db.selectFrom('items').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
}

/** The leaders of every item of a plan. */
export async function listItemLeaders(db: Kysely<DB>, planId: number): Promise<ItemLeaderRow[]> {
  return db
    .selectFrom('item_leaders')
    .innerJoin('items', 'items.id', 'item_leaders.item_id')
    .innerJoin('leaders', 'leaders.id', 'item_leaders.leader_id')
    .select([
      'item_leaders.item_id as itemId',
      'item_leaders.leader_id as leaderId',
      'leaders.name as name',
      'item_leaders.position as position',
    ])
    .where('items.plan_id', '=', planId)
    .orderBy('item_leaders.item_id')
    .orderBy('item_leaders.position')
    .execute();
}

/** The units of every item of a plan. */
export async function listItemUnits(db: Kysely<DB>, planId: number): Promise<ItemUnitRow[]> {
  const rows = await db
    .selectFrom('item_units')
    .innerJoin('items', 'items.id', 'item_units.item_id')
    .innerJoin('units', 'units.id', 'item_units.unit_id')
    .select([
      'item_units.item_id as itemId',
      'item_units.unit_id as unitId',
      'units.name as name',
      'units.kind as kind',
      'item_units.is_lead as isLead',
      'item_units.position as position',
    ])
    .where('items.plan_id', '=', planId)
    .orderBy('item_units.item_id')
    .orderBy('item_units.position')
    .execute();
  return rows.map((row) => ({ ...row, isLead: Number(row.isLead) === 1 }));
}

/** The parsed indicators of every draft item of a plan. */
export async function listItemIndicators(db: Kysely<DB>, planId: number): Promise<ItemIndicatorRow[]> {
  return db
    .selectFrom('item_indicators')
    .innerJoin('items', 'items.id', 'item_indicators.item_id')
    .selectAll('item_indicators')
    .where('items.plan_id', '=', planId)
    .orderBy('item_indicators.item_id')
    .orderBy('item_indicators.position')
    .execute();
}
