import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { writeXlsx } from '../../documents/xlsx-cells.ts';
import {
  BALANCE_INDICATORS,
  type BalanceIndicatorKey,
  type BalanceSchoolInput,
  type BalanceStage,
  SHEET_KEY_COLUMNS,
  type SheetError,
  STAGE_LABELS,
} from '../../shared/balance.ts';
import { cellText } from '../ledger/read-decomposition.ts';

// The template sheet of the seven indicators (学校, 学段, 学生数 and the seven raw figures): written for
// schools to fill, read back by the CLI and the supervisor's import. Reading is all or nothing: every bad
// cell is reported with the row Excel shows and the column's header, and no row is returned then.

/** Most school rows a sheet may hold (a county has a few hundred; a city a few thousand). */
export const MAX_BALANCE_ROWS = 5_000;
/** Most errors reported for one sheet. */
export const MAX_SHEET_ERRORS = 200;
const MAX_BYTES = 20 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
const MAX_NAME_LENGTH = 60;

/** The name of the template's data sheet and of its notes. */
export const BALANCE_SHEET_NAMES = { data: '学校数据', notes: '填写说明' } as const;

type Field = 'school' | 'stage' | 'pupils' | BalanceIndicatorKey;

/** The headers the template writes, in order: 学校, 学段, 学生数, then each raw figure with its unit. */
export function balanceSheetHeaders(): string[] {
  return [
    SHEET_KEY_COLUMNS.school,
    SHEET_KEY_COLUMNS.stage,
    SHEET_KEY_COLUMNS.pupils,
    ...BALANCE_INDICATORS.map((i) => `${i.column}（${i.rawUnit}）`),
  ];
}

const FIELD_NAMES: ReadonlyArray<[Field, string]> = [
  ['school', SHEET_KEY_COLUMNS.school],
  ['stage', SHEET_KEY_COLUMNS.stage],
  ['pupils', SHEET_KEY_COLUMNS.pupils],
  ...BALANCE_INDICATORS.map((i): [Field, string] => [i.key, i.column]),
];

// Other names bureaus' own sheets give the first columns.
const ALIASES: ReadonlyArray<[Field, string]> = [
  ['school', '学校名称'],
  ['pupils', '在校学生数'],
  ['pupils', '在校生数'],
  ['pupils', '学生人数'],
];

// A header as people write it: spaces anywhere, a * for required, a unit in brackets ("（㎡）", "(元)").
function headerName(text: string): string {
  let name = text.replace(/\s+/g, '').replace(/^\*+|\*+$/g, '');
  for (let i = 0; i < 3 && /[（(][^（）()]{0,12}[)）]$/.test(name); i++)
    name = name.replace(/[（(][^（）()]{0,12}[)）]$/, '');
  return name;
}

function fieldOfHeader(text: string): { field: Field } | { ratioOf: BalanceIndicatorKey } | null {
  const name = headerName(text);
  for (const [field, header] of [...FIELD_NAMES, ...ALIASES]) if (name === header) return { field };
  // A per-pupil column (生均…, 每百名学生拥有…), as hand-made sheets have, instead of the raw figure.
  const ratio = BALANCE_INDICATORS.find((i) => headerName(i.name) === name);
  return ratio ? { ratioOf: ratio.key } : null;
}

const fileError = (message: string): { errors: SheetError[] } => ({
  errors: [{ row: 0, column: '', message }],
});

/**
 * Reads the template sheet (its first worksheet): every school row of a stage with pupils, the seven
 * raw figures and its `sheetRow`, or every error found (at most 200, by row) — never part of the rows.
 */
