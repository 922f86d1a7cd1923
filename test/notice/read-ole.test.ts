import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { NoticeReadError } from '../../src/notice/read-messages.ts';
import { readOle } from '../../src/notice/read-ole.ts';
import { openCompoundFile } from '../../src/notice/read-ole-cfb.ts';
import { findLibreOffice, libreOfficeTimeoutMs } from '../../src/notice/read-ole-libreoffice.ts';
import { readFib } from '../../src/notice/read-ole-word.ts';
import { numberedStyles } from '../../src/notice/read-ole-word-styles.ts';
import type { ParsedNotice } from '../../src/notice/types.ts';
import { type ExpectedNotice, project, readFixture, withoutCodes } from '../parser/expected-notice.ts';
import { buildDocx, buildNumberedDocx, textLines, yunxiText } from '../readers/notice-builders.ts';

// Every .doc here is written by LibreOffice from a .docx we build, as a clerk's "save as Word 97"
// would; nothing is mocked. The .xls comes from LibreOffice Calc.
const SOFFICE = findLibreOffice();
const SKIP_REASON =
  'skipped: LibreOffice (soffice) is not installed, and the .doc files are made with it (CI installs libreoffice-writer-nogui)';

/** Converts the files with one LibreOffice run (private profile) and returns the converted bytes by input name. */
async function convert(
  inputs: Record<string, Uint8Array>,
  target: string,
): Promise<Record<string, Uint8Array>> {
  const dir = mkdtempSync(join(tmpdir(), 'duban-ole-test-'));
  try {
    const paths = Object.entries(inputs).map(([name, bytes]) => {
      writeFileSync(join(dir, name), bytes);
      return join(dir, name);
    });
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await promisify(execFile)(
      SOFFICE!,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        target,
        '--outdir',
        join(dir, 'out'),
        ...paths,
      ],
      { timeout: 170_000, env: { ...process.env, HOME: dir } },
    );
    const extension = target.split(':')[0]!;
    return Object.fromEntries(
      Object.keys(inputs).map((name) => [
        name.replace(/\.[^.]+$/, ''),
        new Uint8Array(readFileSync(join(dir, 'out', name.replace(/\.[^.]+$/, `.${extension}`)))),
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function readError(bytes: Uint8Array): Promise<NoticeReadError> {
  const error = await readOle(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof NoticeReadError)) throw new Error(`expected NoticeReadError, got ${String(error)}`);
  return error;
}

// The WordDocument stream starts on a sector with the FIB's magic (EC A5).
function fibOffset(bytes: Uint8Array): number {
  let at = 512;
  while (at < bytes.length && !(bytes[at] === 0xec && bytes[at + 1] === 0xa5)) at += 512;
  return at;
}

function yunxiExpected(): ExpectedNotice {
  return JSON.parse(
    readFileSync(new URL('../fixtures/notices/yunxi-2024.expected.json', import.meta.url), 'utf8'),
  ) as ExpectedNotice;
}

function expectStructure(parsed: ParsedNotice, expected: ExpectedNotice): void {
  expect(project(parsed, expected)).toEqual(withoutCodes(expected));
  expect(parsed.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(expected.warningCodes ?? []));
}

// The task-table fixture as a real Word table: lines before 序号 are paragraphs; then the 4-column
// header, rows of 4 cells, and each section heading as one row-wide cell.
async function buildTableDocx(lines: string[]): Promise<Uint8Array> {
  const start = lines.indexOf('序号');
  const cell = (text: string, columnSpan?: number) =>
    new TableCell({ children: [new Paragraph(text)], ...(columnSpan ? { columnSpan } : {}) });
  const rows: TableRow[] = [];
  for (let i = start; i < lines.length; ) {
    if (/^[一二三四五六七八九十]+、/.test(lines[i]!)) {
      rows.push(new TableRow({ children: [cell(lines[i]!, 4)] }));
      i++;
    } else {
      rows.push(new TableRow({ children: lines.slice(i, i + 4).map((text) => cell(text)) }));
      i += 4;
    }
  }
  const children = [...lines.slice(0, start).map((line) => new Paragraph(line)), new Table({ rows })];
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

// Headers, footers with a page-number field, a tab, a line break and a cell of two paragraphs.
async function buildMarksDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: text.split('\n').map((p) => new Paragraph(p)) });
  const footerRun = new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页'] });
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('页眉：临溪区教育体育局')] }) },
        footers: { default: new Footer({ children: [new Paragraph({ children: [footerRun] })] }) },
        children: [
          new Paragraph('重点任务分工'),
          new Paragraph({ children: [new TextRun('责任领导：\t王明')] }),
          new Table({
            rows: [
              new TableRow({ children: [cell('序号'), cell('重点工作任务'), cell('责任单位')] }),
              new TableRow({
                children: [cell('1'), cell('推进“双减”——落实到位。'), cell('基础教育股\n人事股')],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun('换行前'), new TextRun({ text: '换行后', break: 1 })] }),
          new Paragraph('末行'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// The docx package restarts each list with a startOverride, which LibreOffice carries into the
// .doc as a restart after the first paragraph; Word reads the override for the whole list. Without
// it both agree: one list running 1–23 and one running 一–五, as a clerk's notice has.
function withoutStartOverrides(docx: Uint8Array): Uint8Array {
  const parts = unzipSync(docx);
  const numbering = strFromU8(parts['word/numbering.xml']!);
  parts['word/numbering.xml'] = strToU8(numbering.replace(/<w:lvlOverride\b.*?<\/w:lvlOverride>/g, ''));
  return zipSync(parts);
}

// Headings numbered by their style, as Word's 多级列表 linked to 标题 1 does: the heading
// paragraphs name the style only, the style carries the list (numId 2 is the 一、 list); items keep typed numbers.
function withStyleNumberedHeadings(numberedDocx: Uint8Array, lines: readonly string[]): Uint8Array {
  const parts = unzipSync(withoutStartOverrides(numberedDocx));
  let body = strFromU8(parts['word/document.xml']!);
  body = body.replaceAll(
    '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>',
    '<w:pStyle w:val="Heading1"/>',
  );
  const items = lines.filter((line) => /^\d+\./.test(line));
  let next = 0;
  // Items get their typed numbers back instead of the automatic ones.
  body = body.replace(
    /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="3"\/><\/w:numPr><\/w:pPr><w:r><w:t xml:space="preserve">/g,
    () => {
      const number = /^\d+\.\s*/.exec(items[next++] ?? '')?.[0] ?? '';
      return `</w:pPr><w:r><w:t xml:space="preserve">${number}`;
    },
  );
  parts['word/document.xml'] = strToU8(body);
  const styles = strFromU8(parts['word/styles.xml']!);
  parts['word/styles.xml'] = strToU8(
    styles.replace(
      /(w:styleId="Heading1">.*?<w:qFormat\/>)/,
      '$1<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr>',
    ),
  );
  return zipSync(parts);
}

// WPS stamps its build number into every document it saves (custom.xml in a .docx, the
// user-defined properties of a .doc/.wps); LibreOffice carries it over into the .doc it writes.
async function buildKingsoftDocx(): Promise<Uint8Array> {
  const doc = new Document({
    customProperties: [{ name: 'KSOProductBuildVer', value: '2052-11.1.0.14309' }],
    sections: [{ children: [new Paragraph('一、总体要求'), new Paragraph('1. 加强党的建设。')] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const suite = SOFFICE ? describe : describe.skip;

suite(SOFFICE ? 'readOle on .doc and .wps' : `readOle on .doc and .wps (${SKIP_REASON})`, () => {
  const lines = textLines(yunxiText());
  const table = readFixture('formats/07-task-table-cells');
  let doc: Record<string, Uint8Array> = {};
  let xls: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    const inputs = {
      'yunxi.docx': await buildDocx(lines),
      'numbered.docx': withoutStartOverrides(await buildNumberedDocx(lines)),
      'styled.docx': withStyleNumberedHeadings(await buildNumberedDocx(lines), lines),
      'table.docx': await buildTableDocx(textLines(table.text)),
      'marks.docx': await buildMarksDocx(),
      'kingsoft.docx': await buildKingsoftDocx(),
    };
    const sheet = { 'sheet.csv': new TextEncoder().encode('序号,任务\n1,加强党的建设\n') };
    [doc, xls] = await Promise.all([convert(inputs, 'doc:MS Word 97'), convert(sheet, 'xls')]);
  }, 180_000);

  it('reads the Yunxi notice line for line and parses all of it: 23 items, their leaders and departments', async () => {
    const read = await readOle(doc.yunxi!);
    expect(read.source).toEqual({ format: 'doc', reader: 'word-extractor' });
    expect(textLines(read.text)).toEqual(lines);
    const parsed = parseNoticeText(read.text);
    expect(parsed.sections.flatMap((s) => s.items)).toHaveLength(23);
    expectStructure(parsed, yunxiExpected());
  });

  it('hands automatic numbering (not in the text) to LibreOffice, which prints the numbers', async () => {
    const read = await readOle(doc.numbered!);
    expect(read.source).toEqual({ format: 'doc', reader: 'libreoffice' });
    const parsed = parseNoticeText(read.text);
    expect(parsed.sections.flatMap((s) => s.items.map((i) => i.no))).toEqual(
      Array.from({ length: 23 }, (_, i) => i + 1),
    );
    const expected = yunxiExpected();
    const items = (notice: { sections?: Array<{ items: Array<Record<string, unknown>> }> }) =>
      notice.sections?.flatMap((s) => s.items.map((i) => [i.no, i.title, i.leaders, i.departments]));
    expect(items(parsed as unknown as ExpectedNotice)).toEqual(items(expected));
  }, 60_000);

  it('reads a task table one cell per line, so the parser finds its items and units', async () => {
    const read = await readOle(doc.table!);
    expect(read.source.reader).toBe('word-extractor');
    expect(textLines(read.text)).toEqual(textLines(table.text));
    expectStructure(parseNoticeText(read.text), table.expected);
  });

  it('keeps cells, tabs and line breaks, shows field results, and leaves headers and footers out', async () => {
    const read = await readOle(doc.marks!);
    expect(read.text.split('\n')).toEqual([
      '重点任务分工',
      '责任领导：\t王明',
      '序号',
      '重点工作任务',
      '责任单位',
      '1',
      '推进“双减”——落实到位。',
      '基础教育股 人事股',
      '换行前',
      '换行后',
      '末行',
    ]);
  });

  it('says a file WPS wrote is .wps and one LibreOffice wrote is .doc, by the bytes alone', async () => {
    const read = await readOle(doc.kingsoft!);
    expect(read).toEqual({
      text: '一、总体要求\n1. 加强党的建设。',
      source: { format: 'wps', reader: 'word-extractor' },
    });
    expect((await readOle(doc.marks!)).source.format).toBe('doc');
  });

  it('also hands over headings numbered by their style (标题 1 linked to a 一、 list)', async () => {
    const read = await readOle(doc.styled!);
    expect(read.source).toEqual({ format: 'doc', reader: 'libreoffice' });
    const parsed = parseNoticeText(read.text);
    expect(parsed.sections.map((s) => [s.no, s.items.length])).toEqual(
      (yunxiExpected().sections ?? []).map((s) => [s.no, s.items.length]),
    );
  }, 60_000);

  it('finds the numbered style in the stylesheet (LibreOffice also marks each paragraph, Word may not)', () => {
    const styles = (bytes: Uint8Array) => {
      const file = openCompoundFile(bytes);
      const word = file.stream('WordDocument')!;
      return numberedStyles(word, file.stream(readFib(word).tableStream)!);
    };
    expect(styles(doc.styled!).size).toBeGreaterThan(0);
    expect(styles(doc.yunxi!).size).toBe(0);
  });

  it('gives the text without the automatic numbers when LibreOffice is not installed', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const read = await readOle(doc.numbered!);
      expect(read.source).toEqual({ format: 'doc', reader: 'word-extractor' });
      expect(textLines(read.text)).toEqual(
        lines.map((line) => line.replace(/^([一二三四五]、|\d+\.\s*)/, '')),
      );
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses a .doc whose piece table points nowhere, rather than show LibreOffice mojibake', async () => {
    const bytes = new Uint8Array(doc.yunxi!);
    const fib = fibOffset(bytes);
    // fcClx: where the table stream holds the piece table that maps characters to bytes.
    new DataView(bytes.buffer).setUint32(fib + 0x1a2, 0x7fffff00, true);
    expect((await readError(bytes)).code).toBe('OLE_UNREADABLE');
  }, 60_000);

  it('refuses an Excel workbook with OLE_NOT_WORD', async () => {
    const error = await readError(xls.sheet!);
    expect(error.code).toBe('OLE_NOT_WORD');
    expect(error.message).toContain('Excel');
  });

  it.each([
    ['cut in half', 0.5],
    ['cut at three quarters', 0.75],
    ['cut after its first sectors', 0.05],
  ])('refuses a .doc %s with OLE_UNREADABLE at once, without calling LibreOffice', async (_, share) => {
    const bytes = doc.yunxi!;
    const started = performance.now();
    const error = await readError(bytes.subarray(0, Math.floor(bytes.length * share)));
    expect(error.code).toBe('OLE_UNREADABLE');
    expect(error.message).toContain('.docx');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses a sector chain that loops back on itself at once', async () => {
    const bytes = new Uint8Array(doc.yunxi!);
    const view = new DataView(bytes.buffer);
    const firstFatSector = view.getInt32(76, true);
    const directoryStart = view.getInt32(48, true);
    view.setInt32((firstFatSector + 1) * 512 + directoryStart * 4, directoryStart, true);
    expect((await readError(bytes)).code).toBe('OLE_UNREADABLE');
  });

  it('refuses a password-protected .doc with OLE_ENCRYPTED', async () => {
    const bytes = new Uint8Array(doc.yunxi!);
    bytes[fibOffset(bytes) + 0x0b]! |= 0x01; // the FIB's fEncrypted flag
    expect((await readError(bytes)).code).toBe('OLE_ENCRYPTED');
  });
});

describe('readOle without a usable compound file', () => {
  it('refuses the bare OLE signature with OLE_UNREADABLE', async () => {
    const header = new Uint8Array(1024);
    header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await readError(header)).code).toBe('OLE_UNREADABLE');
  });
});

describe('the LibreOffice deadline', () => {
  it('ends a conversion before a parse sandbox with a low CPU limit is killed (at twice that limit)', () => {
    const limits = (cpu: string) => `Limit Soft Limit Hard Limit Units\nMax cpu time ${cpu} ${cpu} seconds\n`;
    expect(libreOfficeTimeoutMs(limits('unlimited'))).toBe(30_000);
    expect(libreOfficeTimeoutMs(limits('60'))).toBe(30_000);
    const short = libreOfficeTimeoutMs(limits('8'));
    expect(short).toBeGreaterThanOrEqual(5_000);
    expect(short).toBeLessThan(16_000);
  });
});
