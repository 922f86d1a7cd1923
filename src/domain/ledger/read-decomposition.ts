import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { restoreCellText } from '../../documents/xlsx-cells.ts';
import { AppError } from '../errors.ts';
import { fieldOfHeader, IMPORT_HEADERS, type ImportField, REQUIRED_FIELDS } from './columns.ts';
import { ledgerMessages as M } from './messages.ts';

/** Most task rows one file may carry (a bureau has ~100 tasks, a city a few thousand). */
export const MAX_DECOMPOSITION_ROWS = 5_000;

/** The most a workbook may claim to unpack to; a 5,000-row sheet unpacks to a few MB. */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** One non-blank row of a decomposition sheet: each recognised column's cell as text. */
export interface DecompositionCells {
  /** The row number as Excel shows it. */
  row: number;
  cells: Partial<Record<ImportField, string>>;
}

/** A decomposition sheet as read: its name, the header each field was found under, and its rows. */
export interface DecompositionSheet {
  sheet: string;
  headers: Partial<Record<ImportField, string>>;
  rows: DecompositionCells[];
}

/**
 * Reads a decomposition workbook: the sheet 总台账 (our own ledger) or else the first sheet; the
 * header row is the first of the top ten rows that names the required columns, by any of their
 * names. Only the bytes decide what the file is; a file that is not a readable .xlsx is refused
 * with a Chinese message.
 */
export async function readDecomposition(bytes: Uint8Array, fileName: string): Promise<DecompositionSheet> {
  // An .xlsx is a zip; anything else (a legacy .xls, a CSV, a PDF) is refused before parsing.
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw new AppError('UNSUPPORTED_TYPE', M.notXlsx(fileName), { field: 'file' });
  }
  refuseZipBomb(bytes, fileName);
  const book = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` type; a Node Buffer is what it reads at run time.
    await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch {
    throw new AppError('INVALID_INPUT', M.brokenXlsx(fileName), { field: 'file' });
  }
  const sheet = book.getWorksheet(M.totalSheet) ?? book.worksheets[0];
  if (!sheet) throw new AppError('INVALID_INPUT', M.noSheet, { field: 'file' });
  const { headerRow, columns, headers } = findHeader(sheet);
  const rows: DecompositionCells[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Partial<Record<ImportField, string>> = {};
    for (const [field, column] of columns) {
      const text = cellText(row.getCell(column).value);
      if (text !== '') cells[field] = text;
    }
    if (Object.keys(cells).length === 0) continue;
    rows.push({ row: r, cells });
    if (rows.length > MAX_DECOMPOSITION_ROWS) {
      throw new AppError('INVALID_INPUT', M.tooManyRows(MAX_DECOMPOSITION_ROWS), { field: 'file' });
    }
  }
  if (rows.length === 0) throw new AppError('INVALID_INPUT', M.noRows, { field: 'file' });
  return { sheet: sheet.name, headers, rows };
}

// exceljs inflates every part; the sizes the zip's directory declares are read first (nothing is
// inflated here) so a small file that claims to unpack to gigabytes is refused before that.
function refuseZipBomb(bytes: Uint8Array, fileName: string): void {
  let entries = 0;
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries++;
        unpacked += file.originalSize;
        return false;
      },
    });
  } catch {
    throw new AppError('INVALID_INPUT', M.brokenXlsx(fileName), { field: 'file' });
  }
  if (entries > 5_000 || unpacked > MAX_UNPACKED_BYTES) {
    throw new AppError('TOO_LARGE', M.unpacksTooLarge(fileName), { field: 'file' });
  }
}

function findHeader(sheet: ExcelJS.Worksheet) {
  let best: ImportField[] = [];
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const columns = new Map<ImportField, number>();
    const headers: Partial<Record<ImportField, string>> = {};
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) {
      const text = cellText(row.getCell(c).value);
      const field = fieldOfHeader(text);
      if (!field) continue;
      const first = headers[field];
      if (first !== undefined) {
        throw new AppError('INVALID_INPUT', M.duplicateHeader(text, first), { field: 'file', row: r });
      }
      columns.set(field, c);
      headers[field] = text;
    }
    if (REQUIRED_FIELDS.every((f) => columns.has(f))) return { headerRow: r, columns, headers };
    if (columns.size > best.length) best = [...columns.keys()];
  }
  const missing = REQUIRED_FIELDS.filter((f) => !best.includes(f)).map((f) => IMPORT_HEADERS[f][0]!);
  throw new AppError('INVALID_INPUT', M.noHeader(missing), { field: 'file' });
}

/**
 * A cell's value as trimmed text; a date cell becomes its YYYY-MM-DD day. Text Duban's own export
 * neutralised against formulas (a leading apostrophe) reads back as it was.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel stores a day without a time zone; exceljs reads it as that day at 00:00 UTC.
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string') return restoreCellText(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if ('richText' in value)
    return restoreCellText(
      value.richText
        .map((part) => part.text)
        .join('')
        .trim(),
    );
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('error' in value) return '';
  return '';
}
