import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB, IndicatorTable } from '../schema.ts';
import { inChunks } from './batch.ts';
import { taskVisibleTo } from './visibility.ts';

/** Finds an indicator whose task the actor may see, with that task's id; undefined otherwise. */
export async function findVisibleIndicator(
  db: Kysely<DB>,
  actor: Actor,
  indicatorId: number,
): Promise<{ id: number; taskId: number; kind: IndicatorTable['kind']; text: string } | undefined> {
  const row = await db
    .selectFrom('indicators')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select(['indicators.id', 'indicators.task_id', 'indicators.kind', 'indicators.text'])
    .where('indicators.id', '=', indicatorId)
    .where(taskVisibleTo(actor))
    .executeTakeFirst();
  return row && { id: row.id, taskId: row.task_id, kind: row.kind, text: row.text };
}

/**
 * Moves a task's indicator due dates that equalled its old due date (an indicator with its own
 * earlier date, e.g. 6月底前, keeps it); returns the moved indicators' ids.
 */
export async function moveIndicatorDueDates(
  db: Kysely<DB>,
  taskIds: readonly number[],
  oldDueOn: string,
  newDueOn: string,
): Promise<number[]> {
  const rows = await inChunks(taskIds, (part) =>
    db
      .updateTable('indicators')
      .set({ due_on: newDueOn })
      .where('task_id', 'in', part)
      .where('due_on', '=', oldDueOn)
      .returning('id')
      .execute(),
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** An indicator of a task as the report form and its checks read it. */
export interface TaskIndicatorRow {
  id: number;
  kind: IndicatorTable['kind'];
  text: string;
  name: string | null;
  per: IndicatorTable['per'];
  targetMin: number | null;
  targetValue: number | null;
  dueOn: string | null;
}

/** The indicators of one task, in their order. */
export async function listTaskIndicators(db: Kysely<DB>, taskId: number): Promise<TaskIndicatorRow[]> {
  const rows = await db
    .selectFrom('indicators')
    .select(['id', 'kind', 'text', 'name', 'per', 'target_min', 'target_value', 'due_on'])
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    text: r.text,
    name: r.name,
    per: r.per,
    targetMin: r.target_min === null ? null : Number(r.target_min),
    targetValue: r.target_value === null ? null : Number(r.target_value),
    dueOn: r.due_on,
  }));
}

/** Every indicator of a plan, in one set-based query (for lights). */
export async function loadPlanIndicators(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('indicators')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .select([
      'indicators.id',
      'indicators.task_id',
      'indicators.kind',
      'indicators.text',
      'indicators.per',
      'indicators.target_min',
      'indicators.target_max',
      'indicators.target_value',
      'indicators.name',
      'indicators.due_on',
    ])
    .where('tasks.plan_id', '=', planId)
    .orderBy('indicators.id')
    .execute();
}
