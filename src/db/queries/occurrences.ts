import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB, OccurrenceMilestone, ReviewState } from '../schema.ts';
import { taskVisibleTo } from './visibility.ts';

/** An occurrence as use cases read it. */
export interface OccurrenceRow {
  id: number;
  indicatorId: number;
  /** The report it was filed with; null when logged on its own. */
  reportId?: number | null;
  unitId: number | null;
  occurredOn: string;
  note: string;
  state: ReviewState;
  createdBy: number | null;
  createdAt: string;
  version: number;
}

/** What an occurrence records besides its date and note: the report it came with, a value, a milestone. */
export interface OccurrenceDetail {
  reportId: number | null;
  value: number | null;
  milestone: OccurrenceMilestone | null;
}

/** Inserts a submitted occurrence and returns its id. */
export async function insertOccurrence(
  db: Kysely<DB>,
  values: Omit<OccurrenceRow, 'id' | 'state' | 'version'> & Partial<OccurrenceDetail>,
): Promise<number> {
  const row = await db
    .insertInto('occurrences')
    .values({
      indicator_id: values.indicatorId,
      unit_id: values.unitId,
      occurred_on: values.occurredOn,
      note: values.note,
      state: 'submitted',
      created_by: values.createdBy,
      created_at: values.createdAt,
      version: 1,
      report_id: values.reportId ?? null,
      value: values.value ?? null,
      milestone: values.milestone ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An occurrence filed with a report, as re-filing and reviewing read it. */
export interface ReportOccurrenceRow extends OccurrenceDetail {
  id: number;
  indicatorId: number;
  occurredOn: string;
  note: string;
  state: ReviewState;
  version: number;
}

/** The occurrences filed with a report, oldest first. */
export async function listReportOccurrences(
  db: Kysely<DB>,
  reportId: number,
): Promise<ReportOccurrenceRow[]> {
  const rows = await db
    .selectFrom('occurrences')
    .select([
      'id',
      'indicator_id',
      'occurred_on',
      'note',
      'state',
      'version',
      'report_id',
      'value',
      'milestone',
    ])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorId: r.indicator_id,
    occurredOn: r.occurred_on,
    note: r.note,
    state: r.state,
    version: r.version,
    reportId: r.report_id,
    value: r.value === null ? null : Number(r.value),
    milestone: r.milestone,
  }));
}

/** Files a returned occurrence of a report again with new words, if its version is unchanged. */
export async function resubmitOccurrence(
  db: Kysely<DB>,
  id: number,
  version: number,
  values: { occurredOn: string; note: string; value: number | null; milestone: OccurrenceMilestone | null },
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('occurrences')
    .set({
      occurred_on: values.occurredOn,
      note: values.note,
      value: values.value,
      milestone: values.milestone,
      state: 'submitted',
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'returned')
    .executeTakeFirst();
}

/** Sets every submitted occurrence of a report to a review state; returns their ids. */
export async function reviewReportOccurrences(
  db: Kysely<DB>,
  reportId: number,
  state: 'accepted' | 'returned',
): Promise<number[]> {
  const rows = await db
    .updateTable('occurrences')
    .set({ state, version: sql<number>`version + 1` })
    .where('report_id', '=', reportId)
    .where('state', '=', 'submitted')
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** An occurrence whose task the actor may see, with its task and item for permission checks. */
export async function findVisibleOccurrence(
  db: Kysely<DB>,
  actor: Actor,
  occurrenceId: number,
): Promise<(OccurrenceRow & { taskId: number; itemId: number; organizationId: number }) | undefined> {
  const r = await db
    .selectFrom('occurrences')
    .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([
      'occurrences.id',
      'occurrences.indicator_id',
      'occurrences.unit_id',
      'occurrences.occurred_on',
      'occurrences.note',
      'occurrences.state',
      'occurrences.created_by',
      'occurrences.created_at',
      'occurrences.version',
      'occurrences.report_id',
      'tasks.id as task_id',
      'tasks.item_id',
      'plans.organization_id',
    ])
    .where('occurrences.id', '=', occurrenceId)
    .where(taskVisibleTo(actor))
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    unitId: r.unit_id,
    occurredOn: r.occurred_on,
    note: r.note,
    state: r.state,
    createdBy: r.created_by,
    createdAt: r.created_at,
    version: r.version,
    reportId: r.report_id,
    taskId: r.task_id,
    itemId: r.item_id,
    organizationId: r.organization_id,
  };
}

/** Sets an occurrence's review state if its version is unchanged. */
export async function setOccurrenceState(
  db: Kysely<DB>,
  id: number,
  version: number,
  state: ReviewState,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('occurrences')
    .set({ state, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** An accepted occurrence as the lights and the evaluation count it. */
export interface AcceptedOccurrenceRow {
  id: number;
  indicatorId: number;
  occurredOn: string;
  value: number | null;
  milestone: OccurrenceMilestone | null;
}

/** The accepted occurrences of a plan's indicators (only accepted ones count toward lights). */
export async function loadAcceptedPlanOccurrences(
  db: Kysely<DB>,
  planId: number,
): Promise<AcceptedOccurrenceRow[]> {
  const rows = await db
    .selectFrom('occurrences')
    .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .select([
      'occurrences.id',
      'occurrences.indicator_id',
      'occurrences.occurred_on',
      'occurrences.value',
      'occurrences.milestone',
    ])
    .where('tasks.plan_id', '=', planId)
    .where('occurrences.state', '=', 'accepted')
    .orderBy('occurrences.occurred_on')
    .orderBy('occurrences.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorId: r.indicator_id,
    occurredOn: r.occurred_on,
    // PostgreSQL returns real as a number, SQLite too; a NUMERIC would come back as text.
    value: r.value === null ? null : Number(r.value),
    milestone: r.milestone,
  }));
}

/** The occurrences of one task's indicators that count or may count (accepted or awaiting review). */
export async function listTaskOccurrences(
  db: Kysely<DB>,
  taskId: number,
): Promise<
  Array<{
    indicatorId: number;
    occurredOn: string;
    state: ReviewState;
    value: number | null;
    milestone: OccurrenceMilestone | null;
  }>
> {
  const rows = await db
    .selectFrom('occurrences')
    .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
    .select([
      'occurrences.indicator_id',
      'occurrences.occurred_on',
      'occurrences.state',
      'occurrences.value',
      'occurrences.milestone',
    ])
    .where('indicators.task_id', '=', taskId)
    .where('occurrences.state', 'in', ['accepted', 'submitted'])
    .orderBy('occurrences.occurred_on')
    .orderBy('occurrences.id')
    .execute();
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    occurredOn: r.occurred_on,
    state: r.state,
    value: r.value === null ? null : Number(r.value),
    milestone: r.milestone,
  }));
}
