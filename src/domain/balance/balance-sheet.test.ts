import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BalanceSchoolInput, SheetError } from '../../shared/balance.ts';
import {
  BALANCE_SHEET_NAMES,
  balanceSheetHeaders,
  readBalanceSheet,
  writeBalanceTemplate,
} from './balance-sheet.ts';

const PLAIN = [
  '学校',
  '学段',
  '学生数',
  '高于规定学历教师数',
  '县级及以上骨干教师数',
  '体育艺术专任教师数',
  '教学及辅助用房面积',
  '体育运动场馆面积',
  '教学仪器设备值',
  '网络多媒体教室数',
];

/** A workbook as a user's own Excel makes it (formulas allowed), from rows of cell values. */
async function workbook(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  rows.forEach((row, n) => {
    sheet.getRow(n + 1).values = row;
  });
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

async function errorsOf(bytes: Uint8Array): Promise<SheetError[]> {
  const read = await readBalanceSheet(bytes);
  if (!('errors' in read)) throw new Error('expected errors');
  return read.errors;
}

async function rowsOf(bytes: Uint8Array): Promise<BalanceSchoolInput[]> {
  const read = await readBalanceSheet(bytes);
  if (!('rows' in read)) throw new Error(`expected rows: ${JSON.stringify(read.errors)}`);
  return read.rows;
}

const good = ['城关小学', '小学', 400, 24, 6, 4, 2400.5, 3200, 1000000, 12];

describe('writeBalanceTemplate → readBalanceSheet', () => {
  it('reads back what the template was filled with, a 九年一贯制 school as two rows', async () => {
    const bytes = await writeBalanceTemplate([
      {
        name: '城关小学',
        stage: 'primary',
        pupils: 400,
        raw: {
          teachersAboveDegree: 24,
          backboneTeachers: 6,
          peArtTeachers: 4,
          buildingArea: 2400.5,
          sportsArea: 3200,
          equipmentValue: 1_000_000,
          multimediaRooms: 12,
        },
      },
      {
        name: '云溪九年一贯制学校',
        stage: 'primary',
        pupils: 500,
        raw: {
          teachersAboveDegree: 25,
          backboneTeachers: 5,
          peArtTeachers: 5,
          buildingArea: 2500,
          sportsArea: 4000,
          equipmentValue: 1_250_000,
          multimediaRooms: 15,
        },
      },
      {
        name: '云溪九年一贯制学校',
        stage: 'junior',
        pupils: 300,
        raw: {
          teachersAboveDegree: 18,
          backboneTeachers: 3,
          peArtTeachers: 3,
          buildingArea: 2100,
          sportsArea: 1800,
          equipmentValue: 900_000,
          multimediaRooms: 0,
        },
      },
    ]);
    const rows = await rowsOf(bytes);
    expect(rows.map((r) => [r.name, r.stage, r.pupils, r.sheetRow])).toEqual([
      ['城关小学', 'primary', 400, 2],
      ['云溪九年一贯制学校', 'primary', 500, 3],
      ['云溪九年一贯制学校', 'junior', 300, 4],
    ]);
    expect(rows[0]!.raw).toEqual({
      teachersAboveDegree: 24,
      backboneTeachers: 6,
      peArtTeachers: 4,
      buildingArea: 2400.5,
      sportsArea: 3200,
      equipmentValue: 1_000_000,
      multimediaRooms: 12,
    });
    expect(rows[2]!.raw.multimediaRooms).toBe(0);
  });

  it('writes the headers with units and the notes sheet', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await writeBalanceTemplate([])) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([BALANCE_SHEET_NAMES.data, BALANCE_SHEET_NAMES.notes]);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(balanceSheetHeaders());
    expect(header[6]).toBe('教学及辅助用房面积（㎡）');
    expect(header[8]).toBe('教学仪器设备值（元）');
    const notes: string[] = [];
    book.worksheets[1]!.eachRow((row) => notes.push((row.values as unknown[]).join(' ')));
    expect(notes.join('\n')).toContain('九年一贯制学校填两行');
    expect(notes.join('\n')).toContain('工具按学生数换算为生均教学及辅助用房面积（㎡/生）');
  });

  it('refuses the empty template: there is no school in it', async () => {
    expect(await errorsOf(await writeBalanceTemplate([]))).toEqual([
      { row: 0, column: '', message: '工作表中没有学校数据：请在表头下方每行填写一所学校的一个学段。' },
    ]);
  });

  it('reports the empty cells of a prefilled template left unfilled', async () => {
    const errors = await errorsOf(await writeBalanceTemplate([{ name: '河口小学', stage: 'primary' }]));
    expect(errors).toHaveLength(8);
    expect(errors[0]).toEqual({ row: 2, column: '学生数', message: '学生数为空：没有请填 0。' });
    expect(errors[7]).toEqual({
      row: 2,
      column: '网络多媒体教室数（间）',
      message: '网络多媒体教室数为空：没有请填 0。',
    });
  });
});

