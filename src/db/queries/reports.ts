import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB, ReportTable, ReviewState } from '../schema.ts';
import { taskVisibleTo } from './visibility.ts';

/** The stored fields of a report as use cases read them. */
export interface ReportRow {
  id: number;
  taskId: number;
  unitId: number;
  period: string;
  selfStatus: ReportTable['self_status'];
  percent: number;
  narrative: string;
  state: ReviewState;
  submittedBy: number | null;
  submittedAt: string;
  revision: number;
  version: number;
}

/** What a filing writes. */
export type ReportFiling = Pick<
  ReportRow,
  'selfStatus' | 'percent' | 'narrative' | 'submittedBy' | 'submittedAt'
>;

const columns = [
  'reports.id',
  'reports.task_id',
  'reports.unit_id',
  'reports.period',
  'reports.self_status',
  'reports.percent',
  'reports.narrative',
  'reports.state',
  'reports.submitted_by',
  'reports.submitted_at',
  'reports.revision',
  'reports.version',
] as const;

function toRow(r: {
  id: number;
  task_id: number;
  unit_id: number;
  period: string;
  self_status: ReportTable['self_status'];
  percent: number;
  narrative: string;
  state: ReviewState;
  submitted_by: number | null;
  submitted_at: string;
  revision: number;
  version: number;
}): ReportRow {
  return {
    id: r.id,
    taskId: r.task_id,
    unitId: r.unit_id,
    period: r.period,
    selfStatus: r.self_status,
    // PostgreSQL stores `real` as float4: round away its binary noise (33.3 → 33.29999…).
    percent: Math.round(Number(r.percent) * 100) / 100,
    narrative: r.narrative,
    state: r.state,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    revision: r.revision,
    version: r.version,
  };
}

/** The report of one unit on one task for one period, if filed. */
export async function findReport(
  db: Kysely<DB>,
  taskId: number,
  unitId: number,
  period: string,
): Promise<ReportRow | undefined> {
  const row = await db
    .selectFrom('reports')
    .select(columns)
    .where('task_id', '=', taskId)
    .where('unit_id', '=', unitId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row && toRow(row);
}

/** A report whose task the actor may see, with the task's item for permission checks. */
export async function findVisibleReport(
  db: Kysely<DB>,
  actor: Actor,
  reportId: number,
): Promise<(ReportRow & { itemId: number; organizationId: number }) | undefined> {
  const row = await db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([...columns, 'tasks.item_id', 'plans.organization_id'])
    .where('reports.id', '=', reportId)
    .where(taskVisibleTo(actor))
    .executeTakeFirst();
  return row && { ...toRow(row), itemId: row.item_id, organizationId: row.organization_id };
}

/**
 * Inserts a first filing; returns its id, or undefined when a report for the same task, unit and
 * period already exists (a concurrent filing won the unique key) — ON CONFLICT keeps PostgreSQL's
 * transaction usable where a caught unique violation would abort it.
 */
export async function insertReport(
  db: Kysely<DB>,
  key: { taskId: number; unitId: number; period: string },
  filing: ReportFiling,
): Promise<number | undefined> {
  const row = await db
    .insertInto('reports')
    .values({
      task_id: key.taskId,
      unit_id: key.unitId,
      period: key.period,
      self_status: filing.selfStatus,
      percent: filing.percent,
      narrative: filing.narrative,
      state: 'submitted',
      submitted_by: filing.submittedBy,
      submitted_at: filing.submittedAt,
      revision: 1,
      version: 1,
    })
    .onConflict((oc) => oc.columns(['task_id', 'unit_id', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Re-files a returned report in place if its version is unchanged: submitted again, revision + 1. */
export async function refileReport(
  db: Kysely<DB>,
  id: number,
  version: number,
  filing: ReportFiling,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('reports')
    .set({
      self_status: filing.selfStatus,
      percent: filing.percent,
      narrative: filing.narrative,
      submitted_by: filing.submittedBy,
      submitted_at: filing.submittedAt,
      state: 'submitted',
      revision: sql<number>`revision + 1`,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Sets a report's review state if its version is unchanged. */
export async function setReportState(
  db: Kysely<DB>,
  id: number,
  version: number,
  state: ReviewState,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('reports')
    .set({ state, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Every report on a plan's tasks (all states; the lights module decides what counts). */
export async function loadPlanReports(db: Kysely<DB>, planId: number): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select(columns)
    .where('tasks.plan_id', '=', planId)
    .orderBy('reports.id')
    .execute();
  return rows.map(toRow);
}

/** The reports on a task the actor may see, newest period first. */
export async function listVisibleTaskReports(
  db: Kysely<DB>,
  actor: Actor,
  taskId: number,
): Promise<ReportRow[]> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select(columns)
    .where('reports.task_id', '=', taskId)
    .where(taskVisibleTo(actor))
    .orderBy('reports.period', 'desc')
    .orderBy('reports.unit_id')
    .execute();
  return rows.map(toRow);
}
