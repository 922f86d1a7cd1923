import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/demo-data.ts';
import { skipsPostgres, testPostgresUrl } from '../../test/support/databases.ts';
import { type Database, openDatabase } from '../db/connect.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'duban-backup-cli-'));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/duban with the given database environment, as an operator's cron job would. */
function duban(env: Record<string, string>, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'duban'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const sqliteEnv = (name: string) => ({ DATABASE_URL: `sqlite:${join(scratch, name)}` });

async function counts(database: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of ['users', 'plans', 'tasks', 'reports', 'audit_log', 'blobs', 'evidence'] as const) {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

let source: Record<string, number>;
const afterRestore = () => ({ ...source, audit_log: (source.audit_log ?? 0) + 2 });
const backupFile = join(scratch, 'duban-2024-05-20.jsonl.gz');

beforeAll(async () => {
  const database = await openDatabase({ url: sqliteEnv('live.db').DATABASE_URL });
  try {
    await seedDemo(database);
    source = await counts(database);
  } finally {
    await database.close();
  }
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('duban backup / restore', () => {
  it('backs up, refuses to overwrite, restores into a new file and refuses to restore twice', async () => {
    const backup = await duban(sqliteEnv('live.db'), ['backup', backupFile]);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^已备份 SQLite .*张表、\d+ 行、\d+ 个文件/);

    const again = await duban(sqliteEnv('live.db'), ['backup', backupFile]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^duban: .*已存在；换一个文件名，或加 --force 覆盖/);
    expect((await duban(sqliteEnv('live.db'), ['backup', backupFile, '--force'])).status).toBe(0);

    const restore = await duban(sqliteEnv('restored.db'), ['restore', backupFile]);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(/^已恢复到 SQLite .*行/);
    const restored = await openDatabase({ url: sqliteEnv('restored.db').DATABASE_URL });
    try {
      // The audit trail also holds the first backup (taken before the forced one) and the restore.
      expect(await counts(restored)).toEqual(afterRestore());
      const events = await restored.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['backup.create', 'backup.restore'])
        .orderBy('id')
        .execute();
      expect(events.map((e) => e.action)).toEqual(['backup.create', 'backup.restore']);
    } finally {
      await restored.close();
    }

    const twice = await duban(sqliteEnv('restored.db'), ['restore', backupFile]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/^duban: 目标数据库 .*不是空的/);
  }, 180_000);

  it('refuses a damaged backup and a missing database with one Chinese line', async () => {
    const damaged = join(scratch, 'damaged.jsonl.gz');
    const bytes = readFileSync(backupFile);
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 100));
    const run = await duban(sqliteEnv('from-damaged.db'), ['restore', damaged]);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/不完整或已损坏.*未写入任何数据/);
    const missing = await duban(sqliteEnv('no-such.db'), ['backup', join(scratch, 'x.gz')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/数据库文件 .*no-such\.db 不存在/);
  }, 120_000);

  it.skipIf(skipsPostgres())(
    'restores a SQLite backup into PostgreSQL (moving a deployment)',
    async () => {
      const schema = `${process.env.DUBAN_TEST_RUN ?? 'tlocal'}_${randomBytes(5).toString('hex')}`;
      const run = await duban({ DATABASE_URL: testPostgresUrl, DATABASE_SCHEMA: schema }, [
        'restore',
        backupFile,
      ]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const database = await openDatabase({ url: testPostgresUrl, schema });
      try {
        expect(await counts(database)).toEqual(afterRestore());
      } finally {
        await database.close();
      }
    },
    120_000,
  );
});
