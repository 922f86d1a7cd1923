import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB, ReviewState } from '../schema.ts';
import { taskVisibleTo } from './visibility.ts';

/** An occurrence as use cases read it. */
export interface OccurrenceRow {
  id: number;
  indicatorId: number;
  unitId: number | null;
  occurredOn: string;
  note: string;
  state: ReviewState;
  createdBy: number | null;
  createdAt: string;
  version: number;
}

/** Inserts a submitted occurrence and returns its id. */
export async function insertOccurrence(
  db: Kysely<DB>,
  values: Omit<OccurrenceRow, 'id' | 'state' | 'version'>,
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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

/** The accepted occurrences of a plan's indicators (only accepted ones count toward lights). */
export async function loadAcceptedPlanOccurrences(
  db: Kysely<DB>,
  planId: number,
): Promise<Array<{ id: number; indicatorId: number; occurredOn: string }>> {
  const rows = await db
    .selectFrom('occurrences')
    .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .select(['occurrences.id', 'occurrences.indicator_id', 'occurrences.occurred_on'])
    .where('tasks.plan_id', '=', planId)
    .where('occurrences.state', '=', 'accepted')
    .orderBy('occurrences.occurred_on')
    .execute();
  return rows.map((r) => ({ id: r.id, indicatorId: r.indicator_id, occurredOn: r.occurred_on }));
}
