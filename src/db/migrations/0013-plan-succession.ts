import type { Kysely } from 'kysely';

// Frozen once shipped: next year's plan: the plan it follows and tasks carried over.
// SQLite takes one ALTER per statement, and an added REFERENCES column must default to null.

/** Adds plans.previous_plan_id and tasks.carried_from_task_id, one carry per task and plan. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .alterTable('plans')
    .addColumn('previous_plan_id', 'integer', (c) => c.references('plans.id').onDelete('set null'))
    .execute();
  await s
    .alterTable('tasks')
    .addColumn('carried_from_task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
    .execute();
  // A task is carried into a plan at most once, even when two supervisors carry it at once.
  await s
    .createIndex('tasks_plan_carried_from')
    .on('tasks')
    .columns(['plan_id', 'carried_from_task_id'])
    .unique()
    .execute();
}

/** Drops what up added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropIndex('tasks_plan_carried_from').execute();
  await s.alterTable('tasks').dropColumn('carried_from_task_id').execute();
  await s.alterTable('plans').dropColumn('previous_plan_id').execute();
}
