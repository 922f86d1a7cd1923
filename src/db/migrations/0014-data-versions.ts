import type { Kysely } from 'kysely';

// Frozen once shipped: versions per organization (scope 0: data shared by all, the holiday
// calendar) renewed by every write, so servers can cache what they computed from that data. Each
// scope has a few shards: a write renews one at random, so concurrent writes of one organization
// do not queue on one row lock (held until the commit is flushed) on PostgreSQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('scope', 'integer', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('data_versions_pk', ['scope', 'shard'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_versions').execute();
}
