import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

// Kysely prepares every query anew; compiling the SQL each time costs more than running a small
// indexed query. Queries are built from a fixed set of shapes, so a bounded cache of prepared
// statements keyed by their text serves nearly every query from memory. Kysely runs one query at a
// time on the connection (and holds it for a streamed query), so a statement is never in use twice.
const MAX_STATEMENTS = 1_000;

/** The SQLite handle Kysely's dialect takes, preparing each distinct SQL text once. */
export function withStatementCache(sqlite: SqliteDatabase): KyselySqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        // Simple eviction: texts beyond the bound are rare (very long IN lists), start afresh.
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  } as KyselySqliteDatabase;
}
