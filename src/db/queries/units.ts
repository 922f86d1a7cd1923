import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { DB, UnitTable } from '../schema.ts';
import { idsInRowOrder, insertReturningInChunks } from './batch.ts';

/** A unit (department or school) row. */
export type UnitRow = Selectable<UnitTable>;

/** An alias with the unit it names. */
export interface UnitAliasRow {
  id: number;
  unitId: number;
  alias: string;
  unitName: string;
}

/** The units of an organization, by kind then name; only active ones unless told otherwise. */
export async function listUnits(
  db: Kysely<DB>,
  organizationId: number,
  options: { kind?: UnitTable['kind']; includeInactive?: boolean } = {},
): Promise<UnitRow[]> {
  let query = db.selectFrom('units').selectAll().where('organization_id', '=', organizationId);
  if (options.kind) query = query.where('kind', '=', options.kind);
  if (!options.includeInactive) query = query.where('active', '=', 1);
  return query.orderBy('kind').orderBy('name').orderBy('id').execute();
}

/** Every alias of an organization's units. */
export async function listUnitAliases(db: Kysely<DB>, organizationId: number): Promise<UnitAliasRow[]> {
  return db
    .selectFrom('unit_aliases')
    .innerJoin('units', 'units.id', 'unit_aliases.unit_id')
    .select([
      'unit_aliases.id as id',
      'unit_aliases.unit_id as unitId',
      'unit_aliases.alias as alias',
      'units.name as unitName',
    ])
    .where('unit_aliases.organization_id', '=', organizationId)
    .orderBy('unit_aliases.alias')
    .execute();
}

