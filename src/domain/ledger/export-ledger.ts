import ExcelJS from 'exceljs';
import { writeXlsx } from '../../documents/xlsx-cells.ts';
import type { Light } from '../../shared/plan-tree.ts';
import type { Context } from '../context.ts';
import { requirePlanDate } from '../workflow-input.ts';
import { buildLedger, type Ledger, type LedgerRow } from './build-ledger.ts';
import { LEDGER_COLUMNS } from './columns.ts';
import { ledgerMessages as M } from './messages.ts';

/** The light colours as cell fills (ARGB), pale enough to read black text on. */
export const LIGHT_FILLS: Record<Light, string> = {
  red: 'FFFFA39E',
  yellow: 'FFFFE58F',
  green: 'FFB7EB8F',
  done: 'FFBAE0FF',
  grey: 'FFE8E8E8',
};

const HEADER_FILL = 'FFD9E1F2';

/** A ledger workbook ready to download. */
export interface LedgerFile {
  fileName: string;
  bytes: Uint8Array;
  rows: number;
}

/**
 * Exports a published plan's ledger (台账) as .xlsx: 总台账 with one row per task the actor may
 * see (school copies under their task), then one sheet per department and per school with the
 * tasks it leads or co-owns. Each sheet has a frozen header, filters, widths for Chinese text and
 * the lights as cell fills; the columns are those the decomposition import reads.
 */
export async function exportLedger(
  ctx: Context,
  input: { planId: number; asOf?: string },
): Promise<LedgerFile> {
  const asOf = input.asOf === undefined ? undefined : requirePlanDate(input.asOf, '截至日期');
  const ledger = await buildLedger(ctx, input.planId, asOf);
  return {
    fileName: M.fileName(ledger.planTitle, ledger.asOf),
    bytes: await writeLedger(ledger),
    rows: ledger.rows.length,
  };
}

/** Writes a built ledger as .xlsx bytes. */
export async function writeLedger(ledger: Ledger): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban 督办';
  book.title = M.sheetTitle(ledger.planTitle, ledger.asOf);
  addSheet(book, M.totalSheet, ledger.rows);
  const used = new Set([M.totalSheet]);
  for (const unit of ledger.units) addSheet(book, sheetName(unit.name, used), unit.rows);
  return writeXlsx(book);
}

function addSheet(book: ExcelJS.Workbook, name: string, rows: readonly LedgerRow[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  // Column styles are copied to every cell added below, so rows need no styling of their own.
  sheet.columns = LEDGER_COLUMNS.map((c) => ({
    key: c.key,
    header: c.header,
    width: c.width,
    style: {
      alignment: { vertical: 'top', wrapText: c.wrap === true },
      ...(c.key === 'progress' || c.key === 'selfPercent' ? { numFmt: '0%' } : {}),
    },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 24;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  rows.forEach((row, index) => {
    const added = sheet.addRow({
      rowNo: index + 1,
      taskId: row.taskId,
      section: row.section,
      itemNo: row.itemNo,
      item: row.item,
      title: row.title,
      lead: row.lead ?? '',
      coOwners: row.coOwners.join('、'),
      leaders: row.leaders.join('、'),
      startOn: row.startOn,
      dueOn: row.dueOn,
      indicators: row.indicators,
      // 进度 is the accepted share of what is owed so far ('暂无到期' while nothing is); 自报进度 the unit's own estimate.
      progress: row.progress === null ? M.nothingOwed : row.progress,
      selfPercent: row.selfPercent === null ? '' : row.selfPercent / 100,
      light: row.light ? M.lights[row.light] : '',
      reason: row.reason,
      latestReport: row.latestReport,
      reportedOn: row.reportedOn,
      reviewState: row.reviewState,
      status: row.status,
    });
    if (row.light) {
      added.getCell('light').fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: LIGHT_FILLS[row.light] },
      };
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
}

// Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique ignoring case.
function sheetName(name: string, used: Set<string>): string {
  const clean = [...name.replace(/[:\\/?*[\]]/g, '_')].slice(0, 31).join('') || '_';
  let candidate = clean;
  for (let n = 2; used.has(candidate.toLowerCase()) || used.has(candidate); n++) {
    const suffix = `(${n})`;
    candidate = [...clean].slice(0, 31 - suffix.length).join('') + suffix;
  }
  used.add(candidate);
  used.add(candidate.toLowerCase());
  return candidate;
}
