import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import { isLeader, isUnitUser } from '../../policies/roles.ts';
import type { DB, PlanTable, TaskStatus, TaskTable } from '../schema.ts';
import { flag, leadsItemOfTask, ownsTask, taskVisibleTo } from './visibility.ts';

/** A task as the workflow sees it: its row, its plan's organization/year/status, and the actor's relation to it. */
export interface TaskInContext {
  id: number;
  planId: number;
  itemId: number;
  parentTaskId: number | null;
  title: string;
  leadUnitId: number | null;
  startOn: string;
  dueOn: string;
  status: TaskStatus;
  acknowledgedAt: string | null;
  completedAt: string | null;
  version: number;
  organizationId: number;
  planYear: number;
  planStatus: PlanTable['status'];
  /** The actor's unit leads or co-owns the task. */
  actorOwns: boolean;
  /** The actor is a leader named on the task's item. */
  actorLeadsItem: boolean;
}

/** Finds a task the actor may see, with the actor's relation to it; undefined when it does not exist for them. */
export async function findVisibleTask(
  db: Kysely<DB>,
  actor: Actor,
  taskId: number,
): Promise<TaskInContext | undefined> {
  const row = await db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([
      'tasks.id',
      'tasks.plan_id',
      'tasks.item_id',
      'tasks.parent_task_id',
      'tasks.title',
      'tasks.lead_unit_id',
      'tasks.start_on',
      'tasks.due_on',
      'tasks.status',
      'tasks.acknowledged_at',
      'tasks.completed_at',
      'tasks.version',
      'plans.organization_id',
      'plans.year',
      'plans.status as plan_status',
      flag(actor.unitId === null ? sql`1 = 0` : ownsTask(actor.unitId)).as('owns'),
      flag(actor.leaderId === null ? sql`1 = 0` : leadsItemOfTask(actor.leaderId)).as('leads'),
    ])
    .where('tasks.id', '=', taskId)
    .where(taskVisibleTo(actor))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    planId: row.plan_id,
    itemId: row.item_id,
    parentTaskId: row.parent_task_id,
    title: row.title,
    leadUnitId: row.lead_unit_id,
    startOn: row.start_on,
    dueOn: row.due_on,
    status: row.status,
    acknowledgedAt: row.acknowledged_at,
    completedAt: row.completed_at,
    version: row.version,
    organizationId: row.organization_id,
    planYear: row.year,
    planStatus: row.plan_status,
    actorOwns: Number(row.owns) === 1 && isUnitUser(actor),
    actorLeadsItem: Number(row.leads) === 1 && isLeader(actor),
  };
}

/** One row of a task list. */
export type TaskListRow = Pick<
  TaskTable,
  'plan_id' | 'item_id' | 'parent_task_id' | 'title' | 'lead_unit_id' | 'start_on' | 'due_on' | 'status'
> & { id: number; version: number };

/** Lists the tasks of a plan the actor may see, in item then task order. */
export async function listVisibleTasks(db: Kysely<DB>, actor: Actor, planId: number): Promise<TaskListRow[]> {
  return db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .innerJoin('items', 'items.id', 'tasks.item_id')
    .select([
      'tasks.id',
      'tasks.plan_id',
      'tasks.item_id',
      'tasks.parent_task_id',
      'tasks.title',
      'tasks.lead_unit_id',
      'tasks.start_on',
      'tasks.due_on',
      'tasks.status',
      'tasks.version',
    ])
    .where('tasks.plan_id', '=', planId)
    .where(taskVisibleTo(actor))
    .orderBy('items.no')
    .orderBy('tasks.id')
    .execute();
}

/** The units of a task: its lead and co-owners, lead first. */
export async function listTaskUnits(
  db: Kysely<DB>,
  taskId: number,
): Promise<Array<{ unitId: number; role: 'lead' | 'co' }>> {
  const rows = await db
    .selectFrom('task_units')
    .select(['unit_id', 'role'])
    .where('task_id', '=', taskId)
    .orderBy('role', 'desc')
    .orderBy('unit_id')
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, role: r.role }));
}

/** The fields of a task a version-checked update may change. */
export type TaskPatch = Partial<
  Pick<
    TaskTable,
    'due_on' | 'lead_unit_id' | 'status' | 'acknowledged_at' | 'acknowledged_by' | 'completed_at'
  >
>;

/** Updates a task only if its version is still `version`, bumping it; returns how many rows changed. */
export async function updateTaskIfVersion(
  db: Kysely<DB>,
  taskId: number,
  version: number,
  patch: TaskPatch,
  at: string,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('tasks')
    .set({ ...patch, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', taskId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/**
 * Acknowledges a task if it still waits for it (whatever its version: two owners filing at once must
 * not refuse each other); true when this call acknowledged it.
 */
export async function acknowledgeIfPending(
  db: Kysely<DB>,
  taskId: number,
  userId: number | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('tasks')
    .set({
      status: 'acknowledged',
      acknowledged_at: at,
      acknowledged_by: userId,
      updated_at: at,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', taskId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Replaces a task's lead and co-owners (the caller has checked the units exist). */
export async function replaceTaskUnits(
  db: Kysely<DB>,
  taskId: number,
  leadUnitId: number | null,
  coUnitIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('task_units').where('task_id', '=', taskId).execute();
  const rows = [
    ...(leadUnitId === null ? [] : [{ task_id: taskId, unit_id: leadUnitId, role: 'lead' as const }]),
    ...coUnitIds.map((unitId) => ({ task_id: taskId, unit_id: unitId, role: 'co' as const })),
  ];
  if (rows.length > 0) await db.insertInto('task_units').values(rows).execute();
}

/** Moves the due date of the school copies of a task that still share its old due date. */
export async function moveChildTaskDueDates(
  db: Kysely<DB>,
  parentTaskId: number,
  oldDueOn: string,
  newDueOn: string,
  at: string,
): Promise<number[]> {
  const rows = await db
    .updateTable('tasks')
    .set({ due_on: newDueOn, updated_at: at, version: sql<number>`version + 1` })
    .where('parent_task_id', '=', parentTaskId)
    .where('due_on', '=', oldDueOn)
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Every task of a plan with its owner units, in two set-based queries (for lights and summaries). */
export async function loadPlanTasks(db: Kysely<DB>, planId: number) {
  const [tasks, units] = await Promise.all([
    db
      .selectFrom('tasks')
      .select([
        'id',
        'item_id',
        'parent_task_id',
        'title',
        'lead_unit_id',
        'start_on',
        'due_on',
        'status',
        'completed_at',
      ])
      .where('plan_id', '=', planId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role'])
      .where('tasks.plan_id', '=', planId)
      .execute(),
  ]);
  return { tasks, units };
}
