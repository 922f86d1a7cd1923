import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';

/**
 * A fingerprint of everything stored: every table's rows, sorted, hashed. Two equal fingerprints
 * mean nothing was inserted, updated or deleted in between (row counts alone would miss updates).
 */
export async function databaseFingerprint(database: Database): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const table of await tableNames(database)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      database.db,
    );
    const lines = rows.map((row) => JSON.stringify(row, (_key, value) => normalize(value))).sort();
    fingerprint[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return fingerprint;
}

// PostgreSQL hands back bigints as strings and bytea as Buffers; both must hash the same every time.
function normalize(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return createHash('sha256').update(value).digest('hex');
  return value;
}

/** The tables of this database (on PostgreSQL: of its own schema only; test runs share a server). */
export async function tableNames(database: Database): Promise<string[]> {
  const { rows } =
    database.dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          database.db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db);
  return rows.map((r) => r.name).sort();
}
