import type { Kysely } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen once shipped: findings to rectify (问题整改). The findings table came with 0001; this adds
// where an escalated finding came from, the inspection that recorded it, its history, and the
// monthly inspections (月度检查) schools and departments file.

/** Adds the findings' history and escalation columns and the monthly inspections. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('inspections'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('unit_id', 'integer', cascadeTo('units'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    // item_id or 0: a unique key over a nullable column would let NULLs repeat on both databases.
    .addColumn('item_key', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    .addColumn('filed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspections_unit_period', ['organization_id', 'unit_id', 'period', 'item_key'])
    .execute();
  await s
    .createIndex('inspections_period')
    .on('inspections')
    .columns(['organization_id', 'period'])
    .execute();

  // SQLite adds one column per ALTER TABLE statement.
  await s
    .alterTable('findings')
    .addColumn('escalated_from_unit_id', 'integer', (c) => c.references('units.id'))
    .execute();
  await s
    .alterTable('findings')
    .addColumn('inspection_id', 'integer', (c) => c.references('inspections.id'))
    .execute();
  await s.alterTable('findings').addColumn('updated_at', 'text').execute();
  await s.createIndex('findings_org_status').on('findings').columns(['organization_id', 'status']).execute();
  await s.createIndex('findings_unit').on('findings').columns(['unit_id']).execute();

  await withId(db, s.createTable('finding_events'))
    .addColumn('finding_id', 'integer', cascadeTo('findings'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // The unit concerned: who rectified, escalated, or was assigned.
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('due_on', 'text')
    .addColumn('by_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('by_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('finding_events_finding').on('finding_events').columns(['finding_id']).execute();
}

/** Removes what up added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropTable('finding_events').execute();
  await s.dropIndex('findings_unit').execute();
  await s.dropIndex('findings_org_status').execute();
  await s.alterTable('findings').dropColumn('updated_at').execute();
  await s.alterTable('findings').dropColumn('inspection_id').execute();
  await s.alterTable('findings').dropColumn('escalated_from_unit_id').execute();
  await s.dropTable('inspections').execute();
}
