import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB, ExtensionTable, ReportTable, TaskStatus } from '../schema.ts';
import { inChunks } from './batch.ts';
import { reviewableBy } from './review-queue.ts';
import { ownsTask } from './visibility.ts';

// The lists of the workbench (我的待办), each one set-based query whatever the number of tasks.
// The list and count of each list share one base query, so the menu badge counts what the page shows.

/** A task row as the workbench lists it. */
export interface WorkbenchTaskRow {
  taskId: number;
  planId: number;
  itemId: number;
  itemNo: number;
  itemTitle: string;
  title: string;
  dueOn: string;
  status: TaskStatus;
  version: number;
}

/** The reporting period the "reports due" list is about. */
export interface PeriodWindow {
  period: string;
  year: number;
  endsOn: string;
}

const taskColumns = [
  'tasks.id as task_id',
  'tasks.plan_id',
  'tasks.item_id',
  'items.no as item_no',
  'items.title as item_title',
  'tasks.title',
  'tasks.due_on',
  'tasks.status',
  'tasks.version',
] as const;

function toTask(r: {
  task_id: number;
  plan_id: number;
  item_id: number;
  item_no: number;
  item_title: string;
  title: string;
  due_on: string;
  status: TaskStatus;
  version: number;
}): WorkbenchTaskRow {
  return {
    taskId: r.task_id,
    planId: r.plan_id,
    itemId: r.item_id,
    itemNo: r.item_no,
    itemTitle: r.item_title,
    title: r.title,
    dueOn: r.due_on,
    status: r.status,
    version: r.version,
  };
}

function tasksOfPublishedPlans(db: Kysely<DB>) {
  return db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .innerJoin('items', 'items.id', 'tasks.item_id')
    .where('plans.status', '=', 'published');
}

function toAcknowledge(db: Kysely<DB>, unitId: number) {
  return tasksOfPublishedPlans(db).where('tasks.status', '=', 'pending').where(ownsTask(unitId));
}

// Open tasks already started in the period with no report of this unit for it (in any state: a
// returned one is listed apart, one under review or accepted is done for the period).
function withoutReport(db: Kysely<DB>, unitId: number, window: PeriodWindow) {
  return tasksOfPublishedPlans(db)
    .where('tasks.status', 'in', ['pending', 'acknowledged'])
    .where('plans.year', '=', window.year)
    .where('tasks.start_on', '<=', window.endsOn)
    .where(ownsTask(unitId))
    .where(
      sql<SqlBool>`not exists (select 1 from reports r where r.task_id = tasks.id and r.unit_id = ${unitId} and r.period = ${window.period})`,
    );
}

function returnedReports(db: Kysely<DB>, unitId: number) {
  return tasksOfPublishedPlans(db)
    .innerJoin('reports', 'reports.task_id', 'tasks.id')
    .where('reports.unit_id', '=', unitId)
    .where('reports.state', '=', 'returned')
    .where('tasks.status', '!=', 'done');
}

function extensionsToDecide(db: Kysely<DB>, actor: Actor) {
  return tasksOfPublishedPlans(db)
    .innerJoin('extensions', 'extensions.task_id', 'tasks.id')
    .where('extensions.state', '=', 'pending')
    .where(reviewableBy(actor));
}

function completionsToDecide(db: Kysely<DB>, organizationId: number) {
  return tasksOfPublishedPlans(db)
    .innerJoin('completion_requests', 'completion_requests.task_id', 'tasks.id')
    .where('completion_requests.state', '=', 'submitted')
    .where('tasks.status', '=', 'completion_requested')
    .where('plans.organization_id', '=', organizationId);
}

const count = sql<number | string>`count(*)`.as('n');

/** The unit's tasks still waiting for acknowledgement (签收), by item. */
export async function listTasksToAcknowledge(db: Kysely<DB>, unitId: number): Promise<WorkbenchTaskRow[]> {
  const rows = await toAcknowledge(db, unitId)
    .select(taskColumns)
    .orderBy('tasks.plan_id')
    .orderBy('items.no')
    .orderBy('tasks.id')
    .execute();
  return rows.map(toTask);
}