/** One unit of an organization by id. */
export async function findUnit(
  db: Kysely<DB>,
  organizationId: number,
  id: number,
): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** One unit of an organization by its exact name. */
export async function findUnitByName(
  db: Kysely<DB>,
  organizationId: number,
  name: string,
): Promise<UnitRow | undefined> {
  return db
    .selectFrom('units')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** The alias row of a name, if the name is an alias in the organization. */
export async function findUnitAlias(
  db: Kysely<DB>,
  organizationId: number,
  alias: string,
): Promise<UnitAliasRow | undefined> {
  return (await listUnitAliases(db, organizationId)).find((row) => row.alias === alias);
}

/** Inserts a unit and returns its id. */
export async function insertUnit(
  db: Kysely<DB>,
  values: {
    organizationId: number;
    kind: UnitTable['kind'];
    name: string;
    schoolKind?: string | null;
    createdAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('units')
    .values({
      organization_id: values.organizationId,
      kind: values.kind,
      name: values.name,
      school_kind: values.schoolKind ?? null,
      active: 1,
      created_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts active units of one organization, created at one time; returns their ids in the order of `units`. */
export async function insertUnits(
  db: Kysely<DB>,
  values: {
    organizationId: number;
    units: ReadonlyArray<{ kind: UnitTable['kind']; name: string }>;
    createdAt: string;
  },
): Promise<number[]> {
  const rows = values.units.map((unit) => ({
    organization_id: values.organizationId,
    kind: unit.kind,
    name: unit.name,
    school_kind: null,
    active: 1,
    created_at: values.createdAt,
  }));
  return insertReturningInChunks(rows, async (part) =>
    idsInRowOrder(await db.insertInto('units').values(part).returning('id').execute()),
  );
}

/** Inserts an alias for a unit and returns its id. */
export async function insertUnitAlias(
  db: Kysely<DB>,
  values: { organizationId: number; unitId: number; alias: string },
): Promise<number> {
  const row = await db
    .insertInto('unit_aliases')
    .values({ organization_id: values.organizationId, unit_id: values.unitId, alias: values.alias })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * How many rows other than draft-item assignments point at a unit (tasks, owners, users, reports,
 * occurrences, reminders, supervision notices, findings): a unit with any of these cannot be merged away.
 */
export async function countUnitWorkReferences(db: Kysely<DB>, unitId: number): Promise<number> {
  const n = (eb: ExpressionBuilder<DB, keyof DB>) => eb.fn.countAll<number | string>().as('n');
  const rows = await Promise.all([
    db.selectFrom('tasks').select(n).where('lead_unit_id', '=', unitId).executeTakeFirstOrThrow(),
    db.selectFrom('task_units').select(n).where('unit_id', '=', unitId).executeTakeFirstOrThrow(),
    db.selectFrom('users').select(n).where('unit_id', '=', unitId).executeTakeFirstOrThrow(),
    db.selectFrom('reports').select(n).where('unit_id', '=', unitId).executeTakeFirstOrThrow(),
    db.selectFrom('occurrences').select(n).where('unit_id', '=', unitId).executeTakeFirstOrThrow(),
    db.selectFrom('reminders').select(n).where('recipient_unit_id', '=', unitId).executeTakeFirstOrThrow(),
    db.selectFrom('supervision_notices').select(n).where('unit_id', '=', unitId).executeTakeFirstOrThrow(),
    db.selectFrom('findings').select(n).where('unit_id', '=', unitId).executeTakeFirstOrThrow(),
  ]);
  // PostgreSQL returns count(*) as a string.
  return rows.reduce((sum, row) => sum + Number(row.n), 0);
}

/** Moves draft-item assignments from one unit to another, dropping ones the target already has. */
export async function moveItemUnits(db: Kysely<DB>, fromUnitId: number, toUnitId: number): Promise<number> {
  await db
    .deleteFrom('item_units')
    .where('unit_id', '=', fromUnitId)
    .where('item_id', 'in', db.selectFrom('item_units').select('item_id').where('unit_id', '=', toUnitId))
    .execute();
  const result = await db
    .updateTable('item_units')
    .set({ unit_id: toUnitId })
    .where('unit_id', '=', fromUnitId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Moves a unit's aliases to another unit. */
export async function moveUnitAliases(db: Kysely<DB>, fromUnitId: number, toUnitId: number): Promise<void> {
  await db.updateTable('unit_aliases').set({ unit_id: toUnitId }).where('unit_id', '=', fromUnitId).execute();
}

/** Deletes a unit (callers first make sure nothing refers to it). */
export async function deleteUnit(db: Kysely<DB>, organizationId: number, id: number): Promise<void> {
  await db.deleteFrom('units').where('id', '=', id).where('organization_id', '=', organizationId).execute();
}

/**
 * Per unit of an organization, how many tasks of published plans it leads or co-owns that are not
 * done yet (fanned-out school tasks count for their school).
 */
export async function countOpenTasksByUnit(
  db: Kysely<DB>,
  organizationId: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select([
      'task_units.unit_id as unitId',
      (eb) => eb.fn.count<number | string>('tasks.id').distinct().as('n'),
    ])
    .where('units.organization_id', '=', organizationId)
    .where('plans.status', '=', 'published')
    .where('tasks.status', '!=', 'done')
    .groupBy('task_units.unit_id')
    .execute();
  // PostgreSQL returns count(*) as a string.
  return new Map(rows.map((row) => [row.unitId, Number(row.n)]));
}

/** Per unit of an organization, how many accounts are bound to it. */
export async function countUsersByUnit(db: Kysely<DB>, organizationId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['unit_id as unitId', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('organization_id', '=', organizationId)
    .where('unit_id', 'is not', null)
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((row) => [Number(row.unitId), Number(row.n)]));
}

/** Changes a unit's name, school kind or active flag. */
export async function updateUnit(
  db: Kysely<DB>,
  organizationId: number,
  id: number,
  changes: { name?: string; schoolKind?: string | null; active?: boolean },
): Promise<void> {
  await db
    .updateTable('units')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.schoolKind !== undefined ? { school_kind: changes.schoolKind } : {}),
      ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
    })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Deletes one alias of a unit; returns whether it existed. */
export async function deleteUnitAlias(
  db: Kysely<DB>,
  organizationId: number,
  unitId: number,
  aliasId: number,
): Promise<boolean> {
  const result = await db
    .deleteFrom('unit_aliases')
    .where('id', '=', aliasId)
    .where('unit_id', '=', unitId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
