import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeBalance } from '../domain/balance/compute-balance.ts';
import type { BalanceSchoolInput } from '../shared/balance.ts';
import { writeBalanceWorkbook } from './balance-xlsx.ts';

// Two 小学 and a 教学点 left out; 河口小学 misses 教学及辅助用房 (4.0 of 4.5 ㎡, 88 %) and passes.
const rows: BalanceSchoolInput[] = [
  {
    name: '城关小学',
    stage: 'primary',
    pupils: 400,
    raw: {
      teachersAboveDegree: 24,
      backboneTeachers: 6,
      peArtTeachers: 4,
      buildingArea: 2400,
      sportsArea: 3200,
      equipmentValue: 1_000_000,
      multimediaRooms: 12,
    },
  },
  {
    name: '=河口小学',
    stage: 'primary',
    pupils: 100,
    raw: {
      teachersAboveDegree: 5,
      backboneTeachers: 1,
      peArtTeachers: 1,
      buildingArea: 400,
      sportsArea: 2000,
      equipmentValue: 250_000,
      multimediaRooms: 3,
    },
  },
  {
    name: '长岭村教学点',
    stage: 'primary',
    pupils: 30,
    raw: {
      teachersAboveDegree: 2,
      backboneTeachers: 0,
      peArtTeachers: 0,
      buildingArea: 300,
      sportsArea: 600,
      equipmentValue: 60_000,
      multimediaRooms: 1,
    },
  },
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('writeBalanceWorkbook', () => {
  it('writes the summary, the stage sheet and the raw data, with numbers as numbers', async () => {
    const result = computeBalance(rows);
    const book = await load(
      await writeBalanceWorkbook({ title: '2024年秋季学期资源配置差异系数', result, rows }),
    );
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '小学计算表', '原始数据']);

    const summary = values(book.getWorksheet('汇总')!);
    expect(summary[0]).toEqual(['2024年秋季学期资源配置差异系数']);
    // 教学及辅助用房: X̄ = (2400+400)/500 = 5.6; deviations 0.4, −1.6; 400×0.16 + 100×2.56 = 320;
    // S = √0.64 = 0.8; CV = 0.8/5.6 = 0.142857 → 0.1429.
    const building = summary.find((r) => r[1] === '生均教学及辅助用房面积（㎡/生）')!;
    expect(building.slice(0, 7)).toEqual([
      '小学',
      '生均教学及辅助用房面积（㎡/生）',
      2,
      5.6,
      0.1429,
      0.5,
      '达标',
    ]);
    expect(building.slice(8, 11)).toEqual([4, 6, 4.5]);
    // The school below the minimum, its name neutralised (it starts with =).
    expect(building[11]).toBe("'=河口小学");
    const text = summary.map((r) => r.join(' ')).join('\n');
    expect(text).toContain('长岭村教学点（小学，30人）：教学点学生30人，不足50人，不纳入资源配置评估');
    expect(text).toContain('影响优质均衡的差异系数');

    const stage = values(book.getWorksheet('小学计算表')!);
    expect(stage[0]![0]).toBe('学校');
    expect(stage[0]![3]).toBe('每百名学生拥有高于规定学历教师数（人/百生）');
    // 城关小学: 24 teachers, 6.00 per 100 …; 7 met.
    expect(stage[1]!.slice(0, 4)).toEqual(['城关小学', 400, 24, 6]);
    expect(stage[1]!.slice(-2)).toEqual([7, '达标']);
    expect(stage[2]!.slice(-2)).toEqual([6, '达标']);
    const weighted = stage.find((r) => r[0] === '加权平均值')!;
    expect(weighted[1]).toBe(500);
    expect(weighted[9]).toBe(5.6);
    const cv = stage.find((r) => r[0] === '差异系数')!;
    expect(cv[9]).toBe(0.1429);

    const raw = values(book.getWorksheet('原始数据')!);
    expect(raw[0]!.slice(0, 4)).toEqual(['学校', '学段', '学生数', '高于规定学历教师数（人）']);
    expect(raw[3]).toEqual([
      '长岭村教学点',
      '小学',
      30,
      2,
      0,
      0,
      300,
      600,
      60000,
      1,
      '不纳入计算：教学点学生30人，不足50人，不纳入资源配置评估',
    ]);
    // A name that a spreadsheet would read as a formula is written as text.
    expect(raw[2]![0]).toBe("'=河口小学");
  });
});
