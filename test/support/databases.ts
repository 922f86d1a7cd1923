import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { type Database, type DialectName, openDatabase } from '../../src/db/connect.ts';

/** The PostgreSQL server database-backed tests use; each run gets its own schema in it. */
export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await probePostgres();
if (postgresProblem && process.env.CI !== 'true') {
  console.warn(
    `PostgreSQL 不可用（${testPostgresUrl}：${postgresProblem}）——本机跳过 PostgreSQL 部分的数据库测试。`,
  );
}

/** Whether this run skips PostgreSQL (unreachable and not on CI); the warning line was already printed. */
export function skipsPostgres(): boolean {
  return postgresProblem !== null && process.env.CI !== 'true';
}

/** Opens a fresh, migrated, empty database of the given dialect. */
export async function openTestDatabase(dialect: DialectName): Promise<Database> {
  if (dialect === 'sqlite') return openDatabase({ url: 'sqlite::memory:' });
  if (postgresProblem) throw new Error(`PostgreSQL 不可用：${postgresProblem}`);
  const run = process.env.DUBAN_TEST_RUN ?? 'tlocal';
  const schema = `${run}_${randomBytes(5).toString('hex')}`;
  // The schema is dropped after the whole run (test/support/global-setup.ts), not here.
  return openDatabase({ url: testPostgresUrl, schema });
}

/** Options for describeEachDatabase. */
export interface EachDatabaseOptions {
  /** 'each' (default): a new database per test; 'all': one for the whole block. */
  fresh?: 'each' | 'all';
}

/**
 * Runs a block of tests once on SQLite and once on PostgreSQL. Off CI, an unreachable PostgreSQL
 * skips its half with one warning line; on CI (CI=true) it fails the run.
 */
export function describeEachDatabase(
  name: string,
  body: (current: () => Database, dialect: DialectName) => void,
  options: EachDatabaseOptions = {},
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const skip = dialect === 'postgres' && postgresProblem !== null && process.env.CI !== 'true';
    (skip ? describe.skip : describe)(`${name} [${dialect}]`, () => {
      let database: Database | undefined;
      const open = async () => {
        database = await openTestDatabase(dialect);
      };
      const close = async () => {
        await database?.close();
        database = undefined;
      };
      if (options.fresh === 'all') {
        beforeAll(open);
        afterAll(close);
      } else {
        beforeEach(open);
        afterEach(close);
      }
      body(() => {
        if (!database) throw new Error('database not open');
        return database;
      }, dialect);
    });
  }
}
