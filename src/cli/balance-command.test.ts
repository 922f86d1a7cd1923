import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBalanceTemplate } from '../domain/balance/balance-sheet.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'duban-balance-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/duban the way a user would. */
function duban(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'duban'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function expectOneChineseLine(stderr: string): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^duban: .*[\u4e00-\u9fff]/);
}

// The oracle county: five 小学 with pupils 45, 37, 89, 76, 55 and 教学及辅助用房 279, 137, 935, 160, 402 ㎡
// (pupil-weighted CV 0.5153; unweighted it would be 0.4888). Every other figure meets its minimum:
// 高于规定学历教师 3, 3, 6, 5, 4 (≥ 4.2 per 100), 骨干 and 体育艺术 1 each (≥ 1.0 and 0.9 per 100 for fewer
// than 100 pupils), 网络多媒体教室 2, 2, 3, 2, 2 (2/76 = 2.63 ≥ 2.3; 2/89 would be 2.25, so 3),
// 体育运动场馆 10 ㎡ and 教学仪器设备 2500 元 per pupil (CV 0). 教学及辅助用房 per pupil: 6.20, 3.70 (82 % of 4.5),
// 10.51, 2.11 (47 %), 7.31 — so 学校2 and 学校4 meet 6 of 7 and fail on the 85 % floor.
const PUPILS = [45, 37, 89, 76, 55];
const AREA = [279, 137, 935, 160, 402];
const TEACHERS = [3, 3, 6, 5, 4];
const ROOMS = [2, 2, 3, 2, 2];

const oracle = join(scratch, 'oracle.xlsx');
beforeAll(async () => {
  const bytes = await writeBalanceTemplate(
    PUPILS.map((pupils, n) => ({
      name: `学校${n + 1}`,
      stage: 'primary' as const,
      pupils,
      raw: {
        teachersAboveDegree: TEACHERS[n]!,
        backboneTeachers: 1,
        peArtTeachers: 1,
        buildingArea: AREA[n]!,
        sportsArea: pupils * 10,
        equipmentValue: pupils * 2500,
        multimediaRooms: ROOMS[n]!,
      },
    })),
  );
  writeFileSync(oracle, bytes);
});

interface Printed {
  stages: Array<{ stage: string; schools: number; indicators: Array<Record<string, unknown>> }>;
  schools: Array<Record<string, unknown>>;
  excluded: unknown[];
  blockers: Array<{ text: string }>;
}