export async function readBalanceSheet(
  bytes: Uint8Array,
): Promise<{ rows: BalanceSchoolInput[] } | { errors: SheetError[] }> {
  if (bytes.length > MAX_BYTES)
    return fileError('文件超过 20 MB，不像学校数据表，请只保留学校数据后再导入。');
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
    return fileError('文件不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中“另存为 .xlsx”后再导入。');
  const unpacked = unpackedSize(bytes);
  if (unpacked === null)
    return fileError('文件无法打开：已损坏或不是完整的 .xlsx 工作簿，请重新保存后再导入。');
  if (unpacked > MAX_UNPACKED_BYTES) return fileError('工作簿解压后过大，请只保留学校数据工作表后再导入。');
  const book = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` type; a Node Buffer is what it reads at run time.
    await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch {
    return fileError('文件无法打开：已损坏或不是完整的 .xlsx 工作簿，请重新保存后再导入。');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return fileError('工作簿中没有工作表。');

  const header = findHeader(sheet);
  if ('errors' in header) return header;
  const errors: SheetError[] = [];
  const rows: BalanceSchoolInput[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  const lastRow = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  for (let r = header.row + 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const cells = new Map<Field, ExcelJS.CellValue>();
    for (const [field, column] of header.columns) cells.set(field, row.getCell(column).value);
    if ([...cells.values()].every(isBlank)) continue;
    if (++dataRows > MAX_BALANCE_ROWS)
      return fileError(`数据行超过 ${MAX_BALANCE_ROWS} 行，请拆分后再导入。`);
    const parsed = readRow(r, cells, header.labels, errors);
    if (!parsed) continue;
    const key = `${parsed.name}\u0000${parsed.stage}`;
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({
        row: r,
        column: header.labels.school,
        message: `“${parsed.name}”的${STAGE_LABELS[parsed.stage]}已在第 ${first} 行填写；同一学校的同一学段只能填一行。`,
      });
    else seen.set(key, r);
    rows.push(parsed);
  }
  if (errors.length > 0) return { errors: errors.slice(0, MAX_SHEET_ERRORS) };
  if (rows.length === 0) return fileError('工作表中没有学校数据：请在表头下方每行填写一所学校的一个学段。');
  return { rows };
}

function unpackedSize(bytes: Uint8Array): number | null {
  // exceljs inflates every part; the sizes the zip declares are read first (nothing is inflated here).
  let entries = 0;
  let size = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        size += file.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries > 5_000 ? Number.POSITIVE_INFINITY : size;
}

interface Header {
  row: number;
  columns: Map<Field, number>;
  /** Each field's header as the sheet writes it, to name the column in errors. */
  labels: Record<Field, string>;
}

// The header is the first of the top ten rows naming 学校 and 学段 (else the row naming most columns);
// each column it lacks is an error.
function findHeader(sheet: ExcelJS.Worksheet): Header | { errors: SheetError[] } {
  let best: (Header & { ratios: Map<BalanceIndicatorKey, string>; errors: SheetError[] }) | null = null;
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const found = {
      row: r,
      columns: new Map<Field, number>(),
      labels: {} as Record<Field, string>,
      ratios: new Map<BalanceIndicatorKey, string>(),
      errors: [] as SheetError[],
    };
    for (let c = 1; c <= Math.min(row.cellCount, 200); c++) {
      const text = cellText(row.getCell(c).value);
      const match = fieldOfHeader(text);
      if (!match) continue;
      if ('ratioOf' in match) {
        found.ratios.set(match.ratioOf, text);
        continue;
      }
      const first = found.labels[match.field];
      if (first !== undefined)
        found.errors.push({
          row: r,
          column: text,
          message: `表头“${text}”与“${first}”是同一列，请只保留一列。`,
        });
      else {
        found.columns.set(match.field, c);
        found.labels[match.field] = text;
      }
    }
    if (!best || found.columns.size > best.columns.size) best = found;
    if (found.columns.has('school') && found.columns.has('stage')) break;
  }
  const row = best?.row ?? 1;
  const errors = best?.errors ?? [];
  for (const [field, name] of FIELD_NAMES) {
    if (best?.columns.has(field)) continue;
    const ratio = best?.ratios.get(field as BalanceIndicatorKey);
    errors.push({
      row,
      column: ratio ?? name,
      message: ratio
        ? `“${ratio}”是换算后的数值；本表填写原始数“${name}”（人数、间数、㎡或元），由工具按学生数换算，请改用模板的列。`
        : `缺少“${name}”列：请使用学校数据模板的表头。`,
    });
  }
  if (errors.length > 0 || !best) return { errors };
  return { row: best.row, columns: best.columns, labels: best.labels };
}

function isBlank(value: ExcelJS.CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.every((p) => p.text.trim() === '');
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))
    return value.result === undefined || value.result === null || value.result === '';
  return false;
}

function readRow(
  r: number,
  cells: Map<Field, ExcelJS.CellValue>,
  labels: Record<Field, string>,
  errors: SheetError[],
): BalanceSchoolInput | null {
  const before = errors.length;
  const fail = (field: Field, message: string) => errors.push({ row: r, column: labels[field], message });

  const name = cellText(cells.get('school') ?? null);
  if (name === '') fail('school', '学校名称为空。');
  else if (name.length > MAX_NAME_LENGTH) fail('school', `学校名称超过 ${MAX_NAME_LENGTH} 字。`);

  const stageText = cellText(cells.get('stage') ?? null);
  const stage = (Object.keys(STAGE_LABELS) as BalanceStage[]).find((s) => STAGE_LABELS[s] === stageText);
  if (!stage)
    fail(
      'stage',
      stageText === ''
        ? '学段为空：请填写“小学”或“初中”（九年一贯制学校分两行填写）。'
        : `学段“${stageText}”无效：只能填写“小学”或“初中”（九年一贯制学校分两行填写）。`,
    );

  const pupils = readNumber(cells.get('pupils') ?? null);
  if (typeof pupils === 'string') fail('pupils', `学生数${pupils}`);
  else if (!Number.isInteger(pupils) || pupils <= 0)
    fail('pupils', `学生数应为大于 0 的整数，现为 ${pupils}。`);

  const raw = {} as Record<BalanceIndicatorKey, number>;
  for (const indicator of BALANCE_INDICATORS) {
    const value = readNumber(cells.get(indicator.key) ?? null);
    if (typeof value === 'string') fail(indicator.key, `${indicator.column}${value}`);
    else if (value < 0) fail(indicator.key, `${indicator.column}不能小于 0，现为 ${value}。`);
    else if (indicator.per === 100 && !Number.isInteger(value))
      fail(indicator.key, `${indicator.column}应为整数（${indicator.rawUnit}），现为 ${value}。`);
    else raw[indicator.key] = value;
  }
  if (errors.length > before || !stage || typeof pupils === 'string') return null;
  return { name, stage, pupils, raw, sheetRow: r };
}

// A cell's number, or why it is not one (a text that follows the column's name).
function readNumber(value: ExcelJS.CellValue): number | string {
  if (value === null || value === undefined) return '为空：没有请填 0。';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '不是有效数字。';
  if (value instanceof Date) return '是日期，应填写数字。';
  if (typeof value === 'boolean') return '应填写数字。';
  if (typeof value === 'string' || 'richText' in value) {
    const text = cellText(value).replace(/,/g, '');
    if (text === '') return '为空：没有请填 0。';
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return Number(text);
    return `“${cellText(value)}”不是数字：只填数字，不带单位。`;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null)
      return '是没有计算结果的公式：请在 Excel 或 WPS 中打开并保存后再导入。';
    if (typeof result === 'object' && 'error' in result) return `的公式结果为错误值 ${result.error}。`;
    return readNumber(result as ExcelJS.CellValue);
  }
  if ('error' in value) return `为错误值 ${value.error}。`;
  return '应填写数字。';
}

/** A school row to prefill in the template (figures left empty when not known). */
export interface TemplateRow {
  name: string;
  stage: BalanceStage;
  pupils?: number | null;
  raw?: Partial<Record<BalanceIndicatorKey, number | null>>;
}

/** The template workbook: the header, one row per school and stage given, and the notes for filling it. */
export async function writeBalanceTemplate(rows: TemplateRow[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  const sheet = book.addWorksheet(BALANCE_SHEET_NAMES.data, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = balanceSheetHeaders();
  sheet.columns = headers.map((header, n) => ({
    header,
    width: n === 0 ? 30 : n === 1 ? 8 : n === 2 ? 10 : Math.max(14, header.length * 2 + 2),
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  headerRow.height = 32;
  for (const row of rows)
    sheet.addRow([
      row.name,
      STAGE_LABELS[row.stage],
      row.pupils ?? null,
      ...BALANCE_INDICATORS.map((i) => row.raw?.[i.key] ?? null),
    ]);
  sheet.getColumn(3).numFmt = '0';
  BALANCE_INDICATORS.forEach((indicator, n) => {
    sheet.getColumn(4 + n).numFmt = indicator.per === 100 ? '0' : '0.00';
  });
  writeNotes(book.addWorksheet(BALANCE_SHEET_NAMES.notes));
  return writeXlsx(book);
}

function writeNotes(notes: ExcelJS.Worksheet): void {
  notes.columns = [
    { header: '列', width: 30 },
    { header: '填写内容', width: 50 },
    { header: '换算为', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.addRow([SHEET_KEY_COLUMNS.school, '学校全称，与单位名录一致。', '']);
  notes.addRow([
    SHEET_KEY_COLUMNS.stage,
    '只能填“小学”或“初中”。九年一贯制学校填两行：一行小学、一行初中，各填本学段的学生数和资源数。',
    '两个学段共用的场馆、设备可按两学段学生数的比例分摊。',
  ]);
  notes.addRow([SHEET_KEY_COLUMNS.pupils, '本学段在校学生人数（人），大于 0 的整数。', '']);
  for (const i of BALANCE_INDICATORS)
    notes.addRow([
      `${i.column}（${i.rawUnit}）`,
      `填写原始数（${i.rawUnit}）${i.per === 100 ? '，整数' : ''}，不带单位；没有请填 0。`,
      `工具按学生数换算为${i.name}（${i.unit}）；最低标准：小学 ${i.minimum.primary}，初中 ${i.minimum.junior}。`,
    ]);
  notes.addRow([]);
  for (const line of [
    '每行是一所学校的一个学段；不要填写生均或每百名学生的数值，工具会按学生数换算。',
    '不足 50 人的教学点和特殊教育学校照常填写，计算时列为“不纳入”并注明原因。',
    '差异系数按学生数加权计算：小学不高于 0.50，初中不高于 0.45；每所学校 7 项中至少 6 项达到最低标准，其余不低于最低标准的 85%。',
  ])
    notes.addRow([line]);
  notes.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
}
