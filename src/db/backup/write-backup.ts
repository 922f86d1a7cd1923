import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { type Database, type DialectName, openDatabase } from '../connect.ts';
import { BackupError } from './backup-error.ts';
import { insertionOrder, readCatalog } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupHeader, encodeValue } from './format.ts';
import { backupMessages as m } from './messages.ts';

const { version: dubanVersion } = JSON.parse(
  readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** What a finished backup holds. */
export interface BackupSummary {
  file: string;
  header: BackupHeader;
  /** Size of the backup file in bytes. */
  bytes: number;
}

/** Options of backupDatabase. */
export interface BackupOptions {
  /** The clock for the header's createdAt. */
  now?: () => Date;
  /** Overwrite an existing file. */
  force?: boolean;
}

/**
 * Writes a consistent backup of a live database to `file`: SQLite through its online backup API
 * (a snapshot copy, then dumped), PostgreSQL inside one read-only repeatable-read transaction. The
 * file appears only when complete (written beside it, then renamed).
 */
export async function backupDatabase(
  database: Database,
  file: string,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const target = resolve(file);
  if (existsSync(target) && !options.force) throw new BackupError(m.fileExists(target));
  const scratch = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}`);
  const bodyFile = `${scratch}.body`;
  const partial = `${scratch}.partial`;
  try {
    const dump = await guarded(target, () => dumpConsistently(database, bodyFile, `${scratch}.snapshot.db`));
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      dubanVersion,
      dialect: database.dialect,
      createdAt: (options.now ?? (() => new Date()))().toISOString(),
      migrations: dump.migrations,
      tables: dump.tables,
      bodySha256: dump.sha256,
      bodyBytes: dump.bytes,
    };
    await guarded(target, async () => {
      const out = createWriteStream(partial);
      out.write(gzipSync(`${JSON.stringify(header)}\n`));
      await pipeline(createReadStream(bodyFile), out);
      const fd = openSync(partial, 'r+');
      fsyncSync(fd);
      closeSync(fd);
      renameSync(partial, target);
    });
    return { file: target, header, bytes: statSync(target).size };
  } finally {
    for (const leftover of [bodyFile, partial]) rmSync(leftover, { force: true });
  }
}

// Disk full, a missing folder, no permission: one Chinese line naming the file.
async function guarded<T>(target: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
      throw new BackupError(m.cannotWrite(target, `${code}（${(error as Error).message}）`));
    throw error;
  }
}

interface Dump {
  migrations: string[];
  tables: Record<string, number>;
  sha256: string;
  bytes: number;
}

async function dumpConsistently(database: Database, bodyFile: string, snapshotFile: string): Promise<Dump> {
  if (database.dialect === 'postgres') {
    // One snapshot for every table: what pg_dump does too.
    return (database.db as Kysely<unknown>)
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((trx) => dumpTables(trx, 'postgres', bodyFile));
  }
  if (!database.sqlite) throw new Error('SQLite connection without its native handle');
  // The online backup API copies the live database page by page into a snapshot that no one
  // else writes to; writes during the copy restart or are carried into it, so it is consistent.
  await database.sqlite.backup(snapshotFile);
  const snapshot = await openDatabase({ url: `sqlite:${snapshotFile}`, migrate: false });
  try {
    return await dumpTables(snapshot.db as Kysely<unknown>, 'sqlite', bodyFile);
  } finally {
    await snapshot.close();
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${snapshotFile}${suffix}`, { force: true });
  }
}

/** Rows fetched per query; tables with files take fewer at a time to bound memory. */
const BATCH_ROWS = 1_000;
const BATCH_ROWS_WITH_BYTES = 20;

async function dumpTables(db: Kysely<unknown>, dialect: DialectName, bodyFile: string): Promise<Dump> {
  const catalog = await readCatalog(db, dialect);
  const migrations = await appliedMigrations(db, dialect);
  const hash = createHash('sha256');
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(bodyFile));
  let bytes = 0;
  const writeLine = async (value: unknown) => {
    const buffer = Buffer.from(`${JSON.stringify(value)}\n`, 'utf8');
    hash.update(buffer);
    bytes += buffer.length;
    if (!gzip.write(buffer)) await once(gzip, 'drain');
  };
  const tables: Record<string, number> = {};
  try {
    // Parents before children, so a restore can insert in file order with foreign keys on.
    for (const table of insertionOrder(catalog)) {
      await writeLine({ table: table.name, columns: table.columns });
      const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
      const batch = table.name === 'blobs' ? BATCH_ROWS_WITH_BYTES : BATCH_ROWS;
      let count = 0;
      for (;;) {
        const { rows } = await sql<Record<string, unknown>>`
          select ${sql.join(table.columns.map((c) => sql.ref(c)))} from ${sql.table(table.name)}
          order by ${sql.join(order.map((c) => sql.ref(c)))} limit ${batch} offset ${count}`.execute(db);
        for (const row of rows) await writeLine(table.columns.map((c) => encodeValue(row[c])));
        count += rows.length;
        if (rows.length < batch) break;
      }
      tables[table.name] = count;
    }
  } finally {
    gzip.end();
    await done;
  }
  return { migrations, tables, sha256: hash.digest('hex'), bytes };
}

/** The migrations applied to a database, oldest first (none when it was never migrated). */
export async function appliedMigrations(db: Kysely<unknown>, dialect: DialectName): Promise<string[]> {
  // Asked of the catalog first: on PostgreSQL a failed query would abort the dump's transaction.
  const exists =
    dialect === 'postgres'
      ? await sql<{ found: string | null }>`select to_regclass('kysely_migration')::text as found`.execute(db)
      : await sql<{ found: string | null }>`
          select name as found from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(
          db,
        );
  if (!exists.rows[0]?.found) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}
