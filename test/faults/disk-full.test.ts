import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../scripts/demo-data.ts';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import type { DB } from '../../src/db/schema.ts';
import { login, multipartBody, testApp } from '../support/http.ts';
import { FAULT_CLOCK, type Slot, seedClerks } from './support.ts';

// The disk fills up, or the data folder stops being writable, in the middle of an upload. Real
// SQLite failures, provoked without mounting anything: PRAGMA max_page_count makes SQLite answer
// SQLITE_FULL exactly where a full disk would, and a connection opened read-only gets the
// SQLITE_READONLY an unwritable file or folder gives (root ignores file modes, so chmod cannot).
// Either way: a clear Chinese 503, nothing stored, and the same upload works once there is room.
// PostgreSQL's disk full (SQLSTATE 53100) maps to the same answer but is not provoked here: that
// would need a tablespace on a small filesystem, which CI cannot mount.

let dataDir: string | undefined;
let database: Database | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await database?.close();
  database = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** A text file of about `kb` KB, different every time (so it is a new blob). */
function evidence(kb: number): Buffer {
  const line = `会议纪要与签到表扫描件说明 ${randomBytes(16).toString('hex')}\n`;
  return Buffer.from(line.repeat(Math.ceil((kb * 1024) / Buffer.byteLength(line))), 'utf8');
}

async function counts(db: Kysely<DB>) {
  const result: Record<string, number> = {};
  for (const table of ['reports', 'evidence', 'blobs', 'audit_log'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

async function setUp() {
  dataDir = mkdtempSync(join(tmpdir(), 'duban-full-'));
  const path = join(dataDir, 'duban.db');
  database = await openDatabase({ url: `sqlite:${path}` });
  const slots = await seedClerks(database);
  const slot = slots[0] as Slot;
  return { path, slot };
}

const fileIt = (app: FastifyInstance, headers: Record<string, string>, slot: Slot, bytes: Buffer) => {
  const body = multipartBody(
    { period: slot.period, status: 'on_track', percent: '40', narrative: '进展：已完成阶段任务' },
    [{ name: '会议纪要.txt', bytes }],
  );
  return app.inject({
    method: 'POST',
    url: `/api/tasks/${slot.taskId}/reports`,
    headers: { ...headers, 'content-type': body.type },
    payload: body.payload,
  });
};

describe('a full disk or an unwritable data folder during an upload', () => {
  it('answers 503 "存储空间已满", stores nothing, and takes the same upload once there is room', async () => {
    const { slot } = await setUp();
    if (!database) throw new Error('no database');
    app = await testApp(database, { now: () => new Date(FAULT_CLOCK) });
    const clerk = await login(app, slot.username, DEMO_PASSWORD);
    const before = await counts(database.db);
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(database.db);
    // A few pages of room: enough for a login's bookkeeping, not for a 600 KB file.
    await sql.raw(`pragma max_page_count = ${(rows[0]?.page_count ?? 0) + 4}`).execute(database.db);
    const bytes = evidence(600);
    const full = await fileIt(app, clerk.headers, slot, bytes);
    expect(full.statusCode, full.body).toBe(503);
    expect(full.json()).toMatchObject({
      error: {
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/^服务器存储空间已满，本次操作（含上传的文件）未保存/),
      },
    });
    expect(await counts(database.db)).toEqual(before);
    const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db);
    expect(check.rows).toEqual([{ integrity_check: 'ok' }]);

    await sql`pragma max_page_count = 1073741823`.execute(database.db);
    const roomy = await fileIt(app, clerk.headers, slot, bytes);
    expect(roomy.statusCode, roomy.body).toBe(201);
    const after = await counts(database.db);
    const grew = Object.fromEntries(
      Object.entries(after).map(([table, n]) => [table, n - (before[table] ?? 0)]),
    );
    expect(grew).toEqual({ reports: 1, evidence: 1, blobs: 1, audit_log: 1 });
  }, 60_000);

  it('answers 503 "数据目录当前不可写" on a read-only database and stores nothing', async () => {
    const { path, slot } = await setUp();
    if (!database) throw new Error('no database');
    // Log in while writable (the session is a row), then serve the same file through a read-only
    // connection: what the server meets when its data folder turns read-only under it.
    const writable = await testApp(database, { now: () => new Date(FAULT_CLOCK) });
    const clerk = await login(writable, slot.username, DEMO_PASSWORD);
    await writable.close();
    const before = await counts(database.db);
    const readOnly = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: readOnly }) });
    app = await testApp(
      { db, dialect: 'sqlite', description: `SQLite ${path}（只读）`, close: () => db.destroy() },
      { now: () => new Date(FAULT_CLOCK) },
    );
    const refused = await fileIt(app, clerk.headers, slot, evidence(64));
    await app.close();
    app = undefined;
    await db.destroy();
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.json()).toMatchObject({
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/数据目录当前不可写.*未保存/) },
    });
    expect(await counts(database.db)).toEqual(before);
  }, 60_000);
});
