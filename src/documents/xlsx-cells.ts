import type ExcelJS from 'exceljs';

// Every .xlsx Duban writes goes through writeXlsx: no cell is a formula, and no text cell starts with
// a character a spreadsheet would read as the start of a formula (OWASP "CSV injection": = + - @,
// tab, carriage return) — such text gets a leading apostrophe, shown as text by Excel, WPS and
// LibreOffice alike, and kept when a user re-saves the sheet as CSV. Exceljs itself writes a string
// as a shared string (t="s"), never a formula; the apostrophe protects the cell once it is edited
// or exported again. Numbers and dates stay numbers and dates.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text made safe for a spreadsheet cell: a leading apostrophe when it could start a formula. */
export function neutraliseCellText(text: string): string {
  // An apostrophe already followed by such a character gets one more, so the change can be undone.
  return FORMULA_START.test(text) || /^'[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The cell text as written, back to what it was (for a workbook Duban wrote and reads again). */
export function restoreCellText(text: string): string {
  return /^'(?:[=+\-@\t\r]|'[=+\-@\t\r])/.test(text) ? text.slice(1) : text;
}

/** Neutralises every cell of a workbook in place; throws on a formula, which Duban never writes. */
export function neutraliseWorkbook(book: ExcelJS.Workbook): void {
  book.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (typeof value === 'string') {
          const safe = neutraliseCellText(value);
          if (safe !== value) cell.value = safe;
        } else if (value && typeof value === 'object') {
          if ('formula' in value || 'sharedFormula' in value)
            throw new Error(`formula in ${sheet.name}!${cell.address}: Duban writes no formulas`);
          if ('richText' in value && value.richText.length > 0) {
            const [first, ...rest] = value.richText;
            if (first)
              cell.value = { richText: [{ ...first, text: neutraliseCellText(first.text) }, ...rest] };
          } else if ('text' in value && 'hyperlink' in value && typeof value.text === 'string') {
            cell.value = { ...value, text: neutraliseCellText(value.text) };
          }
        }
      });
    });
  });
}

/** The workbook's .xlsx bytes, every cell neutralised first. The one way Duban writes a workbook. */
export async function writeXlsx(book: ExcelJS.Workbook): Promise<Uint8Array> {
  neutraliseWorkbook(book);
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
