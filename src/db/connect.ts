import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type Driver, Kysely, SqliteDialect, type SqliteDialectConfig, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import { SchemaScopedPostgresDialect } from './postgres-dialect.ts';
import type { DB } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

/** Which database engine a connection talks to. */
export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, its dialect and a way to close it. */
export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Where it points, without any password. */
  description: string;
  /** SQLite only: the better-sqlite3 connection, for its online backup API (src/db/backup/). */
  sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

/** Options for opening a database. */
export interface OpenOptions {
  /** `sqlite:PATH`, `sqlite::memory:` or `postgres://…`; defaults to DATABASE_URL, then sqlite:./data/duban.db. */
  url?: string;
  /** PostgreSQL schema to use (created when missing); lets test runs and deployments share a server. */
  schema?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
}

/** The default database URL: DATABASE_URL, else an SQLite file under ./data. */
export function defaultDatabaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || 'sqlite:./data/duban.db';
}

/** Opens the database a URL names and, unless told otherwise, brings its schema up to date. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = options.url ?? defaultDatabaseUrl();
  const database = /^postgres(ql)?:\/\//i.test(url)
    ? await openPostgres(url, options.schema ?? process.env.DATABASE_SCHEMA)
    : openSqlite(url);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database.db as Kysely<unknown>);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

function openSqlite(url: string): Database {
  if (!url.startsWith('sqlite:')) {
    throw new Error(
      `DATABASE_URL 无法识别：应为 sqlite:路径 或 postgres://…（当前为 ${url.split(':')[0]}:…）`,
    );
  }
  const path = url.slice('sqlite:'.length) || './data/duban.db';
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SqliteDatabase(memory ? ':memory:' : path);
  // WAL lets readers run beside the writer; busy_timeout makes a second process wait, not fail.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialectKeepingErrors(sqlite, withStatementCache(sqlite)) });
  return {
    db,
    dialect: 'sqlite',
    description: memory ? 'SQLite（内存）' : `SQLite ${resolve(path)}`,
    sqlite,
    close: () => db.destroy(),
  };
}

/**
 * SQLite rolls a transaction back by itself on a full disk or an I/O error; Kysely's ROLLBACK then
 * fails with "no transaction is active" and that error would hide the real one (SQLITE_FULL),
 * which the HTTP layer turns into a clear 503. Skip the ROLLBACK when there is nothing to roll back.
 */
class SqliteDialectKeepingErrors extends SqliteDialect {
  readonly #sqlite: SqliteDatabase.Database;

  constructor(sqlite: SqliteDatabase.Database, database: SqliteDialectConfig['database']) {
    super({ database });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.#sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`PostgreSQL 模式名不合法：${schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client can lose its connection when the server restarts; without a listener the
  // pool's 'error' event would crash the process.
  pool.on('error', () => {});
  // The pool listens only to idle clients; one in hand (a transaction between statements, the job
  // runner's claim) that loses its connection would emit an unheard 'error' and end the process.
  // Its next query fails instead and the pool drops it on release, so the error surfaces as a 503.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<DB>({ dialect: new SchemaScopedPostgresDialect({ pool }) });
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    else await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const parsed = new URL(url);
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}${schema ? ` (模式 ${schema})` : ''}`,
    close: () => db.destroy(),
  };
}
