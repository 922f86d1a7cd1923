import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import { actingUnit, isBoundLeader } from '../../policies/roles.ts';
import type { DB, EvidenceTable, TaskStatus } from '../schema.ts';
import { leadsItemOfTask, ownsTask, taskVisibleTo } from './visibility.ts';

/** Filters of the cross-plan task list, applied inside the query together with visibility. */
export interface TaskListFilter {
  /** Only the actor's own work: their unit's tasks, or the items naming them as leader. */
  mine?: boolean;
  /** Only tasks this unit leads or co-owns. */
  unitId?: number;
  /** Only tasks due strictly before this day (YYYY-MM-DD). */
  dueBefore?: string;
  planId?: number;
}

/** One task of the list, with its item for display. */
export interface TaskListEntry {
  id: number;
  planId: number;
  itemId: number;
  itemNo: number;
  itemTitle: string;
  parentTaskId: number | null;
  title: string;
  leadUnitId: number | null;
  startOn: string;
  dueOn: string;
  status: TaskStatus;
  acknowledgedAt: string | null;
}

// "Mine" for an actor bound to nothing (supervisor, viewer) is empty rather than everything:
// they have no own tasks, and "all" is what the unfiltered list already shows them.
function mineCondition(actor: Actor): RawBuilder<SqlBool> {
  const clauses: RawBuilder<SqlBool>[] = [];
  const unitId = actingUnit(actor);
  if (unitId !== null) clauses.push(ownsTask(unitId));
  if (isBoundLeader(actor) && actor.leaderId !== null) clauses.push(leadsItemOfTask(actor.leaderId));
  if (clauses.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(clauses, sql` or `)})`;
}

/** Lists the tasks across plans the actor may see and that match the filter, by plan, item and task. */
export async function listTasksForActor(
  db: Kysely<DB>,
  actor: Actor,
  filter: TaskListFilter,
): Promise<TaskListEntry[]> {
  let query = db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .innerJoin('items', 'items.id', 'tasks.item_id')
    .select([
      'tasks.id',
      'tasks.plan_id',
      'tasks.item_id',
      'items.no as item_no',
      'items.title as item_title',
      'tasks.parent_task_id',
      'tasks.title',
      'tasks.lead_unit_id',
      'tasks.start_on',
      'tasks.due_on',
      'tasks.status',
      'tasks.acknowledged_at',
    ])
    .where(taskVisibleTo(actor));
  if (filter.mine) query = query.where(mineCondition(actor));
  if (filter.unitId !== undefined) query = query.where(ownsTask(filter.unitId));
  if (filter.dueBefore !== undefined) query = query.where('tasks.due_on', '<', filter.dueBefore);
  if (filter.planId !== undefined) query = query.where('tasks.plan_id', '=', filter.planId);
  const rows = await query.orderBy('tasks.plan_id').orderBy('items.no').orderBy('tasks.id').execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    itemId: r.item_id,
    itemNo: r.item_no,
    itemTitle: r.item_title,
    parentTaskId: r.parent_task_id,
    title: r.title,
    leadUnitId: r.lead_unit_id,
    startOn: r.start_on,
    dueOn: r.due_on,
    status: r.status,
    acknowledgedAt: r.acknowledged_at,
  }));
}

/** An evidence row whose owner's task the actor may see. */
export interface VisibleEvidence {
  id: number;
  ownerType: EvidenceTable['owner_type'];
  ownerId: number;
  taskId: number;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

// The task an evidence row belongs to, through its owner. Owners not tied to a task (findings,
// supervision notices) yield null, so the join drops them and they stay NOT_FOUND here.
const ownerTaskId = sql<number>`case evidence.owner_type
  when 'report' then (select r.task_id from reports r where r.id = evidence.owner_id)
  when 'occurrence' then (select i.task_id from occurrences o inner join indicators i on i.id = o.indicator_id where o.id = evidence.owner_id)
  when 'completion' then (select c.task_id from completion_requests c where c.id = evidence.owner_id)
  when 'extension' then (select x.task_id from extensions x where x.id = evidence.owner_id)
  end`;

/** Finds an evidence row if the actor may see the task its owner belongs to; undefined otherwise. */
export async function findVisibleEvidence(
  db: Kysely<DB>,
  actor: Actor,
  evidenceId: number,
): Promise<VisibleEvidence | undefined> {
  const row = await db
    .selectFrom('evidence')
    .innerJoin('tasks', (join) => join.on(sql<SqlBool>`tasks.id = ${ownerTaskId}`))
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([
      'evidence.id',
      'evidence.owner_type',
      'evidence.owner_id',
      'tasks.id as task_id',
      'evidence.file_name',
      'evidence.media_type',
      'evidence.size',
      'evidence.sha256',
    ])
    .where('evidence.id', '=', evidenceId)
    // An evidence row names its organization; it must match the task's, whatever the owner says.
    .whereRef('evidence.organization_id', '=', 'plans.organization_id')
    .where(taskVisibleTo(actor))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    taskId: row.task_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
  };
}
