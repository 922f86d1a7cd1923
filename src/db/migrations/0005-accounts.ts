import type { Kysely } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen once shipped: sessions, API tokens and login throttling live in the database so that
// several Duban servers behind one proxy share them.

/** Creates the sessions, api_tokens and login_attempts tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('sessions')
    // The SHA-256 of the cookie's token: a leaked table row cannot be replayed as a cookie.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', cascadeTo('users'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await s.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await s.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

  await withId(db, s.createTable('api_tokens'))
    .addColumn('user_id', 'integer', cascadeTo('users'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await s.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();

  await s
    .createTable('login_attempts')
    // 'account:<username>' or 'address:<ip>'.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
}
