import type { Kysely } from 'kysely';

// Frozen once shipped: the background jobs, kept in the database so that several servers on one
// PostgreSQL share them (each slot has a deterministic id, so scheduling it twice is one row) and
// so a failed job stays visible with its error.

/** Creates the jobs table with the indexes the runner claims by. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    // Deterministic, e.g. "reminders.daily:3:2024-06-07".
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Not a foreign key: a job may outlive its organization and must then fail visibly, not vanish.
    .addColumn('organization_id', 'integer')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    // queued | running | done | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('locked_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // Claiming looks for queued jobs that are due, and running jobs whose lease ran out.
  await db.schema.createIndex('jobs_state_run_at').on('jobs').columns(['state', 'run_at']).execute();
  await db.schema.createIndex('jobs_state_lease').on('jobs').columns(['state', 'lease_until']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