/** The unit's open tasks with no report yet for the period, by due date then item. */
export async function listTasksWithoutReport(
  db: Kysely<DB>,
  unitId: number,
  window: PeriodWindow,
): Promise<WorkbenchTaskRow[]> {
  const rows = await withoutReport(db, unitId, window)
    .select(taskColumns)
    .orderBy('tasks.plan_id')
    .orderBy('items.no')
    .orderBy('tasks.id')
    .execute();
  return rows.map(toTask);
}

/** A returned report with the latest reviewer's comment. */
export interface ReturnedReportRow extends WorkbenchTaskRow {
  reportId: number;
  period: string;
  selfStatus: ReportTable['self_status'];
  percent: number;
  narrative: string;
  comment: string;
  reviewer: string | null;
  returnedAt: string | null;
}

/** The unit's reports a reviewer returned (退回), oldest period first, with the reason given. */
export async function listReturnedReports(db: Kysely<DB>, unitId: number): Promise<ReturnedReportRow[]> {
  const rows = await returnedReports(db, unitId)
    .leftJoin('reviews', (join) =>
      join.on(
        sql<SqlBool>`reviews.id = (select max(v.id) from reviews v where v.target_type = 'report' and v.target_id = reports.id)`,
      ),
    )
    .leftJoin('users', 'users.id', 'reviews.reviewer_id')
    .select(taskColumns)
    .select([
      'reports.id as report_id',
      'reports.period',
      'reports.self_status',
      'reports.percent',
      'reports.narrative',
      'reviews.comment',
      'reviews.created_at as returned_at',
      'users.display_name as reviewer',
    ])
    .orderBy('reports.period')
    .orderBy('reports.id')
    .execute();
  return rows.map((r) => ({
    ...toTask(r),
    reportId: r.report_id,
    period: r.period,
    selfStatus: r.self_status,
    percent: Math.round(Number(r.percent) * 100) / 100,
    narrative: r.narrative,
    comment: r.comment ?? '',
    reviewer: r.reviewer,
    returnedAt: r.returned_at,
  }));
}

/** An extension request with its task. */
export interface ExtensionEntryRow extends WorkbenchTaskRow {
  extensionId: number;
  reason: string;
  oldDueOn: string;
  newDueOn: string;
  state: ExtensionTable['state'];
  requestedBy: string | null;
  requestedAt: string;
  decidedAt: string | null;
  comment: string;
}

const extensionColumns = [
  'extensions.id as extension_id',
  'extensions.reason',
  'extensions.old_due_on',
  'extensions.new_due_on',
  'extensions.state',
  'users.display_name as requested_by',
  'extensions.requested_at',
  'extensions.decided_at',
  'extensions.comment',
] as const;

function toExtension(
  r: Parameters<typeof toTask>[0] & {
    extension_id: number;
    reason: string;
    old_due_on: string;
    new_due_on: string;
    state: ExtensionTable['state'];
    requested_by: string | null;
    requested_at: string;
    decided_at: string | null;
    comment: string;
  },
): ExtensionEntryRow {
  return {
    ...toTask(r),
    extensionId: r.extension_id,
    reason: r.reason,
    oldDueOn: r.old_due_on,
    newDueOn: r.new_due_on,
    state: r.state,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    decidedAt: r.decided_at,
    comment: r.comment,
  };
}

/** Pending extension requests the actor may decide (item leader, supervisor, admin), oldest first. */
export async function listExtensionsToDecide(db: Kysely<DB>, actor: Actor): Promise<ExtensionEntryRow[]> {
  const rows = await extensionsToDecide(db, actor)
    .leftJoin('users', 'users.id', 'extensions.requested_by')
    .select(taskColumns)
    .select(extensionColumns)
    .orderBy('extensions.requested_at')
    .orderBy('extensions.id')
    .execute();
  return rows.map(toExtension);
}

