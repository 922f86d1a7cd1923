import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { inChunks } from './batch.ts';

// Queries of the year-on-year comparison and carry-over (结转): the plan a plan follows, the
// tasks already carried, and a carried task's owners.

/** Records (or clears) the plan a plan follows; the plan's version is left alone (it is not an edit of the plan). */
export async function updatePreviousPlan(
  db: Kysely<DB>,
  planId: number,
  previousPlanId: number | null,
): Promise<void> {
  await db.updateTable('plans').set({ previous_plan_id: previousPlanId }).where('id', '=', planId).execute();
}

/** The organization's newest plan of an earlier year than the given one: the likely previous plan. */
export async function findLatestEarlierPlan(
  db: Kysely<DB>,
  organizationId: number,
  year: number,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('plans')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('year', '<', year)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The tasks of a plan carried over from the given tasks, keyed by the task carried from. */
export async function listCarriedTasks(
  db: Kysely<DB>,
  planId: number,
  fromTaskIds: readonly number[],
): Promise<Map<number, number>> {
  const rows = await inChunks(fromTaskIds, (part) =>
    db
      .selectFrom('tasks')
      .select(['id', 'carried_from_task_id'])
      .where('plan_id', '=', planId)
      .where('carried_from_task_id', 'in', part)
      .execute(),
  );
  return new Map(rows.map((row) => [row.carried_from_task_id!, row.id]));
}

/** A task that may be carried: its plan, place, owners and state. */
export interface CarrySourceTask {
  id: number;
  planId: number;
  itemId: number;
  parentTaskId: number | null;
  title: string;
  status: DB['tasks']['status'];
  leadUnitId: number | null;
}

/** Tasks by id (any plan; the caller checks which plan they belong to). */
export async function findTasks(db: Kysely<DB>, taskIds: readonly number[]): Promise<CarrySourceTask[]> {
  return inChunks(taskIds, (part) =>
    db
      .selectFrom('tasks')
      .select([
        'id',
        'plan_id as planId',
        'item_id as itemId',
        'parent_task_id as parentTaskId',
        'title',
        'status',
        'lead_unit_id as leadUnitId',
      ])
      .where('id', 'in', part)
      .execute(),
  );
}

/** The co-owners (配合) of tasks, keyed by task. */
export async function listCoOwners(
  db: Kysely<DB>,
  taskIds: readonly number[],
): Promise<Map<number, number[]>> {
  const owners = new Map<number, number[]>();
  const rows = await inChunks(taskIds, (part) =>
    db
      .selectFrom('task_units')
      .select(['task_id', 'unit_id'])
      .where('task_id', 'in', part)
      .where('role', '=', 'co')
      .orderBy('task_id')
      .orderBy('unit_id')
      .execute(),
  );
  for (const row of rows) {
    const list = owners.get(row.task_id);
    if (list) list.push(row.unit_id);
    else owners.set(row.task_id, [row.unit_id]);
  }
  return owners;
}

/** Whether an error is the unique index refusing a second carry of one task into one plan. */
export function isDuplicateCarry(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // PostgreSQL: unique_violation; better-sqlite3: SQLITE_CONSTRAINT_UNIQUE naming the columns.
  if (code === '23505') return typeof message === 'string' && message.includes('tasks_plan_carried_from');
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes('tasks.carried_from_task_id')
  );
}