// One after another: each run compiles the CLI, and the machine is shared.
describe('duban balance compute', { timeout: 90_000 }, () => {
  it('prints the oracle county as JSON with --json', async () => {
    const run = await duban(['balance', 'compute', oracle, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as Printed;
    expect(Object.keys(printed)).toEqual(['stages', 'schools', 'excluded', 'blockers']);
    expect(printed.stages).toHaveLength(1);
    expect(printed.stages[0]).toMatchObject({ stage: '小学', schools: 5 });
    const indicators = printed.stages[0]!.indicators;
    expect(indicators.map((i) => Object.keys(i))).toEqual(
      Array(7).fill(['key', 'name', 'mean', 'cv', 'threshold', 'pass']),
    );
    // X̄ = 1913 / 302 = 6.33; the weighted CV 0.5153 is over 0.50.
    expect(indicators.find((i) => i.key === 'buildingArea')).toEqual({
      key: 'buildingArea',
      name: '生均教学及辅助用房面积',
      mean: 6.33,
      cv: 0.5153,
      threshold: 0.5,
      pass: false,
    });
    expect(indicators.find((i) => i.key === 'sportsArea')).toMatchObject({ mean: 10, cv: 0, pass: true });
    expect(indicators.find((i) => i.key === 'equipmentValue')).toMatchObject({
      mean: 2500,
      cv: 0,
      pass: true,
    });
    // 骨干教师: 5 teachers for 302 pupils = 1.66 per 100.
    expect(indicators.find((i) => i.key === 'backboneTeachers')).toMatchObject({ mean: 1.66, pass: true });
    expect(printed.schools).toEqual([
      { name: '学校1', stage: '小学', met: 7, pass: true, below: [] },
      { name: '学校2', stage: '小学', met: 6, pass: false, below: ['buildingArea'] },
      { name: '学校3', stage: '小学', met: 7, pass: true, below: [] },
      { name: '学校4', stage: '小学', met: 6, pass: false, below: ['buildingArea'] },
      { name: '学校5', stage: '小学', met: 7, pass: true, below: [] },
    ]);
    expect(printed.excluded).toEqual([]);
    expect(printed.blockers.map((b) => b.text)).toEqual(['小学教学及辅助用房面积差异系数0.52，超出0.02']);
  });

  it('prints a readable Chinese table without --json', async () => {
    const run = await duban(['balance', 'compute', oracle]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('小学（5 所学校，302 名学生）：未达标');
    expect(run.stdout).toMatch(/教学及辅助用房（㎡\/生） +6\.33 +0\.5153 +≤0\.50 +未达标/);
    expect(run.stdout).toContain('学校4（小学）：达到 6 项；教学及辅助用房 2.11㎡/生（标准 4.5，达 46%）');
    expect(run.stdout).toContain('小学教学及辅助用房面积差异系数0.52，超出0.02');
    expect(run.stdout).toContain('结论：资源配置未达到优质均衡要求。');
  });

  it('exits 2 naming the row and column of each bad cell', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('学校数据');
    sheet.addRow([
      '学校',
      '学段',
      '学生数',
      '高于规定学历教师数',
      '县级及以上骨干教师数',
      '体育艺术专任教师数',
      '教学及辅助用房面积（㎡）',
      '体育运动场馆面积（㎡）',
      '教学仪器设备值（元）',
      '网络多媒体教室数',
    ]);
    sheet.addRow(['城关小学', '小学', 400, 24, 6, 4, 2400, 3200, 1000000, 12]);
    sheet.addRow(['河口小学', '高中', 100, 5, 1, 1, 450, 750, 200000, 3]);
    sheet.addRow(['白石小学', '小学', 100, 5, 1, 1, -450, 750, 200000, 3]);
    const bad = join(scratch, 'bad.xlsx');
    writeFileSync(bad, new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
    const run = await duban(['balance', 'compute', bad, '--json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expectOneChineseLine(run.stderr);
    expect(run.stderr).toContain('第 3 行“学段”列：学段“高中”无效');
    expect(run.stderr).toContain(
      '第 4 行“教学及辅助用房面积（㎡）”列：教学及辅助用房面积不能小于 0，现为 -450。',
    );
  });

  it('shows the first 20 errors and counts the rest', async () => {
    const rows = Array.from({ length: 25 }, (_, n) => ({ name: `学校${n + 1}`, stage: 'primary' as const }));
    // Pupils filled, one figure missing per row: 25 errors.
    const bytes = await writeBalanceTemplate(
      rows.map((r) => ({
        ...r,
        pupils: 100,
        raw: {
          teachersAboveDegree: 5,
          backboneTeachers: 1,
          peArtTeachers: 1,
          buildingArea: 450,
          sportsArea: 750,
          equipmentValue: 200000,
        },
      })),
    );
    const file = join(scratch, 'missing.xlsx');
    writeFileSync(file, bytes);
    const run = await duban(['balance', 'compute', file]);
    expect(run.status).toBe(2);
    expectOneChineseLine(run.stderr);
    expect(run.stderr).toContain('第 21 行“网络多媒体教室数（间）”列：网络多媒体教室数为空：没有请填 0。');
    expect(run.stderr).not.toContain('第 22 行');
    expect(run.stderr).toContain('另有5处错误');
  });

  it('exits 2 for a file that is not a workbook, or not there', async () => {
    const csv = join(scratch, 'data.csv');
    writeFileSync(csv, '学校,学段,学生数\n城关小学,小学,400\n');
    const notXlsx = await duban(['balance', 'compute', csv]);
    expect(notXlsx.status).toBe(2);
    expectOneChineseLine(notXlsx.stderr);
    expect(notXlsx.stderr).toContain('不是 Excel 工作簿');
    const missing = await duban(['balance', 'compute', join(scratch, '没有.xlsx')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
  });
});

describe('duban balance template', { timeout: 90_000 }, () => {
  it('writes an empty template, refuses to overwrite it, and compute says it has no school', async () => {
    const out = join(scratch, 'template.xlsx');
    const first = await duban(['balance', 'template', out]);
    expect(first.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    const again = await duban(['balance', 'template', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect((await duban(['balance', 'template', out, '--force'])).status).toBe(0);
    const compute = await duban(['balance', 'compute', out]);
    expect(compute.status).toBe(2);
    expect(compute.stderr).toContain('工作表中没有学校数据');
  });
});
