import ExcelJS from 'exceljs';
import {
  BALANCE_INDICATORS,
  type BalanceResult,
  type BalanceSchoolInput,
  type BalanceStage,
  CV_THRESHOLDS,
  STAGE_LABELS,
  type StageResult,
} from '../shared/balance.ts';
import { writeXlsx } from './xlsx-cells.ts';

// The calculation workbook a bureau hands to inspectors: 汇总 (each stage's weighted means and 差异系数
// against the standard, what keeps the county from 优质均衡, the schools left out), one 计算表 per stage
// (each school's raw figures, its values and the 6-of-7/85 % check, with the county rows underneath) and
// 原始数据 (the rows as given, in the template's columns, so the sheet can be read again).

const HEADER_FILL = 'FFD9E1F2';
/** A4 landscape, as wide as the page: inspectors print these. */
const PAGE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};
const FAIL_FONT = { color: { argb: 'FFC00000' } };

/** Sheet names of the calculation workbook. */
export const balanceSheets = {
  summary: '汇总',
  stage: (stage: '小学' | '初中') => `${stage}计算表`,
  raw: '原始数据',
} as const;

/** A round half away from zero that does not trip on 0.125 being stored as 0.12499…. */
function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(Number((value * scale).toPrecision(12))) / scale;
}

/** The calculation workbook of one monitor run, as .xlsx bytes. */
export async function writeBalanceWorkbook(input: {
  title: string;
  result: BalanceResult;
  rows: BalanceSchoolInput[];
}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  book.title = input.title;
  writeSummary(book, input.title, input.result);
  for (const stage of input.result.stages) writeStageSheet(book, stage, input.result, input.rows);
  writeRawSheet(book, input.rows, input.result);
  return writeXlsx(book);
}

function styleHeader(row: ExcelJS.Row, height = 36): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = height;
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
}

const SUMMARY_COLUMNS = 12;

function writeSummary(book: ExcelJS.Workbook, title: string, result: BalanceResult): void {
  const sheet = book.addWorksheet(balanceSheets.summary, { pageSetup: PAGE });
  sheet.columns = [
    { width: 8 },
    { width: 50 },
    { width: 10 },
    { width: 12 },
    { width: 12 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 40 },
  ];
  sheet.addRow([title]).font = { bold: true, size: 14 };
  const failingSchools = result.schools.filter((s) => !s.pass).length;
  const line = (label: string | number, text: string) => {
    const row = sheet.addRow([label, text]);
    sheet.mergeCells(row.number, 2, row.number, SUMMARY_COLUMNS);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
    // About 80 characters fit on a line across the merged columns.
    row.height = 16 * Math.max(1, Math.ceil(text.length / 80));
  };
  line(
    '结论',
    result.pass
      ? '资源配置达到优质均衡要求：各学段各项差异系数均不超过标准，所有学校均达标。'
      : `资源配置未达到优质均衡要求：差异系数超标 ${result.blockers.length} 项，未达标学校 ${failingSchools} 所（学段）。`,
  );
  line(
    '方法',
    '依据《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）资源配置：差异系数按学生数加权，X̄=ΣPᵢXᵢ/ΣPᵢ，S=√(ΣPᵢ(Xᵢ−X̄)²/ΣPᵢ)，CV=S/X̄；小学不高于0.50，初中不高于0.45；每校7项中至少6项达到最低标准，其余不低于最低标准的85%。',
  );
  sheet.addRow([]);
  styleHeader(
    sheet.addRow([
      '学段',
      '指标',
      '学校数',
      '加权平均值',
      '差异系数',
      '标准（≤）',
      '是否达标',
      '超出',
      '最低值',
      '最高值',
      '最低标准',
      '低于最低标准的学校',
    ]),
  );
  for (const stage of result.stages) {
    for (const indicator of stage.indicators) {
      const unit = BALANCE_INDICATORS.find((i) => i.key === indicator.key)!.unit;
      const row = sheet.addRow([
        stage.stage,
        `${indicator.name}（${unit}）`,
        stage.schools,
        round(indicator.mean, 2),
        indicator.cv === null ? '无法计算' : round(indicator.cv, 4),
        indicator.threshold,
        indicator.pass ? '达标' : '未达标',
        indicator.pass ? null : indicator.over,
        round(indicator.min, 2),
        round(indicator.max, 2),
        indicator.minimum,
        indicator.belowMinimum.join('、'),
      ]);
      row.getCell(4).numFmt = '0.00';
      row.getCell(5).numFmt = '0.0000';
      row.getCell(6).numFmt = '0.00';
      row.getCell(8).numFmt = '0.0000';
      row.getCell(9).numFmt = '0.00';
      row.getCell(10).numFmt = '0.00';
      if (!indicator.pass) row.getCell(7).font = FAIL_FONT;
      row.getCell(2).alignment = { wrapText: true, vertical: 'middle' };
      row.getCell(7).alignment = { horizontal: 'center', vertical: 'middle' };
      row.getCell(12).alignment = { wrapText: true, vertical: 'middle' };
    }
  }
  sheet.addRow([]);
  sheet.addRow(['影响优质均衡的差异系数']).font = { bold: true };
  if (result.blockers.length === 0) line('', '无');
  result.blockers.forEach((b, n) => {
    line(n + 1, b.text);
  });
  sheet.addRow([]);
  sheet.addRow(['未达标的学校']).font = { bold: true };
  const failing = result.schools.filter((s) => !s.pass);
  if (failing.length === 0) line('', '无');
  failing.forEach((s, n) => {
    line(n + 1, `${s.name}（${s.stage}）：达到 ${s.met} 项；${missesText(s.misses, s.stage)}`);
  });
  sheet.addRow([]);
  sheet.addRow(['未纳入计算的学校']).font = { bold: true };
  if (result.excluded.length === 0) line('', '无');
  result.excluded.forEach((e, n) => {
    line(n + 1, `${e.name}（${e.stage}，${e.pupils}人）：${e.reason}`);
  });
}

