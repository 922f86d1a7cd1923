import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB, ReviewState } from '../schema.ts';
import { taskVisibleTo } from './visibility.ts';

/** A completion (办结) request as use cases read it. */
export interface CompletionRow {
  id: number;
  taskId: number;
  note: string;
  state: ReviewState;
  requestedBy: number | null;
  requestedAt: string;
}

/** Inserts a submitted completion request and returns its id. */
export async function insertCompletionRequest(
  db: Kysely<DB>,
  values: Pick<CompletionRow, 'taskId' | 'note' | 'requestedBy' | 'requestedAt'>,
): Promise<number> {
  const row = await db
    .insertInto('completion_requests')
    .values({
      task_id: values.taskId,
      note: values.note,
      state: 'submitted',
      requested_by: values.requestedBy,
      requested_at: values.requestedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A completion request whose task the actor may see; undefined otherwise. */
export async function findVisibleCompletionRequest(
  db: Kysely<DB>,
  actor: Actor,
  requestId: number,
): Promise<CompletionRow | undefined> {
  const r = await db
    .selectFrom('completion_requests')
    .innerJoin('tasks', 'tasks.id', 'completion_requests.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([
      'completion_requests.id',
      'completion_requests.task_id',
      'completion_requests.note',
      'completion_requests.state',
      'completion_requests.requested_by',
      'completion_requests.requested_at',
    ])
    .where('completion_requests.id', '=', requestId)
    .where(taskVisibleTo(actor))
    .executeTakeFirst();
  return (
    r && {
      id: r.id,
      taskId: r.task_id,
      note: r.note,
      state: r.state,
      requestedBy: r.requested_by,
      requestedAt: r.requested_at,
    }
  );
}

/**
 * Decides a request that is still submitted; returns how many rows changed (0: someone decided it
 * first). The table has no version column, so the state itself is the guard.
 */
export async function decideCompletionRequest(
  db: Kysely<DB>,
  requestId: number,
  state: 'accepted' | 'returned',
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('completion_requests')
    .set({ state })
    .where('id', '=', requestId)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
}
