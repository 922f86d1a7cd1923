import { type Kysely, sql } from 'kysely';
import type { Database } from '../connect.ts';
import { migrateToLatest, migrateUpTo, migrationNames } from '../migrate.ts';
import { BackupError } from './backup-error.ts';
import { readCatalog, type TableInfo } from './catalog.ts';
import { type BackupHeader, decodeValue } from './format.ts';
import { backupMessages as m } from './messages.ts';
import { readBackup } from './read-backup.ts';
import { appliedMigrations } from './write-backup.ts';

/** What a restore loaded. */
export interface RestoreSummary {
  header: BackupHeader;
  rows: number;
  /** Migrations applied after loading, to bring an older backup up to this version. */
  upgraded: string[];
}

// Tables the migrations themselves fill (the public holidays): rows there do not make a database
// "in use", and the backup's own rows replace them.
const FILLED_BY_MIGRATIONS: ReadonlySet<string> = new Set(['calendar_days']);

// Stay well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const PARAMETERS_PER_INSERT = 30_000;
const BYTES_PER_INSERT = 8 * 1024 * 1024;

/**
 * Restores a backup into an empty database (opened without migrating): verifies the whole file
 * first, refuses a database already in use, brings the schema to the backup's migrations, loads
 * every row in one transaction (all or nothing), then applies any newer migrations.
 */
export async function restoreDatabase(database: Database, file: string): Promise<RestoreSummary> {
  const header = await readBackup(file);
  const known = migrationNames();
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new BackupError(m.migrationsTooNew(unknown));
  if (header.migrations.some((name, i) => known[i] !== name)) throw new BackupError(m.migrationsMismatch);
  const db = database.db as Kysely<unknown>;
  const applied = await appliedMigrations(db, database.dialect);
  await assertEmpty(database);
  if (applied.length > header.migrations.length || applied.some((name, i) => header.migrations[i] !== name))
    throw new BackupError(m.targetNewer(database.description));
  const last = header.migrations.at(-1);
  if (last) await migrateUpTo(db, last);
  const catalog = new Map((await readCatalog(db, database.dialect)).map((t) => [t.name, t]));
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    if (database.dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
    for (const name of FILLED_BY_MIGRATIONS)
      if (catalog.has(name)) await sql`delete from ${sql.table(name)}`.execute(trx);
    let loader: TableLoader | undefined;
    await readBackup(file, {
      table: async (name, columns) => {
        await loader?.finish();
        const table = catalog.get(name);
        if (!table) throw new BackupError(m.unknownTable(name));
        const missing = columns.find((c) => !table.columns.includes(c));
        if (missing) throw new BackupError(m.unknownColumn(name, missing));
        loader = new TableLoader(trx as Kysely<unknown>, table, columns);
      },
      row: async (values) => {
        rows += 1;
        await loader?.add(values.map(decodeValue));
      },
    });
    await loader?.finish();
    if (database.dialect === 'postgres') await resetIdentities(trx as Kysely<unknown>, [...catalog.values()]);
  });
  const upgraded = await migrateToLatest(db);
  return { header, rows, upgraded };
}

/** Throws when any table outside those the migrations fill has a row. */
async function assertEmpty(database: Database): Promise<void> {
  const db = database.db as Kysely<unknown>;
  const used: string[] = [];
  for (const table of await readCatalog(db, database.dialect)) {
    if (FILLED_BY_MIGRATIONS.has(table.name)) continue;
    const { rows } = await sql<{
      one: number;
    }>`select 1 as one from ${sql.table(table.name)} limit 1`.execute(db);
    if (rows.length > 0) used.push(table.name);
  }
  if (used.length > 0) throw new BackupError(m.notEmpty(database.description, used));
}

type Value = ReturnType<typeof decodeValue>;

/** Inserts one table's rows in batches; a table that references itself is loaded parents first. */
class TableLoader {
  readonly #pending: Value[][] = [];
  #pendingBytes = 0;
  readonly #selfReferences: number[];

  constructor(
    readonly db: Kysely<unknown>,
    readonly table: TableInfo,
    readonly columns: string[],
  ) {
    this.#selfReferences = table.references
      .filter((r) => r.table === table.name)
      .map((r) => columns.indexOf(r.column))
      .filter((i) => i >= 0);
  }

  async add(values: Value[]): Promise<void> {
    this.#pending.push(values);
    for (const value of values) if (Buffer.isBuffer(value)) this.#pendingBytes += value.length;
    if (this.#selfReferences.length > 0) return;
    if (
      this.#pending.length * this.columns.length >= PARAMETERS_PER_INSERT ||
      this.#pendingBytes >= BYTES_PER_INSERT
    )
      await this.#flush(this.#pending.splice(0));
  }

  async finish(): Promise<void> {
    const rows = this.#selfReferences.length > 0 ? this.#parentsFirst() : this.#pending.splice(0);
    const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / this.columns.length));
    for (let start = 0; start < rows.length; start += perInsert)
      await this.#flush(rows.slice(start, start + perInsert));
  }

  // PostgreSQL checks a foreign key at the end of each statement, so a child must not come in an
  // earlier batch than its parent.
  #parentsFirst(): Value[][] {
    const idIndex = this.columns.indexOf('id');
    const rows = this.#pending.splice(0);
    if (idIndex < 0) return rows;
    const placed = new Set<Value>();
    const ordered: Value[][] = [];
    let remaining = rows;
    while (remaining.length > 0) {
      const next = remaining.filter(
        (row) => !this.#selfReferences.every((i) => row[i] === null || placed.has(row[i] ?? null)),
      );
      for (const row of remaining) {
        if (next.includes(row)) continue;
        ordered.push(row);
        placed.add(row[idIndex] ?? null);
      }
      // A cycle (never made by Duban) is loaded as it stands and left to the foreign key check.
      if (next.length === remaining.length) return [...ordered, ...next];
      remaining = next;
    }
    return ordered;
  }

  async #flush(rows: Value[][]): Promise<void> {
    this.#pendingBytes = 0;
    if (rows.length === 0) return;
    const columnList = sql.join(this.columns.map((c) => sql.ref(c)));
    const tuples = sql.join(rows.map((row) => sql`(${sql.join(row)})`));
    await sql`insert into ${sql.table(this.table.name)} (${columnList}) values ${tuples}`.execute(this.db);
  }
}

// Rows were inserted with their ids; move each identity on so the next insert does not collide.
async function resetIdentities(db: Kysely<unknown>, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    if (!table.columns.includes('id')) continue;
    // Only integer identities have a sequence (jobs.id, for one, is text).
    const { rows } = await sql<{ seq: string | null }>`
      select pg_get_serial_sequence(${table.name}::text, 'id') as seq`.execute(db);
    const seq = rows[0]?.seq;
    if (!seq) continue;
    await sql`
      select setval(${seq}::regclass, max(id)::bigint) from ${sql.table(table.name)}
      having count(*) > 0`.execute(db);
  }
}