describe('readBalanceSheet: headers', () => {
  it('accepts headers with units in either bracket, spaces, other names of the first columns and a title row above', async () => {
    const headers = [
      ' 学校名称 ',
      '学段',
      '在校学生数（人）',
      '高于规定学历教师数(人)',
      '县级及以上骨干教师数',
      '体育艺术专任教师数（人）',
      '教学及辅助用房面积（㎡）',
      '体育运动场馆面积(平方米)',
      '*教学仪器设备值（元）',
      '网络多媒体教室数 (间)',
    ];
    const rows = await rowsOf(await workbook([['2024年秋季学期学校数据'], [], headers, good]));
    expect(rows).toEqual([
      {
        name: '城关小学',
        stage: 'primary',
        pupils: 400,
        raw: {
          teachersAboveDegree: 24,
          backboneTeachers: 6,
          peArtTeachers: 4,
          buildingArea: 2400.5,
          sportsArea: 3200,
          equipmentValue: 1_000_000,
          multimediaRooms: 12,
        },
        sheetRow: 4,
      },
    ]);
  });

  it('names each missing column, and a per-pupil column standing where a raw one should', async () => {
    const headers = ['学校', '学段', '学生数', '生均教学及辅助用房面积', '教学仪器设备值'];
    expect(await errorsOf(await workbook([headers, good]))).toEqual([
      {
        row: 1,
        column: '高于规定学历教师数',
        message: '缺少“高于规定学历教师数”列：请使用学校数据模板的表头。',
      },
      {
        row: 1,
        column: '县级及以上骨干教师数',
        message: '缺少“县级及以上骨干教师数”列：请使用学校数据模板的表头。',
      },
      {
        row: 1,
        column: '体育艺术专任教师数',
        message: '缺少“体育艺术专任教师数”列：请使用学校数据模板的表头。',
      },
      {
        row: 1,
        column: '生均教学及辅助用房面积',
        message:
          '“生均教学及辅助用房面积”是换算后的数值；本表填写原始数“教学及辅助用房面积”（人数、间数、㎡或元），由工具按学生数换算，请改用模板的列。',
      },
      { row: 1, column: '体育运动场馆面积', message: '缺少“体育运动场馆面积”列：请使用学校数据模板的表头。' },
      { row: 1, column: '网络多媒体教室数', message: '缺少“网络多媒体教室数”列：请使用学校数据模板的表头。' },
    ]);
  });

  it('refuses two columns of the same figure', async () => {
    const errors = await errorsOf(await workbook([[...PLAIN, '教学仪器设备值（元）'], good]));
    expect(errors).toEqual([
      {
        row: 1,
        column: '教学仪器设备值（元）',
        message: '表头“教学仪器设备值（元）”与“教学仪器设备值”是同一列，请只保留一列。',
      },
    ]);
  });
});

