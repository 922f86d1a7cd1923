import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { seedDemo } from '../../../scripts/demo-data.ts';
import { describeEachDatabase, testPostgresUrl } from '../../../test/support/databases.ts';
import { addUser } from '../../domain/accounts/add-user.ts';
import { loadActor } from '../../domain/accounts/load-actor.ts';
import type { Context } from '../../domain/context.ts';
import { cliContext } from '../../domain/ensure-organization.ts';
import { submitReport } from '../../domain/submit-report.ts';
import { type Database, type DialectName, openDatabase } from '../connect.ts';
import { migrateUpTo, migrationNames } from '../migrate.ts';
import { listPlanTasks } from '../queries/plan-tasks.ts';
import { BackupError } from './backup-error.ts';
import { readCatalog } from './catalog.ts';
import { readBackup } from './read-backup.ts';
import { restoreDatabase } from './restore-backup.ts';
import { appliedMigrations, backupDatabase } from './write-backup.ts';

const scratch = mkdtempSync(join(tmpdir(), 'duban-backup-'));
const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** A new database of the dialect with no tables at all (the schema is dropped after the run). */
async function openBlank(dialect: DialectName, migrate = false): Promise<Database> {
  const database =
    dialect === 'sqlite'
      ? await openDatabase({
          url: `sqlite:${join(scratch, `${randomBytes(4).toString('hex')}.db`)}`,
          migrate,
        })
      : await openDatabase({
          url: testPostgresUrl,
          schema: `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`,
          migrate,
        });
  opened.push(database);
  return database;
}

const fileName = (name: string) => join(scratch, `${randomBytes(4).toString('hex')}-${name}`);

