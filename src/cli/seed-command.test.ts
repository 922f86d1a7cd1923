import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'duban-seed-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/duban against one SQLite file, as a user would with DATABASE_URL set. */
function duban(database: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: `sqlite:${join(scratch, database)}` };
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'duban'), ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end();
  });
}

function expectOneChineseLine(run: Run, pattern: RegExp): void {
  expect(run.status).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^duban: .*[\u4e00-\u9fff]/);
  expect(lines[0]).toMatch(pattern);
}

describe('duban seed', () => {
  it('refuses bad options with one Chinese line and exit status 2', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--scale', 'country'], /--scale 应为 bureau、city 或 province/],
      [['--scale', 'bureau', '--years', '0'], /--years 应为 1 到 20/],
      [['--scale', 'bureau', '--seed', 'abc'], /--seed/],
      [['--scale', 'bureau', '--through', '2024-02-30'], /--through/],
      [[], /--scale/],
    ];
    const runs = await Promise.all(cases.map(([args], index) => duban(`bad${index}.db`, ['seed', ...args])));
    for (const [index, run] of runs.entries()) expectOneChineseLine(run, cases[index]?.[1] ?? /./);
  }, 120_000);

  it('fills an empty database, prints the accounts, and refuses to write into it again without --force', async () => {
    const seeded = await duban('bureau.db', ['seed', '--scale', 'bureau', '--through', '2024-04-30']);
    expect(seeded.stderr).toContain('生成进度：1/1 个年度计划');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/已生成 1 个单位（局）、1 个年度工作要点/);
    expect(seeded.stdout).toMatch(/reports\s+[\d,]+/);
    expect(seeded.stdout).toContain('密码均为 seed-pass-2024');
    expect(seeded.stdout).toMatch(/admin\s+系统管理员/);
    const again = await duban('bureau.db', ['seed', '--scale', 'bureau']);
    expectOneChineseLine(again, /已有数据（1 个单位）.*--force/);
  }, 120_000);
});
