import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';

// Set-based writing for generated data: multi-row INSERTs with ids the generator allocated itself,
// so one statement carries hundreds of rows and the rows can refer to each other before they exist.

/** A value of a generated row. */
export type Cell = string | number | null | Uint8Array;

// Both engines cap the bound parameters of a statement (SQLite 32,766, PostgreSQL 65,535).
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 1_000;
const statements = new Map<string, string>();

// Only full chunks are remembered: a last, shorter chunk of every size would make the cache grow
// with the data.
function statement(
  dialect: DialectName,
  table: string,
  columns: readonly string[],
  rows: number,
  remember: boolean,
): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}`;
  const cached = statements.get(key);
  if (cached) return cached;
  let n = 0;
  const tuple = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(',')})`;
  const values = Array.from({ length: rows }, tuple).join(',');
  const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${values}`;
  if (remember) statements.set(key, text);
  return text;
}

/** Inserts rows (each a list of cells in `columns` order) in as few statements as the engine allows. */
export async function insertRows(
  db: Kysely<DB>,
  dialect: DialectName,
  table: keyof DB & string,
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: Cell[] = [];
    for (const row of chunk) for (const cell of row) parameters.push(cell);
    const text = statement(dialect, table, columns, chunk.length, chunk.length === perStatement);
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}

/** The next free id of a table (its largest id + 1). */
export async function nextId(db: Kysely<DB>, table: keyof DB & string): Promise<number> {
  const row = await sql<{
    id: number | string | null;
  }>`select max(id) as id from ${sql.table(table)}`.execute(db);
  return Number(row.rows[0]?.id ?? 0) + 1;
}

/**
 * After rows were inserted with explicit ids, moves PostgreSQL's identity sequences past them so
 * the application's own inserts do not collide; SQLite's integer keys need nothing.
 */
export async function syncIdentities(
  db: Kysely<DB>,
  dialect: DialectName,
  tables: ReadonlyArray<keyof DB & string>,
): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const table of tables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    );
  }
}

/** Allocates consecutive ids for one table during a generation step. */
export class IdSequence {
  constructor(private next: number) {}

  /** Takes the next id. */
  take(): number {
    return this.next++;
  }
}
