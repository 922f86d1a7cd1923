import type { Kysely } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen once shipped: year-end evaluation (年终考核): rubric, bonus/penalty entries, locked results.
// Points are stored as integer hundredths (centipoints) so both databases add them exactly, and the
// locked evaluation is one JSON snapshot: once published it is read back, never recomputed.

/** Creates evaluation_rubrics, evaluation_adjustments and evaluation_locks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('evaluation_rubrics'))
    .addColumn('plan_id', 'integer', (c) => cascadeTo('plans')(c).unique())
    .addColumn('weight_completion', 'integer', (c) => c.notNull())
    .addColumn('weight_timeliness', 'integer', (c) => c.notNull())
    .addColumn('weight_quality', 'integer', (c) => c.notNull())
    .addColumn('bonus_cap', 'integer', (c) => c.notNull())
    .addColumn('penalty_cap', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, s.createTable('evaluation_adjustments'))
    .addColumn('plan_id', 'integer', cascadeTo('plans'))
    .addColumn('unit_id', 'integer', cascadeTo('units'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('centipoints', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('evaluation_adjustments_plan').on('evaluation_adjustments').column('plan_id').execute();

  await withId(db, s.createTable('evaluation_locks'))
    .addColumn('plan_id', 'integer', (c) => cascadeTo('plans')(c).unique())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('locked_by_label', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops what up created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropTable('evaluation_locks').execute();
  await s.dropIndex('evaluation_adjustments_plan').execute();
  await s.dropTable('evaluation_adjustments').execute();
  await s.dropTable('evaluation_rubrics').execute();
}
