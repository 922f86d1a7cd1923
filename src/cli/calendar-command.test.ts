import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { loadWorkCalendar } from '../domain/calendar/load-work-calendar.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'duban-calendar-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const url = `sqlite:${join(scratch, 'calendar.db')}`;

/** Runs bin/duban against one SQLite file, as a server's operator would. */
function duban(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'duban'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('duban calendar import', () => {
  it('replaces the national arrangement of the years in the file, and refuses a bad line in Chinese', async () => {
    const good = join(scratch, '2027.txt');
    writeFileSync(good, '# 2027年国庆节\n2027-10-01 2027-10-07 放假 国庆节\n2027-09-26 上班 国庆节\n');
    const imported = await duban(['calendar', 'import', good]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('已导入 2027 年的全国统一安排，共 8 天');

    const bad = join(scratch, 'bad.txt');
    writeFileSync(bad, '2027-10-01 休息 国庆节\n');
    const refused = await duban(['calendar', 'import', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toMatch(/^duban: 第 1 行：格式应为/);

    const database = await openDatabase({ url });
    try {
      const calendar = await loadWorkCalendar(database.db, 1);
      expect([calendar.isWorkingDay('2027-10-04'), calendar.isWorkingDay('2027-09-26')]).toEqual([
        false,
        true,
      ]);
    } finally {
      await database.close();
    }
  });
});
