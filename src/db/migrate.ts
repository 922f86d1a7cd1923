import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import * as m0001 from './migrations/0001-initial.ts';
import * as m0002 from './migrations/0002-item-indicators.ts';
import * as m0005 from './migrations/0005-accounts.ts';
import * as m0006 from './migrations/0006-calendar.ts';
import * as m0007 from './migrations/0007-jobs.ts';
import * as m0008 from './migrations/0008-notifications.ts';
import * as m0009 from './migrations/0009-supervision.ts';
import * as m0010 from './migrations/0010-findings.ts';
import * as m0011 from './migrations/0011-bulletins.ts';
import * as m0012 from './migrations/0012-evaluations.ts';
import * as m0013 from './migrations/0013-plan-succession.ts';
import * as m0014 from './migrations/0014-data-versions.ts';
import * as m0015 from './migrations/0015-report-completions.ts';
import * as m0016 from './migrations/0016-account-security.ts';
import * as m0017 from './migrations/0017-audit-chain.ts';
import * as m0018 from './migrations/0018-calendar-per-organization.ts';
import * as m0019 from './migrations/0019-collection-rounds.ts';
import { isPostgres } from './migrations/column-types.ts';

// Migrations are listed here rather than read from a folder so that they work the same from
// source (tsx), from a bundle and in tests, and so their order can never depend on the disk.
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-item-indicators': m0002,
  '0005-accounts': m0005,
  '0006-calendar': m0006,
  '0007-jobs': m0007,
  '0008-notifications': m0008,
  '0009-supervision': m0009,
  '0010-findings': m0010,
  '0011-bulletins': m0011,
  '0012-evaluations': m0012,
  '0013-plan-succession': m0013,
  '0014-data-versions': m0014,
  '0015-report-completions': m0015,
  '0016-account-security': m0016,
  '0017-audit-chain': m0017,
  '0018-calendar-per-organization': m0018,
  '0019-collection-rounds': m0019,
};

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // Kysely looks for its migration tables in every schema unless told which one; with several
  // schemas on one PostgreSQL server (test runs, deployments) it would find another's and skip
  // creating its own, so name the connection's current schema explicitly.
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The names of every migration this version of Duban knows, oldest first. */
export function migrationNames(): string[] {
  return Object.keys(migrations).sort();
}

/** Applies pending migrations up to and including `name` (restoring an older backup before upgrading it). */
export async function migrateUpTo(db: Kysely<unknown>, name: string): Promise<void> {
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateTo(name);
  if (result.error) throw result.error;
}
