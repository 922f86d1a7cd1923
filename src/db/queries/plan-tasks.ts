import type { Insertable, Kysely } from 'kysely';
import type { DB, IndicatorSlotTable, IndicatorTable, TaskTable } from '../schema.ts';
import { idsInRowOrder, insertInChunks, insertReturningInChunks } from './batch.ts';

/** Inserts a task and returns its id. */
export async function insertTask(db: Kysely<DB>, values: Insertable<TaskTable>): Promise<number> {
  const row = await db.insertInto('tasks').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a new task's lead and co-owners. */
export async function insertTaskUnits(
  db: Kysely<DB>,
  taskId: number,
  leadUnitId: number | null,
  coUnitIds: readonly number[],
): Promise<void> {
  const rows = [
    ...(leadUnitId === null ? [] : [{ task_id: taskId, unit_id: leadUnitId, role: 'lead' as const }]),
    ...coUnitIds.map((unitId) => ({ task_id: taskId, unit_id: unitId, role: 'co' as const })),
  ];
  await insertTaskUnitRows(db, rows);
}

/** Inserts tasks (every row with the same columns) and returns their ids in the order of `rows`. */
export async function insertTasks(
  db: Kysely<DB>,
  rows: ReadonlyArray<Insertable<TaskTable>>,
): Promise<number[]> {
  return insertReturningInChunks(rows, async (part) =>
    idsInRowOrder(await db.insertInto('tasks').values(part).returning('id').execute()),
  );
}

/** Sets new tasks' owners: rows of (task, unit, role), any number of them. */
export async function insertTaskUnitRows(
  db: Kysely<DB>,
  rows: ReadonlyArray<{ task_id: number; unit_id: number; role: 'lead' | 'co' }>,
): Promise<void> {
  await insertInChunks(rows, (part) => db.insertInto('task_units').values(part).execute());
}

/** Inserts indicators (every row with the same columns) and returns their ids in the order of `rows`. */
export async function insertIndicators(
  db: Kysely<DB>,
  rows: ReadonlyArray<Insertable<IndicatorTable>>,
): Promise<number[]> {
  return insertReturningInChunks(rows, async (part) =>
    idsInRowOrder(await db.insertInto('indicators').values(part).returning('id').execute()),
  );
}

/** Inserts reporting slots of recurring indicators, any number of them. */
export async function insertIndicatorSlots(
  db: Kysely<DB>,
  rows: ReadonlyArray<Insertable<IndicatorSlotTable>>,
): Promise<void> {
  await insertInChunks(rows, (part) => db.insertInto('indicator_slots').values(part).execute());
}

/** Every task of a plan, parents before their school copies. */
export async function listPlanTasks(db: Kysely<DB>, planId: number) {
  return db.selectFrom('tasks').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
}

/** The owners of every task of a plan, with unit names. */
export async function listPlanTaskUnits(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select([
      'task_units.task_id as taskId',
      'task_units.unit_id as unitId',
      'task_units.role as role',
      'units.name as name',
    ])
    .where('tasks.plan_id', '=', planId)
    .orderBy('task_units.task_id')
    .orderBy('units.id')
    .execute();
}

/** Every indicator of a plan's tasks. */
export async function listPlanIndicators(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('indicators')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .selectAll('indicators')
    .where('tasks.plan_id', '=', planId)
    .orderBy('indicators.id')
    .execute();
}

/** Every slot of a plan's indicators, in date order. */
export async function listPlanIndicatorSlots(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('indicator_slots')
    .innerJoin('indicators', 'indicators.id', 'indicator_slots.indicator_id')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .selectAll('indicator_slots')
    .where('tasks.plan_id', '=', planId)
    .orderBy('indicator_slots.indicator_id')
    .orderBy('indicator_slots.starts_on')
    .execute();
}
