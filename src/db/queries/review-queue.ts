import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import { isBoundLeader, isSupervisor } from '../../policies/roles.ts';
import type { DB, EvidenceTable, OccurrenceMilestone, ReportTable } from '../schema.ts';
import { leadsItemOfTask } from './visibility.ts';

/**
 * The SQL condition "the actor may review work on the task `tasks` of the plan `plans`": the
 * supervisors of the plan's own organization, or a leader named on the task's item.
 * Mirrors canReview in src/policies/tasks.ts (a parent bureau reads its districts but does not review).
 */
export function reviewableBy(actor: Actor): RawBuilder<SqlBool> {
  const sameOrganization = sql<SqlBool>`plans.organization_id = ${actor.organizationId}`;
  if (isSupervisor(actor)) return sameOrganization;
  if (isBoundLeader(actor) && actor.leaderId !== null) {
    return sql<SqlBool>`(${sameOrganization} and ${leadsItemOfTask(actor.leaderId)})`;
  }
  return sql<SqlBool>`1 = 0`;
}

/** What every queue entry shows about its task, item and who submitted it. */
interface QueueContext {
  id: number;
  version: number;
  taskId: number;
  taskTitle: string;
  planId: number;
  itemId: number;
  itemNo: number;
  itemTitle: string;
  unit: string;
  submittedBy: string | null;
  submittedAt: string;
}

/** A submitted report the actor may review. */
export interface QueuedReport extends QueueContext {
  period: string;
  percent: number;
  selfStatus: ReportTable['self_status'];
  narrative: string;
  revision: number;
}

/** A submitted occurrence the actor may review. */
export interface QueuedOccurrence extends QueueContext {
  occurredOn: string;
  indicator: string;
  note: string;
}

function reportsToReview(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .where('reports.state', '=', 'submitted')
    .where(reviewableBy(actor));
}

function occurrencesToReview(db: Kysely<DB>, actor: Actor) {
  return (
    db
      .selectFrom('occurrences')
      .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
      .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .where('occurrences.state', '=', 'submitted')
      // Completions filed with a report are reviewed with it, not on their own.
      .where('occurrences.report_id', 'is', null)
      .where(reviewableBy(actor))
  );
}

/** The submitted reports the actor may review, oldest first. */
export async function listReportsToReview(db: Kysely<DB>, actor: Actor): Promise<QueuedReport[]> {
  const rows = await reportsToReview(db, actor)
    .innerJoin('items', 'items.id', 'tasks.item_id')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .leftJoin('users', 'users.id', 'reports.submitted_by')
    .select([
      'reports.id',
      'reports.version',
      'reports.task_id',
      'tasks.title as task_title',
      'tasks.plan_id',
      'tasks.item_id',
      'items.no as item_no',
      'items.title as item_title',
      'units.name as unit',
      'users.display_name as submitted_by',
      'reports.submitted_at',
      'reports.period',
      'reports.percent',
      'reports.self_status',
      'reports.narrative',
      'reports.revision',
    ])
    .orderBy('reports.submitted_at')
    .orderBy('reports.id')
    .execute();
  return rows.map((r) => ({
    ...queuedTarget(r),
    unit: r.unit,
    submittedBy: r.submitted_by,
    submittedAt: r.submitted_at,
    period: r.period,
    // PostgreSQL stores `real` as float4: round away its binary noise.
    percent: Math.round(Number(r.percent) * 100) / 100,
    selfStatus: r.self_status,
    narrative: r.narrative,
    revision: r.revision,
  }));
}

/** The submitted occurrences the actor may review, oldest first. */
export async function listOccurrencesToReview(db: Kysely<DB>, actor: Actor): Promise<QueuedOccurrence[]> {
  const rows = await occurrencesToReview(db, actor)
    .innerJoin('items', 'items.id', 'tasks.item_id')
    .leftJoin('units', 'units.id', 'occurrences.unit_id')
    .leftJoin('users', 'users.id', 'occurrences.created_by')
    .select([
      'occurrences.id',
      'occurrences.version',
      'tasks.id as task_id',
      'tasks.title as task_title',
      'tasks.plan_id',
      'tasks.item_id',
      'items.no as item_no',
      'items.title as item_title',
      'units.name as unit',
      'users.display_name as submitted_by',
      'occurrences.created_at',
      'occurrences.occurred_on',
      'indicators.text as indicator',
      'occurrences.note',
    ])
    .orderBy('occurrences.created_at')
    .orderBy('occurrences.id')
    .execute();
  return rows.map((r) => ({
    ...queuedTarget(r),
    unit: r.unit ?? '',
    submittedBy: r.submitted_by,
    submittedAt: r.created_at,
    occurredOn: r.occurred_on,
    indicator: r.indicator,
    note: r.note,
  }));
}

/** A completion filed with a report in the queue: reviewed with it, shown under it. */
export interface QueuedCompletion {
  id: number;
  reportId: number;
  indicatorId: number;
  indicator: string;
  occurredOn: string;
  note: string;
  value: number | null;
  milestone: OccurrenceMilestone | null;
}

/** The completions filed with some reports in one review state (default: awaiting review), in filing order. */
export async function listReportCompletions(
  db: Kysely<DB>,
  reportIds: readonly number[],
  state: 'submitted' | 'returned' = 'submitted',
): Promise<QueuedCompletion[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('occurrences')
    .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
    .select([
      'occurrences.id',
      'occurrences.report_id',
      'occurrences.indicator_id',
      'indicators.text as indicator',
      'indicators.name',
      'occurrences.occurred_on',
      'occurrences.note',
      'occurrences.value',
      'occurrences.milestone',
    ])
    .where('occurrences.report_id', 'in', [...reportIds])
    .where('occurrences.state', '=', state)
    .orderBy('occurrences.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id ?? 0,
    indicatorId: r.indicator_id,
    indicator: r.name ?? r.indicator,
    occurredOn: r.occurred_on,
    note: r.note,
    value: r.value === null ? null : Number(r.value),
    milestone: r.milestone,
  }));
}

/** How many reports and occurrences wait for the actor's review. */
export async function countToReview(db: Kysely<DB>, actor: Actor): Promise<number> {
  const [reports, occurrences] = await Promise.all([
    reportsToReview(db, actor)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
    occurrencesToReview(db, actor)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return Number(reports.n) + Number(occurrences.n);
}

/** An evidence file with the owner it is attached to. */
export interface OwnedEvidence {
  ownerType: EvidenceTable['owner_type'];
  ownerId: number;
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
}

/** The evidence of several owners of one type, oldest first; one query. */
export async function listEvidenceOfOwners(
  db: Kysely<DB>,
  ownerType: EvidenceTable['owner_type'],
  ownerIds: readonly number[],
): Promise<OwnedEvidence[]> {
  if (ownerIds.length === 0) return [];
  const rows = await db
    .selectFrom('evidence')
    .select(['id', 'owner_type', 'owner_id', 'file_name', 'media_type', 'size'])
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', [...ownerIds])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
  }));
}

/** The columns both queues share: the entry, and the task and item it is about. */
function queuedTarget(r: {
  id: number;
  version: number;
  task_id: number;
  task_title: string;
  plan_id: number;
  item_id: number;
  item_no: number;
  item_title: string;
}) {
  return {
    id: r.id,
    version: r.version,
    taskId: r.task_id,
    taskTitle: r.task_title,
    planId: r.plan_id,
    itemId: r.item_id,
    itemNo: r.item_no,
    itemTitle: r.item_title,
  };
}
