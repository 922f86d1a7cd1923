import type { Kysely } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen once shipped: in-app notifications, an optional e-mail address per user, and what the
// reminder log needs to be idempotent per day and to show its retries.

/** Creates notifications, adds users.email and reminders.day/attempts with the idempotency index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('notifications'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('user_id', 'integer', cascadeTo('users'))
    // 'digest' | 'urge' | 'test' …: what produced it.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // A web app address (e.g. /items/12), or null.
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_by_user')
    .on('notifications')
    .columns(['user_id', 'read_at', 'id'])
    .execute();

  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  // The Asia/Shanghai day a daily reminder belongs to (null for manual 催办), and how many
  // delivery tries it took.
  await db.schema.alterTable('reminders').addColumn('day', 'text').execute();
  await db.schema
    .alterTable('reminders')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('reminders_by_day')
    .on('reminders')
    .columns(['organization_id', 'day', 'kind', 'channel', 'recipient_user_id'])
    .execute();
  await db.schema
    .createIndex('reminders_by_time')
    .on('reminders')
    .columns(['organization_id', 'scheduled_for'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reminders_by_time').execute();
  await db.schema.dropIndex('reminders_by_day').execute();
  await db.schema.alterTable('reminders').dropColumn('attempts').execute();
  await db.schema.alterTable('reminders').dropColumn('day').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
  await db.schema.dropTable('notifications').execute();
}