describe('readBalanceSheet: cells', () => {
  it('reports every bad cell with its row and column, and no rows', async () => {
    const errors = await errorsOf(
      await workbook([
        PLAIN,
        ['', '小学', 100, 5, 1, 1, 450, 750, 200000, 3], // 2: no school
        ['河口小学', '小学部', 100, 5, 1, 1, 450, 750, 200000, 3], // 3: stage
        ['白石小学', '小学', 0, 5, 1, 1, 450, 750, 200000, 3], // 4: pupils 0
        ['城南小学', '小学', 45.5, 5, 1, 1, 450, 750, 200000, 3], // 5: pupils not whole
        ['城北小学', '小学', '约百人', 5, 1, 1, 450, 750, 200000, 3], // 6: pupils text
        ['第一中学', '初中', 600, -1, 'N/A', 2.5, 450, null, '12,000', 3], // 7: four bad figures, one good text
        [], // 8: blank, skipped
        ['第二中学', '初中', 100, 6, 1, 1, 700, 3000, 300000, 3], // 9
        ['第二中学', '初中', 100, 6, 1, 1, 700, 3000, 300000, 3], // 10: twice
        ['第二中学', '小学', 100, 6, 1, 1, 700, 3000, 300000, 3], // 11: another stage is fine
      ]),
    );
    expect(errors).toEqual([
      { row: 2, column: '学校', message: '学校名称为空。' },
      {
        row: 3,
        column: '学段',
        message: '学段“小学部”无效：只能填写“小学”或“初中”（九年一贯制学校分两行填写）。',
      },
      { row: 4, column: '学生数', message: '学生数应为大于 0 的整数，现为 0。' },
      { row: 5, column: '学生数', message: '学生数应为大于 0 的整数，现为 45.5。' },
      { row: 6, column: '学生数', message: '学生数“约百人”不是数字：只填数字，不带单位。' },
      { row: 7, column: '高于规定学历教师数', message: '高于规定学历教师数不能小于 0，现为 -1。' },
      {
        row: 7,
        column: '县级及以上骨干教师数',
        message: '县级及以上骨干教师数“N/A”不是数字：只填数字，不带单位。',
      },
      { row: 7, column: '体育艺术专任教师数', message: '体育艺术专任教师数应为整数（人），现为 2.5。' },
      { row: 7, column: '体育运动场馆面积', message: '体育运动场馆面积为空：没有请填 0。' },
      {
        row: 10,
        column: '学校',
        message: '“第二中学”的初中已在第 9 行填写；同一学校的同一学段只能填一行。',
      },
    ]);
  });

  it('uses the cached result of a formula cell, and refuses one without a result', async () => {
    const withResult = await workbook([
      PLAIN,
      ['城关小学', '小学', { formula: '200*2', result: 400 }, 24, 6, 4, 2400, 3200, 1000000, 12],
    ]);
    expect((await rowsOf(withResult))[0]!.pupils).toBe(400);
    const noResult = await workbook([
      PLAIN,
      [
        '城关小学',
        '小学',
        400,
        24,
        6,
        4,
        { formula: 'SUM(X1:X9)' },
        3200,
        { formula: '1/0', result: { error: '#DIV/0!' } },
        12,
      ],
    ]);
    expect(await errorsOf(noResult)).toEqual([
      {
        row: 2,
        column: '教学及辅助用房面积',
        message: '教学及辅助用房面积是没有计算结果的公式：请在 Excel 或 WPS 中打开并保存后再导入。',
      },
      { row: 2, column: '教学仪器设备值', message: '教学仪器设备值的公式结果为错误值 #DIV/0!。' },
    ]);
  });

  it('stops at 200 errors', async () => {
    const rows = Array.from({ length: 300 }, (_, n) => [
      `学校${n}`,
      '高中',
      100,
      5,
      1,
      1,
      450,
      750,
      200000,
      3,
    ]);
    const errors = await errorsOf(await workbook([PLAIN, ...rows]));
    expect(errors).toHaveLength(200);
    expect(errors[199]!.row).toBe(201);
  });

  it('refuses more than 5000 school rows', async () => {
    const rows = Array.from({ length: 5001 }, (_, n) => [
      `学校${n}`,
      '小学',
      100,
      5,
      1,
      1,
      450,
      750,
      200000,
      3,
    ]);
    expect(await errorsOf(await workbook([PLAIN, ...rows]))).toEqual([
      { row: 0, column: '', message: '数据行超过 5000 行，请拆分后再导入。' },
    ]);
  });
});

describe('readBalanceSheet: files that are not a sheet', () => {
  it('refuses a CSV and a broken zip with one error at row 0', async () => {
    const csv = new TextEncoder().encode(`${PLAIN.join(',')}\n城关小学,小学,400\n`);
    expect(await errorsOf(csv)).toEqual([
      {
        row: 0,
        column: '',
        message: '文件不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中“另存为 .xlsx”后再导入。',
      },
    ]);
    const broken = (await writeBalanceTemplate([])).slice(0, 400);
    expect((await errorsOf(broken))[0]).toMatchObject({ row: 0, column: '' });
    expect((await errorsOf(broken))[0]!.message).toContain('无法打开');
  });
});
