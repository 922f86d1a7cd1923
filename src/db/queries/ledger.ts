import { type Kysely, sql } from 'kysely';
import type { DB, TaskTable } from '../schema.ts';

/** A plan's task as the decomposition import compares it: owners by role, item number, version. */
export interface DecompositionTaskRow {
  id: number;
  itemId: number;
  itemNo: number;
  parentTaskId: number | null;
  title: string;
  leadUnitId: number | null;
  coUnitIds: number[];
  startOn: string;
  dueOn: string;
  status: TaskTable['status'];
  version: number;
}

/** Every task of a plan with its co-owners, in two set-based queries, in item then task order. */
export async function listDecompositionTasks(
  db: Kysely<DB>,
  planId: number,
): Promise<DecompositionTaskRow[]> {
  const [tasks, co] = await Promise.all([
    db
      .selectFrom('tasks')
      .innerJoin('items', 'items.id', 'tasks.item_id')
      .select([
        'tasks.id',
        'tasks.item_id',
        'items.no as item_no',
        'tasks.parent_task_id',
        'tasks.title',
        'tasks.lead_unit_id',
        'tasks.start_on',
        'tasks.due_on',
        'tasks.status',
        'tasks.version',
      ])
      .where('tasks.plan_id', '=', planId)
      .orderBy('items.no')
      .orderBy('tasks.id')
      .execute(),
    db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select(['task_units.task_id', 'task_units.unit_id'])
      .where('tasks.plan_id', '=', planId)
      .where('task_units.role', '=', 'co')
      .orderBy('task_units.unit_id')
      .execute(),
  ]);
  const coOf = new Map<number, number[]>();
  for (const row of co) coOf.set(row.task_id, [...(coOf.get(row.task_id) ?? []), row.unit_id]);
  return tasks.map((t) => ({
    id: t.id,
    itemId: t.item_id,
    itemNo: t.item_no,
    parentTaskId: t.parent_task_id,
    title: t.title,
    leadUnitId: t.lead_unit_id,
    coUnitIds: coOf.get(t.id) ?? [],
    startOn: t.start_on,
    dueOn: t.due_on,
    status: t.status,
    version: Number(t.version),
  }));
}

/** Updates a task's text, lead and due date if its version is unchanged, bumping the version. */
export async function updateDecomposedTask(
  db: Kysely<DB>,
  taskId: number,
  version: number,
  fields: Pick<TaskTable, 'title' | 'lead_unit_id' | 'due_on'>,
  at: string,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('tasks')
    .set({ ...fields, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', taskId)
    .where('version', '=', version)
    .executeTakeFirst();
}
