import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type DialectName, openDatabase } from '../src/db/connect.ts';

/** The Yunxi notice the benchmarks import, defined once beside the other benchmark helpers. */
export { YUNXI_PATH } from './benchmark.ts';

/** The PostgreSQL server benchmarks use; each run gets its own schema, dropped afterwards. */
export const BENCH_POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A benchmark database and how to throw it away afterwards. */
export interface BenchDatabase {
  database: Database;
  dispose: () => Promise<void>;
}

/** Opens an empty, migrated database for a benchmark: a temporary SQLite file or a fresh PostgreSQL schema. */
export async function openBenchDatabase(dialect: DialectName): Promise<BenchDatabase> {
  if (dialect === 'sqlite') {
    // A temporary file, not :memory:, so WAL and fsync costs are part of the figure, as in a deployment.
    const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
    const database = await openDatabase({ url: `sqlite:${join(dir, 'bench.db')}` });
    return {
      database,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const database = await openDatabase({ url: BENCH_POSTGRES_URL, schema });
  return {
    database,
    dispose: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}
