import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrAvailable } from '../../src/notice/read-ocr.ts';
import type { NoticeFormat, ParsedNotice } from '../../src/shared/parsed-notice.ts';
import { FIXTURES } from '../parser/expected-notice.ts';
import { buildDocx, buildPdf, hasCjkFont, textLines, yunxiText } from './notice-builders.ts';
import { buildOfd } from './ofd-writer.ts';

// `duban parse FILE --json` on the Yunxi notice in every format a bureau sends — .txt (UTF-8 and
// GBK), .docx, .doc (LibreOffice writes it here), OFD, a text PDF, a scanned PDF (pages rendered to
// pictures and wrapped without text) — run as a user runs it: the same structure every time, the
// format named in `source`, the same 23 items, leaders and departments (a scan: ≥ 95 % of them).

const root = new URL('../../', import.meta.url).pathname;
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
const work = mkdtempSync(join(tmpdir(), 'duban-formats-'));
const run = promisify(execFile);

interface Expected {
  sections: Array<{ items: Array<{ no: number; leaders: string[]; departments: string[] }> }>;
}
const expected = JSON.parse(readFileSync(`${FIXTURES}yunxi-2024.expected.json`, 'utf8')) as Expected;
const wanted = expected.sections.flatMap((s) => s.items);

const files: Array<{ name: string; format: NoticeFormat; make: () => Promise<Uint8Array> }> = [
  { name: 'yunxi.txt', format: 'txt', make: async () => new TextEncoder().encode(yunxiText()) },
  {
    name: 'yunxi-gbk.txt',
    format: 'txt',
    make: async () => new Uint8Array(readFileSync(`${FIXTURES}yunxi-2024.gbk.txt`)),
  },
  { name: 'yunxi.docx', format: 'docx', make: () => buildDocx(textLines(yunxiText())) },
  { name: 'yunxi.ofd', format: 'ofd', make: async () => buildOfd(textLines(yunxiText())) },
];
if (SOFFICE) files.push({ name: 'yunxi.doc', format: 'doc', make: () => toDoc(textLines(yunxiText())) });
if (hasCjkFont)
  files.push({ name: 'yunxi.pdf', format: 'pdf', make: () => buildPdf(textLines(yunxiText())) });
if (hasCjkFont && ocrAvailable()) files.push({ name: 'yunxi-scan.pdf', format: 'scan', make: scanOf });

const parsed = new Map<string, ParsedNotice>();

beforeAll(async () => {
  for (const file of files) writeFileSync(join(work, file.name), await file.make());
  // Two CLI runs at a time: each is a whole process, as a user starts it.
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const { stdout } = await run(
        process.execPath,
        ['bin/duban', 'parse', join(work, file.name), '--json'],
        {
          cwd: root,
          maxBuffer: 64 * 1024 * 1024,
          timeout: 240_000,
        },
      );
      parsed.set(file.name, JSON.parse(stdout) as ParsedNotice);
    }
  };
  await Promise.all([worker(), worker()]);
}, 400_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('duban parse --json on the Yunxi notice in every format', () => {
  it('covers the formats this machine can make (LibreOffice, a CJK font and tesseract are installed by .ci/run)', () => {
    if (process.env.CI)
      expect(files.map((f) => f.format)).toEqual(['txt', 'txt', 'docx', 'ofd', 'doc', 'pdf', 'scan']);
  });

  it.each(files)('$name gives the same structure, its format in source', ({ name, format }) => {
    const notice = parsed.get(name)!;
    expect(notice.source?.format).toBe(format);
    expect(shape(notice)).toEqual(shape(parsed.get('yunxi.txt')!));
    expect(Boolean(notice.source?.ocr)).toBe(format === 'scan');
    if (format === 'scan') expect(notice.warnings[0]?.code).toBe('OCR_TEXT');
  });

  it.each(files)(
    '$name gives the title and the 23 items with their leaders and departments',
    ({ name, format }) => {
      const items = parsed.get(name)!.sections.flatMap((s) => s.items);
      expect(items.map((i) => i.no)).toEqual(wanted.map((w) => w.no));
      expect(parsed.get(name)!.title.replace(/\s/g, '')).toBe('云溪区2024年教育体育工作要点');
      const right = (field: 'leaders' | 'departments') =>
        wanted.filter((w, i) => JSON.stringify(items[i]?.[field]) === JSON.stringify(w[field])).length;
      const share = Math.min(right('leaders'), right('departments')) / wanted.length;
      expect(share).toBeGreaterThanOrEqual(format === 'scan' ? 0.95 : 1);
    },
  );
});

/** The keys of the notice, a section, an item and an indicator: what a script reading the JSON relies on. */
function shape(notice: ParsedNotice): Record<string, string[]> {
  const item = notice.sections[0]?.items[0];
  const { source: _source, ...rest } = notice;
  return {
    notice: Object.keys(rest).sort(),
    section: Object.keys(notice.sections[0] ?? {}).sort(),
    item: Object.keys(item ?? {}).sort(),
    indicator: Object.keys(
      notice.sections.flatMap((s) => s.items).flatMap((i) => i.indicators)[0] ?? {},
    ).sort(),
  };
}

// A .doc as Word 97–2003 writes it, made from a .docx by LibreOffice (a private profile per run).
async function toDoc(lines: readonly string[]): Promise<Uint8Array> {
  const dir = mkdtempSync(join(work, 'doc-'));
  writeFileSync(join(dir, 'notice.docx'), await buildDocx(lines));
  await run(
    SOFFICE!,
    [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'doc',
      '--outdir',
      dir,
      join(dir, 'notice.docx'),
    ],
    { timeout: 170_000, env: { ...process.env, HOME: dir } },
  );
  return new Uint8Array(readFileSync(join(dir, 'notice.doc')));
}

// A scan as a copier makes one: the printed pages as 200 dpi pictures in a PDF without text.
async function scanOf(): Promise<Uint8Array> {
  const dir = mkdtempSync(join(work, 'scan-'));
  writeFileSync(join(dir, 'printed.pdf'), await buildPdf(textLines(yunxiText())));
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', 'printed.pdf', 'page'], { cwd: dir });
  const pages = readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort();
  execFileSync('img2pdf', [...pages, '-o', 'scan.pdf'], { cwd: dir });
  return new Uint8Array(readFileSync(join(dir, 'scan.pdf')));
}
