import type { Kysely } from 'kysely';

// Frozen once shipped: completions filed inside a progress report (issue 13). An occurrence may
// belong to the report it was filed with (reviewed with it); a percent promise records the value
// reached, a project the milestone reached. SQLite takes one ALTER per statement, and an added
// REFERENCES column must default to null.

/** Adds occurrences.report_id, occurrences.value and occurrences.milestone. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .alterTable('occurrences')
    .addColumn('report_id', 'integer', (c) => c.references('reports.id').onDelete('set null'))
    .execute();
  await s.alterTable('occurrences').addColumn('value', 'real').execute();
  await s.alterTable('occurrences').addColumn('milestone', 'text').execute();
  await s.createIndex('occurrences_report').on('occurrences').column('report_id').execute();
}

/** Drops what up added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropIndex('occurrences_report').execute();
  await s.alterTable('occurrences').dropColumn('milestone').execute();
  await s.alterTable('occurrences').dropColumn('value').execute();
  await s.alterTable('occurrences').dropColumn('report_id').execute();
}
