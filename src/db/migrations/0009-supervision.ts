import type { Kysely } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen once shipped: the history of each supervision notice (督办单: issued, replied, returned,
// accepted, with the words of each step) and the private iCal feed tokens. The notice number's
// uniqueness (organization, year, seq) already exists since 0001.

/** Creates supervision_notice_events and ical_tokens, and indexes the notices for their lists. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('supervision_notice_events'))
    .addColumn('notice_id', 'integer', cascadeTo('supervision_notices'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('supervision_notice_events_notice')
    .on('supervision_notice_events')
    .column('notice_id')
    .execute();
  await s
    .createIndex('supervision_notices_org_status')
    .on('supervision_notices')
    .columns(['organization_id', 'status'])
    .execute();
  await s.createIndex('supervision_notices_unit').on('supervision_notices').column('unit_id').execute();
  await s.createIndex('supervision_notices_item').on('supervision_notices').column('item_id').execute();

  await withId(db, s.createTable('ical_tokens'))
    .addColumn('user_id', 'integer', cascadeTo('users'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await s.createIndex('ical_tokens_user').on('ical_tokens').column('user_id').execute();
}

/** Drops what up created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropTable('ical_tokens').execute();
  await s.dropIndex('supervision_notices_item').execute();
  await s.dropIndex('supervision_notices_unit').execute();
  await s.dropIndex('supervision_notices_org_status').execute();
  await s.dropTable('supervision_notice_events').execute();
}
