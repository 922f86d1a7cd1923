import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText } from '../domain/ledger/read-decomposition.ts';
import { neutraliseCellText, restoreCellText, writeXlsx } from './xlsx-cells.ts';

describe('xlsx cell neutralisation', () => {
  it('puts an apostrophe before text a spreadsheet would read as a formula, and only there', () => {
    for (const text of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "'=1"]) {
      expect(neutraliseCellText(text)).toBe(`'${text}`);
      expect(restoreCellText(neutraliseCellText(text))).toBe(text);
    }
    for (const text of ['办公室', 'a=1', ' =1', "'引号", '', '2024-04']) {
      expect(neutraliseCellText(text)).toBe(text);
      expect(restoreCellText(text)).toBe(text);
    }
  });

  it('neutralises plain, rich and hyperlink text cells and refuses to write a formula', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('s');
    sheet.addRow(['=1+1', 42, { richText: [{ text: '-1' }, { text: '+2' }] }]);
    sheet.getCell('D1').value = { text: '@x', hyperlink: 'https://example.org/' };
    const bytes = await writeXlsx(book);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    const row = back.getWorksheet('s')?.getRow(1);
    expect(row?.getCell(1).value).toBe("'=1+1");
    expect(row?.getCell(2).value).toBe(42);
    expect(row?.getCell(3).value).toEqual({ richText: [{ text: "'-1" }, { text: '+2' }] });
    expect(row?.getCell(4).value).toMatchObject({ text: "'@x" });
    const withFormula = new ExcelJS.Workbook();
    withFormula.addWorksheet('f').getCell('A1').value = { formula: '1+1', result: 2 };
    await expect(writeXlsx(withFormula)).rejects.toThrow(/formula/);
  });

  it('reads an exported task title back as it was when the ledger is imported again', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('s').addRow(['-落实“双减”', '=1+1', '普通文字']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await writeXlsx(book)) as unknown as ArrayBuffer);
    const row = back.getWorksheet('s')?.getRow(1);
    expect([1, 2, 3].map((c) => cellText(row?.getCell(c).value ?? null))).toEqual([
      '-落实“双减”',
      '=1+1',
      '普通文字',
    ]);
  });
});