/** Extension requests on the unit's tasks that are pending or were decided since a moment, newest first. */
export async function listUnitExtensions(
  db: Kysely<DB>,
  unitId: number,
  decidedSince: string,
): Promise<ExtensionEntryRow[]> {
  const rows = await tasksOfPublishedPlans(db)
    .innerJoin('extensions', 'extensions.task_id', 'tasks.id')
    .leftJoin('users', 'users.id', 'extensions.requested_by')
    .where(ownsTask(unitId))
    .where((eb) =>
      eb.or([eb('extensions.state', '=', 'pending'), eb('extensions.decided_at', '>=', decidedSince)]),
    )
    .select(taskColumns)
    .select(extensionColumns)
    .orderBy('extensions.requested_at', 'desc')
    .orderBy('extensions.id', 'desc')
    .execute();
  return rows.map(toExtension);
}

/** A completion request with its task. */
export interface CompletionEntryRow extends WorkbenchTaskRow {
  requestId: number;
  note: string;
  requestedBy: string | null;
  requestedAt: string;
}

/** Completion requests waiting for the organization's supervisors, oldest first. */
export async function listCompletionsToDecide(
  db: Kysely<DB>,
  organizationId: number,
): Promise<CompletionEntryRow[]> {
  const rows = await completionsToDecide(db, organizationId)
    .leftJoin('users', 'users.id', 'completion_requests.requested_by')
    .select(taskColumns)
    .select([
      'completion_requests.id as request_id',
      'completion_requests.note',
      'users.display_name as requested_by',
      'completion_requests.requested_at',
    ])
    .orderBy('completion_requests.requested_at')
    .orderBy('completion_requests.id')
    .execute();
  return rows.map((r) => ({
    ...toTask(r),
    requestId: r.request_id,
    note: r.note,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
  }));
}

/** The names of each task's units, lead first; one query for all the tasks. */
export async function listTaskOwnerNames(
  db: Kysely<DB>,
  taskIds: readonly number[],
): Promise<Map<number, string[]>> {
  const owners = new Map<number, string[]>();
  // In chunks of task ids (a unit may own thousands of tasks); each task's rows stay in one chunk.
  const rows = await inChunks([...new Set(taskIds)], (part) =>
    db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['task_units.task_id', 'task_units.role', 'units.name'])
      .where('task_units.task_id', 'in', part)
      .orderBy('task_units.task_id')
      .orderBy('task_units.role', 'desc')
      .orderBy('units.id')
      .execute(),
  );
  for (const row of rows) {
    const names = owners.get(row.task_id) ?? [];
    names.push(row.name);
    owners.set(row.task_id, names);
  }
  return owners;
}

/** What the workbench's menu badge counts: each list of the page, counted without loading it. */
export interface WorkbenchCounts {
  toAcknowledge: number;
  reportsDue: number;
  returned: number;
  extensionsToDecide: number;
  completionsToDecide: number;
}

/** Counts the workbench lists that apply to the actor (a unit's lists need a unit; decisions need a role). */
export async function countWorkbench(
  db: Kysely<DB>,
  actor: Actor,
  window: PeriodWindow,
  applies: { unit: boolean; extensions: boolean; completions: boolean },
): Promise<WorkbenchCounts> {
  const unitId = actor.unitId ?? 0;
  const n = (row: { n: number | string } | undefined) => Number(row?.n ?? 0);
  const none = Promise.resolve(undefined);
  const [ack, due, returned, extensions, completions] = await Promise.all([
    applies.unit ? toAcknowledge(db, unitId).select(count).executeTakeFirst() : none,
    applies.unit ? withoutReport(db, unitId, window).select(count).executeTakeFirst() : none,
    applies.unit ? returnedReports(db, unitId).select(count).executeTakeFirst() : none,
    applies.extensions ? extensionsToDecide(db, actor).select(count).executeTakeFirst() : none,
    applies.completions
      ? completionsToDecide(db, actor.organizationId).select(count).executeTakeFirst()
      : none,
  ]);
  return {
    toAcknowledge: n(ack),
    reportsDue: n(due),
    returned: n(returned),
    extensionsToDecide: n(extensions),
    completionsToDecide: n(completions),
  };
}
