import { type Kysely, sql } from 'kysely';
import { withId } from './column-types.ts';

// Frozen once shipped: the working-day calendar per organization (issue 14, tenant isolation).
// calendar_days was one table for every bureau on a server, so one bureau's administrator changed
// everyone's holidays. Now a row with organization_id null is the national default (the State
// Council's announcements, changed only by `duban calendar import`), and a bureau's own row for a
// date overrides the default for that bureau alone. SQLite cannot change a primary key, so the
// table is rebuilt with the existing rows kept as national defaults. Two partial unique indexes,
// because a plain unique (organization_id, date) lets any number of null rows share a date.

/** Rebuilds calendar_days with an id and a nullable organization_id; keeps every row as a default. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable('calendar_days_by_organization'))
    // Null: the national default every organization shares.
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await sql`insert into calendar_days_by_organization (organization_id, date, kind, name, updated_at)
    select null, date, kind, name, updated_at from calendar_days order by date`.execute(db);
  await db.schema.dropTable('calendar_days').execute();
  await db.schema.alterTable('calendar_days_by_organization').renameTo('calendar_days').execute();
  await db.schema
    .createIndex('calendar_days_national')
    .on('calendar_days')
    .column('date')
    .unique()
    .where(sql.ref('organization_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('calendar_days_of_organization')
    .on('calendar_days')
    .columns(['organization_id', 'date'])
    .unique()
    .where(sql.ref('organization_id'), 'is not', null)
    .execute();
}

/** Back to one shared table: the national defaults stay, every organization's own days are dropped. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days_shared')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await sql`insert into calendar_days_shared (date, kind, name, updated_at)
    select date, kind, name, updated_at from calendar_days where organization_id is null`.execute(db);
  await db.schema.dropIndex('calendar_days_of_organization').execute();
  await db.schema.dropIndex('calendar_days_national').execute();
  await db.schema.dropTable('calendar_days').execute();
  await db.schema.alterTable('calendar_days_shared').renameTo('calendar_days').execute();
}
