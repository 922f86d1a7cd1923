import { type Kysely, sql } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen once shipped: monthly bulletins (工作通报): drafts, issued versions and their files.
// One row per revision of a plan's month. A draft is edited in place (versioned); issuing freezes
// it and keeps the exact .docx in `blobs` (by SHA-256, like evidence). After a month's bulletin is
// issued, a correction is a new draft with the next revision number; the issued one stays as it was.

/** Creates the bulletins table, one draft at most per plan and month. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('bulletins'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('plan_id', 'integer', cascadeTo('plans'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    // The editable text blocks and the tables as JSON (BulletinContent in src/shared/bulletins.ts).
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('issued_by_label', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('file_sha256', 'text', (c) => c.references('blobs.sha256'))
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'integer')
    .addUniqueConstraint('bulletins_plan_month_revision', ['plan_id', 'month', 'revision'])
    .execute();
  // A partial unique index (same syntax on SQLite and PostgreSQL): two supervisors generating the
  // same month at once cannot both open a draft.
  await s
    .createIndex('bulletins_one_draft')
    .on('bulletins')
    .columns(['plan_id', 'month'])
    .unique()
    .where(sql.ref('state'), '=', 'draft')
    .execute();
  await s.createIndex('bulletins_org_plan').on('bulletins').columns(['organization_id', 'plan_id']).execute();
}

/** Drops what up created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('bulletins').execute();
}