function missesText(misses: BalanceResult['schools'][number]['misses'], stage: '小学' | '初中'): string {
  if (misses.length === 0) return '7项均达到最低标准';
  return misses
    .map((m) => {
      const indicator = BALANCE_INDICATORS.find((i) => i.key === m.key)!;
      return `${indicator.short}${round(m.value, 2).toFixed(2)}${indicator.unit}（${stage}标准${m.minimum}，达${Math.floor(round(m.share * 100, 6))}%）`;
    })
    .join('；');
}

function writeStageSheet(
  book: ExcelJS.Workbook,
  stage: StageResult,
  result: BalanceResult,
  rows: BalanceSchoolInput[],
): void {
  const code = (Object.keys(STAGE_LABELS) as BalanceStage[]).find((s) => STAGE_LABELS[s] === stage.stage)!;
  const sheet = book.addWorksheet(balanceSheets.stage(stage.stage), {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    pageSetup: { ...PAGE, printTitlesRow: '1:1' },
  });
  const headers = [
    '学校',
    '学生数（人）',
    ...BALANCE_INDICATORS.flatMap((i) => [`${i.column}（${i.rawUnit}）`, `${i.name}（${i.unit}）`]),
    '达到最低标准的指标数',
    '结论',
  ];
  sheet.columns = headers.map((_, n) => ({ width: n === 0 ? 28 : n === headers.length - 1 ? 50 : 14 }));
  styleHeader(sheet.addRow(headers), 64);
  const valueColumn = (n: number) => 4 + n * 2;
  for (const school of result.schools.filter((s) => s.stage === stage.stage)) {
    const input = rows.find((r) => r.name === school.name && r.stage === code);
    const row = sheet.addRow([
      school.name,
      school.pupils,
      ...BALANCE_INDICATORS.flatMap((i) => [input?.raw[i.key] ?? null, round(school.values[i.key], 2)]),
      school.met,
      school.pass ? '达标' : `未达标：${missesText(school.misses, school.stage)}`,
    ]);
    BALANCE_INDICATORS.forEach((indicator, n) => {
      row.getCell(valueColumn(n) - 1).numFmt = indicator.per === 100 ? '0' : '0.00';
      const value = row.getCell(valueColumn(n));
      value.numFmt = '0.00';
      if (school.below.includes(indicator.key)) value.font = FAIL_FONT;
    });
    if (!school.pass) row.getCell(headers.length).font = FAIL_FONT;
  }
  sheet.addRow([]);
  // The county's rows under the schools: each value column holds the stage's figure.
  const countyRow = (
    label: string,
    cells: Array<number | string>,
    format: string,
    pupils: number | null = null,
  ) => {
    const row = sheet.addRow([label, pupils, ...cells.flatMap((c) => [null, c])]);
    row.font = { bold: true };
    BALANCE_INDICATORS.forEach((_, n) => {
      row.getCell(valueColumn(n)).numFmt = format;
    });
  };
  countyRow(
    '加权平均值',
    stage.indicators.map((i) => round(i.mean, 2)),
    '0.00',
    stage.pupils,
  );
  countyRow(
    '差异系数',
    stage.indicators.map((i) => (i.cv === null ? '无法计算' : round(i.cv, 4))),
    '0.0000',
  );
  countyRow(
    '差异系数标准（≤）',
    stage.indicators.map(() => CV_THRESHOLDS[code]),
    '0.00',
  );
  countyRow(
    '是否达标',
    stage.indicators.map((i) => (i.pass ? '达标' : '未达标')),
    '@',
  );
  countyRow(
    '每校最低标准',
    BALANCE_INDICATORS.map((i) => i.minimum[code]),
    '0.00',
  );
}

function writeRawSheet(book: ExcelJS.Workbook, rows: BalanceSchoolInput[], result: BalanceResult): void {
  const sheet = book.addWorksheet(balanceSheets.raw, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { ...PAGE, printTitlesRow: '1:1' },
  });
  const headers = [
    '学校',
    '学段',
    '学生数',
    ...BALANCE_INDICATORS.map((i) => `${i.column}（${i.rawUnit}）`),
    '备注',
  ];
  sheet.columns = headers.map((_, n) => ({ width: n === 0 ? 28 : n === headers.length - 1 ? 44 : 14 }));
  styleHeader(sheet.addRow(headers));
  for (const input of rows) {
    const excluded = result.excluded.find(
      (e) => e.name === input.name && e.stage === STAGE_LABELS[input.stage],
    );
    const row = sheet.addRow([
      input.name,
      STAGE_LABELS[input.stage],
      input.pupils,
      ...BALANCE_INDICATORS.map((i) => input.raw[i.key]),
      excluded ? `不纳入计算：${excluded.reason}` : null,
    ]);
    BALANCE_INDICATORS.forEach((indicator, n) => {
      row.getCell(4 + n).numFmt = indicator.per === 100 ? '0' : '0.00';
    });
  }
}