/** Every row of every table, in primary-key order, bytes as hex: what "equal" means below. */
async function everyRow(database: Database): Promise<Record<string, unknown[]>> {
  const db = database.db as Kysely<unknown>;
  const tables: Record<string, unknown[]> = {};
  for (const table of await readCatalog(db, database.dialect)) {
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.table(table.name)}
      order by ${sql.join(table.primaryKey.map((c) => sql.ref(c)))}`.execute(db);
    tables[table.name] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [
          k,
          v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
        ]),
      ),
    );
  }
  return tables;
}

// Every byte value, so an encoding slip anywhere would show.
const allBytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));

/** A clerk (department user) for each of the first units leading tasks, with their open slots. */
async function clerks(database: Database, units = 4) {
  const system = await cliContext(database, () => new Date('2024-05-20T02:00:00Z'));
  const plan = await database.db.selectFrom('plans').select('id').executeTakeFirstOrThrow();
  const tasks = await listPlanTasks(database.db, plan.id);
  const unitIds = [...new Set(tasks.map((t) => t.lead_unit_id).filter((id) => id !== null))].slice(0, units);
  const work: Array<{ ctx: Context; taskId: number }> = [];
  for (const unitId of unitIds) {
    const unit = await database.db
      .selectFrom('units')
      .select('name')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow();
    const user = await addUser(system, {
      username: `clerk${unitId}`,
      displayName: `${unit.name}填报员`,
      password: 'clerk-pass-2024',
      roles: ['department'],
      unit: unit.name,
    });
    const actor = await loadActor(database.db, user.id);
    if (!actor) throw new Error('clerk not loaded');
    for (const task of tasks.filter((t) => t.lead_unit_id === unitId))
      work.push({ ctx: { ...system, actor }, taskId: task.id });
  }
  return work;
}

describeEachDatabase('backup and restore', (current, dialect) => {
  it('brings back every row and every stored file of a backup taken while reports are being filed', async () => {
    const source = current();
    await seedDemo(source);
    const work = await clerks(source);
    expect(work.length).toBeGreaterThan(6);
    const [first, ...rest] = work;
    await submitReport(first?.ctx as Context, {
      taskId: first?.taskId ?? 0,
      period: '2024-03',
      selfStatus: 'at_risk',
      percent: 12.5,
      narrative: '三月：附会议照片与原始数据',
      files: [
        { fileName: '原始数据.bin', mediaType: 'application/zip', bytes: allBytes },
        { fileName: '会议纪要.txt', mediaType: 'text/plain', bytes: Buffer.from('纪要：全体参加。') },
      ],
    });

    // A writer files report after report (each with its own file) while the backup runs.
    let writing = true;
    const filed: number[] = [];
    const writer = (async () => {
      for (let n = 0; writing && n < 2 * rest.length; n++) {
        const slot = rest[n % rest.length];
        const period = `2024-0${1 + Math.floor(n / rest.length)}`;
        if (!slot) break;
        const result = await submitReport(slot.ctx, {
          taskId: slot.taskId,
          period,
          selfStatus: 'on_track',
          percent: n,
          narrative: `第${n}份`,
          files: [
            { fileName: `第${n}份.txt`, mediaType: 'text/plain', bytes: Buffer.from(`报告 ${n} ${period}`) },
          ],
        });
        filed.push(result.reportId);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const filedAtStart = filed.length;
    const during = fileName('during.jsonl.gz');
    const summary = await backupDatabase(source, during);
    const filedByThen = filed.length;
    writing = false;
    await writer;
    expect(filed.length).toBeGreaterThan(0);

    // What the live backup caught is a consistent moment: each report with its audit entry,
    // each evidence row with its bytes, and nothing the writer had not finished.
    const restoredDuring = await openBlank(dialect);
    const loaded = await restoreDatabase(restoredDuring, during);
    expect(loaded.rows).toBe(Object.values(summary.header.tables).reduce((a, b) => a + b, 0));
    const reports = await restoredDuring.db.selectFrom('reports').select('id').execute();
    const audited = await restoredDuring.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'report.submit')
      .execute();
    expect(new Set(audited.map((a) => a.entity_id))).toEqual(new Set(reports.map((r) => r.id)));
    const orphans = await restoredDuring.db
      .selectFrom('evidence')
      .leftJoin('blobs', 'blobs.sha256', 'evidence.sha256')
      .select('evidence.id')
      .where('blobs.sha256', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
    const writerEvidence = await restoredDuring.db
      .selectFrom('evidence')
      .select('id')
      .where('file_name', 'like', '第%份.txt')
      .execute();
    const writerReports = await restoredDuring.db
      .selectFrom('reports')
      .select('id')
      .where('narrative', 'like', '第%份')
      .execute();
    expect(writerEvidence.length).toBe(writerReports.length);
    expect(writerEvidence.length).toBeGreaterThanOrEqual(filedAtStart);
    // One report may have committed with its answer still on the way back to the writer.
    expect(writerEvidence.length).toBeLessThanOrEqual(filedByThen + 1);

    // Once the writer is done, a backup restored elsewhere equals the source row for row.
    const after = fileName('after.jsonl.gz');
    await backupDatabase(source, after);
    const restored = await openBlank(dialect, dialect === 'postgres');
    await restoreDatabase(restored, after);
    expect(await everyRow(restored)).toEqual(await everyRow(source));
    expect(await appliedMigrations(restored.db as Kysely<unknown>, dialect)).toEqual(migrationNames());
    const blob = await restored.db
      .selectFrom('blobs')
      .select('content')
      .where('size', '=', allBytes.length)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(blob.content).equals(allBytes)).toBe(true);

    // The restored database keeps working: new rows get new ids.
    const next = await submitReport(
      { ...(first?.ctx as Context), db: restored.db, dialect },
      {
        taskId: first?.taskId ?? 0,
        period: '2024-05',
        selfStatus: 'on_track',
        percent: 50,
        narrative: '恢复后继续填报',
      },
    );
    expect(next.reportId).toBeGreaterThan(Math.max(...reports.map((r) => r.id)));
  }, 120_000);

  it('refuses a database already in use and leaves it untouched', async () => {
    const source = current();
    await seedDemo(source);
    const file = fileName('full.jsonl.gz');
    await backupDatabase(source, file);
    const before = await everyRow(source);
    const refused = await restoreDatabase(source, file).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as Error).message).toMatch(/不是空的.*已拒绝恢复/);
    expect(await everyRow(source)).toEqual(before);
  }, 60_000);

  it('refuses a truncated, altered or foreign file with a clear message and writes nothing', async () => {
    const source = current();
    await seedDemo(source);
    const good = fileName('good.jsonl.gz');
    await backupDatabase(source, good);
    const bytes = readFileSync(good);
    const header = await readBackup(good);
    const body = Buffer.from(readFileSync(good).subarray(gzipSync(`${JSON.stringify(header)}\n`).length));
    const altered = Buffer.from(
      gzipSync(
        Buffer.from(
          (await import('node:zlib')).gunzipSync(body).toString('utf8').replace('岳阳市', '长沙市'),
          'utf8',
        ),
      ),
    );
    const cases: Array<[string, Buffer, RegExp]> = [
      ['truncated', bytes.subarray(0, Math.floor(bytes.length * 0.7)), /不完整或已损坏/],
      ['altered', Buffer.concat([gzipSync(`${JSON.stringify(header)}\n`), altered]), /不完整或已损坏/],
      ['text', Buffer.from('这不是备份'), /不是督办备份文件/],
      ['json', gzipSync('{"format":"something-else"}\n'), /不是督办备份文件/],
      ['newer', gzipSync(`${JSON.stringify({ ...header, formatVersion: 99 })}\n`), /格式版本 99/],
    ];
    for (const [name, content, message] of cases) {
      const file = fileName(`${name}.jsonl.gz`);
      writeFileSync(file, content);
      const target = await openBlank(dialect);
      const refused = await restoreDatabase(target, file).catch((error: unknown) => error);
      expect(refused, name).toBeInstanceOf(BackupError);
      expect((refused as Error).message, name).toMatch(message);
      expect(await readCatalog(target.db as Kysely<unknown>, dialect), name).toEqual([]);
    }
    const missing = await restoreDatabase(await openBlank(dialect), fileName('nowhere.gz')).catch((e) => e);
    expect((missing as Error).message).toMatch(/无法读取备份文件/);
  }, 60_000);

  it('restores a backup of an older schema and then upgrades it', async () => {
    const names = migrationNames();
    const older = await openBlank(dialect);
    await migrateUpTo(older.db as Kysely<unknown>, names[names.length - 2] ?? '');
    await older.db
      .insertInto('organizations')
      .values({ name: '云溪区教育体育局', parent_id: null, created_at: '2024-01-02T00:00:00.000Z' })
      .execute();
    const file = fileName('older.jsonl.gz');
    const summary = await backupDatabase(older, file);
    expect(summary.header.migrations).toEqual(names.slice(0, -1));
    const target = await openBlank(dialect);
    const restored = await restoreDatabase(target, file);
    expect(restored.upgraded).toEqual(names.slice(-1));
    expect(await appliedMigrations(target.db as Kysely<unknown>, dialect)).toEqual(names);
    const organizations = await target.db.selectFrom('organizations').select('name').execute();
    expect(organizations).toEqual([{ name: '云溪区教育体育局' }]);
  }, 60_000);
});
