import { type Kysely, sql } from 'kysely';
import { cascadeTo, withId } from './column-types.ts';

// Frozen once shipped: account security to 等保 2.0 level 3 (issue 14). Passwords age, a second
// factor (TOTP with one-time recovery codes) may be required, a session may wait for that second
// step, and failed logins are kept one per row so delays can be computed per account, per address
// and per number of distinct addresses. SQLite takes one ALTER per statement.

/** Adds the password age, TOTP columns, session stage, recovery codes and login failures. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.alterTable('users').addColumn('password_changed_at', 'text').execute();
  // The enrolled TOTP secret (base32); never sent to any client after enrolment.
  await s.alterTable('users').addColumn('totp_secret', 'text').execute();
  // A secret shown on the enrolment page, until a first code proves the phone has it.
  await s.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
  await s.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
  // The last TOTP step accepted, so one code cannot be used twice.
  await s.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  // Existing passwords count as set when the account was created.
  await sql`update users set password_changed_at = created_at`.execute(db);
  // 'full' once logged in; 'totp', 'enrol' or 'password' while a step of the login is missing.
  await s
    .alterTable('sessions')
    .addColumn('stage', 'text', (c) => c.notNull().defaultTo('full'))
    .execute();

  await withId(db, s.createTable('recovery_codes'))
    .addColumn('user_id', 'integer', cascadeTo('users'))
    // SHA-256 of the code: the codes are random, so a fast hash is enough.
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await s.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

  await withId(db, s.createTable('login_failures'))
    // The lower-cased username tried (it may name no account).
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    // The organization of the account when it exists, so a security administrator sees only theirs.
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('login_failures_account').on('login_failures').columns(['account', 'at']).execute();
  await s.createIndex('login_failures_address').on('login_failures').columns(['address', 'at']).execute();
  await s.createIndex('login_failures_at').on('login_failures').column('at').execute();
}

/** Drops what up added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await s.dropTable('login_failures').execute();
  await s.dropTable('recovery_codes').execute();
  await s.alterTable('sessions').dropColumn('stage').execute();
  for (const column of [
    'totp_last_step',
    'totp_enabled_at',
    'totp_pending_secret',
    'totp_secret',
    'password_changed_at',
  ]) {
    await s.alterTable('users').dropColumn(column).execute();
  }
}
