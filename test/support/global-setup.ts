import { randomBytes } from 'node:crypto';
import pg from 'pg';

// PostgreSQL test schemas are dropped once, after the whole run, not by each test: Kysely's
// migrator lists every table on the server, and a schema dropped by a parallel test file in the
// middle of that listing makes it fail ("relation … does not exist").

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Gives this run a schema prefix; test workers inherit it through the environment. */
export function setup(): void {
  process.env.DUBAN_TEST_RUN = `t${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
}

/** Drops every schema this run created. */
export async function teardown(): Promise<void> {
  const run = process.env.DUBAN_TEST_RUN;
  if (!run) return;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      'select nspname as name from pg_namespace where nspname like $1',
      [`${run}\\_%`],
    );
    for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
  } catch {
    // PostgreSQL unreachable: nothing was created on it.
  } finally {
    await client.end().catch(() => {});
  }
}
