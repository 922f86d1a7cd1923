import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB, ExtensionTable } from '../schema.ts';
import { taskVisibleTo } from './visibility.ts';

/** An extension (延期) request as use cases read it. */
export interface ExtensionRow {
  id: number;
  taskId: number;
  reason: string;
  oldDueOn: string;
  newDueOn: string;
  state: ExtensionTable['state'];
  requestedBy: number | null;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  comment: string;
}

function toRow(r: {
  id: number;
  task_id: number;
  reason: string;
  old_due_on: string;
  new_due_on: string;
  state: ExtensionTable['state'];
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  comment: string;
}): ExtensionRow {
  return {
    id: r.id,
    taskId: r.task_id,
    reason: r.reason,
    oldDueOn: r.old_due_on,
    newDueOn: r.new_due_on,
    state: r.state,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    comment: r.comment,
  };
}

/** Inserts a pending extension request and returns its id. */
export async function insertExtension(
  db: Kysely<DB>,
  values: Pick<ExtensionRow, 'taskId' | 'reason' | 'oldDueOn' | 'newDueOn' | 'requestedBy' | 'requestedAt'>,
): Promise<number> {
  const row = await db
    .insertInto('extensions')
    .values({
      task_id: values.taskId,
      reason: values.reason,
      old_due_on: values.oldDueOn,
      new_due_on: values.newDueOn,
      state: 'pending',
      requested_by: values.requestedBy,
      requested_at: values.requestedAt,
      comment: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Whether a task has an extension request awaiting a decision. */
export async function hasPendingExtension(db: Kysely<DB>, taskId: number): Promise<boolean> {
  const row = await db
    .selectFrom('extensions')
    .select('id')
    .where('task_id', '=', taskId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return row !== undefined;
}

/** An extension whose task the actor may see, with the task's item; undefined otherwise. */
export async function findVisibleExtension(
  db: Kysely<DB>,
  actor: Actor,
  extensionId: number,
): Promise<(ExtensionRow & { itemId: number }) | undefined> {
  const r = await db
    .selectFrom('extensions')
    .innerJoin('tasks', 'tasks.id', 'extensions.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .selectAll('extensions')
    .select('tasks.item_id')
    .where('extensions.id', '=', extensionId)
    .where(taskVisibleTo(actor))
    .executeTakeFirst();
  return r && { ...toRow(r), itemId: r.item_id };
}

/** Records a decision on a still-pending request; returns how many rows changed (0: decided already). */
export async function decideExtension(
  db: Kysely<DB>,
  extensionId: number,
  decision: { state: 'approved' | 'refused'; decidedBy: number | null; decidedAt: string; comment: string },
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('extensions')
    .set({
      state: decision.state,
      decided_by: decision.decidedBy,
      decided_at: decision.decidedAt,
      comment: decision.comment,
    })
    .where('id', '=', extensionId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
}

/** A task's extension history, oldest first (kept for 留痕 and the year-end evaluation). */
export async function listTaskExtensions(db: Kysely<DB>, taskId: number): Promise<ExtensionRow[]> {
  const rows = await db
    .selectFrom('extensions')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
  return rows.map(toRow);
}
