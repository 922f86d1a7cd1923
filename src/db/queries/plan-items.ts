import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB, ItemIndicatorTable, ItemTable, SectionTable } from '../schema.ts';

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

/** Inserts a section and returns its id. */
export async function insertSection(db: Kysely<DB>, values: Insertable<SectionTable>): Promise<number> {
  const row = await db.insertInto('sections').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts an item and returns its id. */
export async function insertItem(db: Kysely<DB>, values: Insertable<ItemTable>): Promise<number> {
  const row = await db.insertInto('items').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Links leaders to an item in the given order. */
export async function insertItemLeaders(db: Kysely<DB>, itemId: number, leaderIds: number[]): Promise<void> {
  if (leaderIds.length === 0) return;
  await db
    .insertInto('item_leaders')
    .values(leaderIds.map((leaderId, position) => ({ item_id: itemId, leader_id: leaderId, position })))
    .execute();
}

/** Links units to an item in the given order with their lead flags. */
export async function insertItemUnits(
  db: Kysely<DB>,
  itemId: number,
  units: Array<{ unitId: number; isLead: boolean }>,
): Promise<void> {
  if (units.length === 0) return;
  await db
    .insertInto('item_units')
    .values(
      units.map((unit, position) => ({
        item_id: itemId,
        unit_id: unit.unitId,
        is_lead: unit.isLead ? 1 : 0,
        position,
      })),
    )
    .execute();
}

/** Stores a draft item's parsed indicators. */
export async function insertItemIndicators(
  db: Kysely<DB>,
  rows: Array<Insertable<ItemIndicatorTable>>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('item_indicators').values(rows).execute();
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
