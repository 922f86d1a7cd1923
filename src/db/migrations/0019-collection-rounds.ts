import type { Kysely } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen once shipped: school data collection (一表通, issue 16). The bureau defines forms (the
// seven-indicator 优质均衡 form is built in, code 'balance-7'), opens a round on a form, and each
// school fills its rows (one per stage on a staged form) with a supporting file; the bureau
// reviews, returns and locks. Locking a balance round records a completion on its plan task.

/** Adds collection_forms, collection_rounds and collection_rows. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('collection_forms'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    // 'balance-7' for the built-in form, null for a bureau's own.
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('staged', 'integer', (c) => c.notNull())
    // JSON: FormField[] (src/shared/balance.ts).
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('collection_forms_name', ['organization_id', 'name'])
    .execute();

  await withId(db, s.createTable('collection_rounds'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('collection_forms.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('opened_by', 'integer', (c) => c.references('users.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('locked_at', 'text')
    // The completion recorded on the task when the round was locked, and the workbook it carries.
    .addColumn('occurrence_id', 'integer', (c) => c.references('occurrences.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('collection_rounds_name', ['organization_id', 'name'])
    .execute();
  await s
    .createIndex('collection_rounds_org_status')
    .on('collection_rounds')
    .columns(['organization_id', 'status'])
    .execute();

  await withId(db, s.createTable('collection_rows'))
    .addColumn('round_id', 'integer', cascadeTo('collection_rounds'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    // 'primary' | 'junior' on a staged form, '' otherwise (a unique key over NULL would repeat).
    .addColumn('stage', 'text', (c) => c.notNull())
    // JSON: { [fieldKey]: number | null }.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('file_sha256', 'text', (c) => c.references('blobs.sha256'))
    .addColumn('file_name', 'text')
    .addColumn('file_type', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('collection_rows_school_stage', ['round_id', 'unit_id', 'stage'])
    .execute();
  await s.createIndex('collection_rows_unit').on('collection_rows').columns(['unit_id']).execute();
}

/** Removes what up added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('collection_rows').execute();
  await db.schema.dropTable('collection_rounds').execute();
  await db.schema.dropTable('collection_forms').execute();
}
