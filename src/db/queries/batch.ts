// Statements over many rows or many ids, cut so none exceeds a database's bind-parameter limit:
// SQLite allows 32,766 variables per statement (999 before 3.32), PostgreSQL 65,535 (the count is a
// 16-bit field of the wire protocol, so more fails as a protocol error). A notice of 10,000 items
// writes 10,000 items, tasks and indicators; kept far below both limits, a chunk is also small
// enough that neither database plans a statement slowly.

/** At most this many bound parameters in one statement (SQLite's historical limit). */
export const MAX_PARAMETERS = 999;
/** At most this many rows in one multi-row INSERT. */
export const MAX_ROWS = 500;

/** Cuts `values` into consecutive chunks of at most `size` (at least 1) elements. */
export function chunk<T>(values: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += step) chunks.push(values.slice(i, i + step));
  return chunks;
}

/** Rows per INSERT for rows of `columns` values each: within MAX_PARAMETERS and MAX_ROWS. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, columns))));
}

/** `rows` cut into chunks small enough for one INSERT each (column count read from the widest row). */
export function insertChunks<R>(rows: readonly R[]): R[][] {
  let columns = 1;
  for (const row of rows) columns = Math.max(columns, Object.keys(row as object).length);
  return chunk(rows, rowsPerInsert(columns));
}

/** Inserts `rows` with one statement per chunk, in order; no rows, no statement. */
export async function insertInChunks<R>(
  rows: readonly R[],
  insert: (chunk: R[]) => Promise<unknown>,
): Promise<void> {
  for (const part of insertChunks(rows)) await insert(part);
}

/**
 * Inserts `rows` with one statement per chunk, in order, and concatenates what each returned (ids
 * in row order, say, with idsInRowOrder).
 */
export async function insertReturningInChunks<R, T>(
  rows: readonly R[],
  insert: (chunk: R[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (const part of insertChunks(rows)) for (const value of await insert(part)) out.push(value);
  return out;
}

/**
 * Runs a statement with an `in (…)` list once per chunk of `keys` (at most `size`, default leaves
 * room for a few other parameters) and concatenates the results; no keys, no statement.
 */
export async function inChunks<K, T>(
  keys: readonly K[],
  run: (chunk: K[]) => Promise<T[]>,
  size = MAX_PARAMETERS - 99,
): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunk(keys, size)) for (const value of await run(part)) out.push(value);
  return out;
}

/**
 * Ids returned by a multi-row INSERT … RETURNING id, in the order of the inserted rows. Both
 * databases number the rows of one INSERT in increasing order (SQLite's rowid, PostgreSQL's
 * sequence evaluated row by row) but neither promises the order of RETURNING, so sort.
 */
export function idsInRowOrder(rows: ReadonlyArray<{ id: number }>): number[] {
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}
