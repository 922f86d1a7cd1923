import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../src/notice/parse-notice.ts';
import { type NoticeReadError, READ_MESSAGES } from '../../src/notice/read-messages.ts';
import { ocrAvailable, readScan } from '../../src/notice/read-ocr.ts';
import { ocrTextFromTsv } from '../../src/notice/read-ocr-tsv.ts';
import type { NoticeRead } from '../../src/notice/read-result.ts';
import type { ParsedItem } from '../../src/shared/parsed-notice.ts';
import { FIXTURES } from '../parser/expected-notice.ts';
import { buildPdf, CJK_FONT, hasCjkFont, textLines, yunxiText } from '../readers/notice-builders.ts';

// The scans are made here from the Yunxi notice: a text PDF, its pages rendered to 200 dpi pictures
// (pdftoppm), the pictures wrapped into a PDF without text (img2pdf), as a scanner makes one.
const hasTesseract = ocrAvailable();
const work = mkdtempSync(join(tmpdir(), 'duban-ocr-test-'));
const file = (name: string) => new Uint8Array(readFileSync(join(work, name)));
const compact = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

describe('readScan (OCR of scanned notices with tesseract)', () => {
  it('needs tesseract with chi_sim and a CJK font to make scans', () => {
    // CI installs both (.ci/run); fail loudly rather than skip on a machine missing the font.
    expect(hasCjkFont, `install fonts-noto-cjk (${CJK_FONT.path})`).toBe(true);
    if (!hasTesseract)
      console.warn('OCR tests skipped: tesseract-ocr with tesseract-ocr-chi-sim is not installed');
  });

  describe.runIf(hasTesseract && hasCjkFont)('on a scan of the Yunxi notice', () => {
    let scan: NoticeRead;
    let seconds = 0;
    beforeAll(async () => {
      writeFileSync(join(work, 'yunxi.pdf'), await buildPdf(textLines(yunxiText())));
      run('pdftoppm', ['-r', '200', '-png', 'yunxi.pdf', 'page']);
      const pages = readdirSync(work).filter((f) => /^page-\d+\.png$/.test(f));
      run('img2pdf', [...pages.sort(), '-o', 'scan.pdf']);
      const started = performance.now();
      scan = await readScan(file('scan.pdf'), 'pdf');
      seconds = (performance.now() - started) / 1000;
    }, 300_000);

    it('reads every page and says the text came from tesseract', () => {
      expect(scan.source).toMatchObject({ format: 'scan', reader: 'tesseract', pages: 8 });
      console.log(
        `OCR of the 8-page Yunxi scan: ${seconds.toFixed(1)} s, ${(seconds / 8).toFixed(1)} s per page`,
      );
    });

    it('parses to the 23 items with ≥ 95 % of leaders and departments right', () => {
      const expected = JSON.parse(readFileSync(`${FIXTURES}yunxi-2024.expected.json`, 'utf8')) as {
        sections: Array<{ items: Array<{ no: number; leaders: string[]; departments: string[] }> }>;
      };
      const wanted = expected.sections.flatMap((s) => s.items);
      const items = parseNoticeText(scan.text).sections.flatMap((s) => s.items);
      expect(items.map((i) => i.no)).toEqual(wanted.map((w) => w.no));
      const right = (field: 'leaders' | 'departments') =>
        wanted.filter((w) => sameList(items.find((i: ParsedItem) => i.no === w.no)?.[field], w[field]))
          .length;
      const leaders = right('leaders');
      const departments = right('departments');
      console.log(
        `OCR of the Yunxi scan: items ${items.length}/23, leaders ${leaders}/23 (${percent(leaders)}), ` +
          `departments ${departments}/23 (${percent(departments)}), mean confidence ${scan.source.ocr?.meanConfidence}`,
      );
      expect(leaders / wanted.length).toBeGreaterThanOrEqual(0.95);
      expect(departments / wanted.length).toBeGreaterThanOrEqual(0.95);
    });

    it('sets no spaces between hanzi and puts right the brackets of the document number', () => {
      expect(scan.text).toContain('岳阳市云溪区教育体育局');
      expect(scan.text).toContain('岳云教体〔2024〕4号');
      expect(scan.text).toMatch(/云溪区2024年教育体育工作要点/);
      expect(scan.text).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    });

    it('keeps nearly every character of the notice', () => {
      expect(bigramRecall(yunxiText(), scan.text)).toBeGreaterThan(0.9);
    });

    it('marks the words it is unsure of with offsets into the returned text', () => {
      const ocr = scan.source.ocr!;
      expect(ocr.meanConfidence).toBeGreaterThan(80);
      expect(ocr.meanConfidence).toBeLessThanOrEqual(100);
      expect(ocr.lowConfidence.length).toBeGreaterThan(0);
      let last = 0;
      for (const span of ocr.lowConfidence) {
        expect(span.start).toBeGreaterThanOrEqual(last);
        expect(span.end).toBeGreaterThan(span.start);
        expect(span.confidence).toBeLessThan(70);
        expect(scan.text.slice(span.start, span.end).trim()).not.toBe('');
        expect(scan.text.slice(span.start, span.end)).not.toContain('\n');
        last = span.end;
      }
      // Most of the notice was read with confidence.
      const unsure = ocr.lowConfidence.reduce((sum, span) => sum + span.end - span.start, 0);
      expect(unsure / scan.text.length).toBeLessThan(0.1);
    });

    it('reads a photo of one page (PNG)', async () => {
      const page = await readScan(file('page-1.png'), 'image');
      expect(page.source).toMatchObject({ format: 'scan', reader: 'tesseract', pages: 1 });
      expect(page.text).toContain('关于印发《云溪区2024年教育体育工作要点》的通知');
      // Nearly all that was read is the notice's text (the page ends mid-paragraph, so recall is not asked).
      expect(bigramRecall(page.text, yunxiText())).toBeGreaterThan(0.9);
    });

    it('reads a slightly rotated, speckled photo of a page', async () => {
      writeFileSync(join(work, 'skewed.pdf'), await skewedPage(textLines(yunxiText()).slice(0, 12)));
      run('pdftoppm', ['-r', '200', '-gray', '-png', '-singlefile', 'skewed.pdf', 'skewed']);
      const page = await readScan(file('skewed.png'), 'image');
      expect(page.text).toContain('岳阳市云溪区教育体育局');
      expect(bigramRecall(textLines(yunxiText()).slice(0, 12).join(''), page.text)).toBeGreaterThan(0.8);
    });

    it('gives up with OCR_TOO_SLOW when the deadline passes, killing tesseract and leaving no files', async () => {
      const ownTmp = mkdtempSync(join(work, 'tmp-'));
      const started = performance.now();
      const failure = await withTmpdir(ownTmp, () =>
        readScan(file('scan.pdf'), 'pdf', { deadlineMs: Date.now() + 1500 }),
      ).catch((error: NoticeReadError) => error);
      expect(failure).toMatchObject({ code: 'OCR_TOO_SLOW', message: READ_MESSAGES.OCR_TOO_SLOW });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(readdirSync(ownTmp)).toEqual([]);
    });

    it('refuses at once a photo declaring more than 25 million pixels', async () => {
      const huge = file('page-1.png');
      const header = new DataView(huge.buffer, huge.byteOffset);
      header.setUint32(16, 20_000);
      header.setUint32(20, 30_000);
      await expect(readScan(huge, 'image')).rejects.toMatchObject({ code: 'OCR_TOO_SLOW' });
    });

    it('refuses a scan of more than 30 pages at once with OCR_TOO_SLOW', async () => {
      run('pdftoppm', ['-r', '20', '-png', '-f', '1', '-l', '1', '-singlefile', 'yunxi.pdf', 'tiny']);
      run('img2pdf', [...Array.from({ length: 31 }, () => 'tiny.png'), '-o', 'long.pdf']);
      const started = performance.now();
      await expect(readScan(file('long.pdf'), 'pdf')).rejects.toMatchObject({ code: 'OCR_TOO_SLOW' });
      expect(performance.now() - started).toBeLessThan(3000);
    });
  });

  describe.runIf(hasTesseract && hasCjkFont)('on pictures without a notice', () => {
    it('says OCR_FAILED for a picture of noise, leaving no files', async () => {
      writeFileSync(join(work, 'noise.pdf'), await noisePage());
      run('pdftoppm', ['-r', '100', '-gray', '-png', '-singlefile', 'noise.pdf', 'noise']);
      const ownTmp = mkdtempSync(join(work, 'tmp-'));
      const failure = await withTmpdir(ownTmp, () => readScan(file('noise.png'), 'image')).catch(
        (error: NoticeReadError) => error,
      );
      expect(failure).toMatchObject({ code: 'OCR_FAILED', message: READ_MESSAGES.OCR_FAILED });
      expect(readdirSync(ownTmp)).toEqual([]);
    });

    it('never hands tesseract a file that is not a picture (it would read it as a list of paths)', async () => {
      writeFileSync(join(work, 'list.txt'), `${join(work, 'noise.png')}\n`);
      await expect(readScan(file('list.txt'), 'image')).rejects.toMatchObject({ code: 'OCR_FAILED' });
    });

    it('says OCR_MISSING when tesseract is not there (DUBAN_TESSERACT names a missing program)', async () => {
      const before = process.env.DUBAN_TESSERACT;
      process.env.DUBAN_TESSERACT = '/nonexistent/tesseract';
      try {
        expect(ocrAvailable()).toBe(false);
        await expect(readScan(file('noise.png'), 'image')).rejects.toMatchObject({
          code: 'OCR_MISSING',
          message: READ_MESSAGES.OCR_MISSING,
        });
      } finally {
        if (before === undefined) delete process.env.DUBAN_TESSERACT;
        else process.env.DUBAN_TESSERACT = before;
      }
      expect(ocrAvailable()).toBe(true);
    });
  });
});

describe("the text built from tesseract's words", () => {
  // level page block par line word left top width height conf text
  const word = (page: number, par: number, line: number, conf: number, text: string) =>
    `5\t${page}\t1\t${par}\t${line}\t1\t0\t0\t10\t10\t${conf}\t${text}`;
  const tsv = (...rows: string[]) => ['level\tpage_num', ...rows].join('\n');

  it('joins hanzi without spaces, keeps them between Latin words and digits, and breaks lines as printed', () => {
    const page = tsv(
      word(1, 1, 1, 96, '（'),
      word(1, 1, 1, 95, '责任'),
      word(1, 1, 1, 61, '领导'),
      word(1, 1, 1, 40, '：'),
      word(1, 1, 1, 93, '陈丽'),
      word(1, 1, 2, 91, 'Office'),
      word(1, 1, 2, 90, '2016'),
      word(1, 1, 2, 92, '版'),
      word(1, 2, 1, 97, '二、'),
    );
    const built = ocrTextFromTsv([page, tsv(word(1, 1, 1, 20, '三'))]);
    expect(built.text).toBe('(责任领导:陈丽\nOffice 2016版\n\n二、\n\n三');
    // 领导 and ： (now :) are one span with the lower confidence; 三 on the next page is another.
    expect(built.lowConfidence).toEqual([
      { start: 3, end: 6, confidence: 40 },
      { start: built.text.length - 1, end: built.text.length, confidence: 20 },
    ]);
    expect(built.text.slice(3, 6)).toBe('领导:');
    expect(built.meanConfidence).toBeCloseTo((96 + 95 + 61 + 40 + 93 + 91 + 90 + 92 + 97 + 20) / 10, 1);
  });

  it("puts right brackets, the document number and a note's lost colons, one character for one", () => {
    const page = tsv(
      word(1, 1, 1, 90, '岳云教体【2024]4号'),
      word(1, 2, 1, 90, '《宪法》学习。《责任领导;陈丽,考任股室'),
      word(1, 2, 2, 90, '办公室)'),
    );
    expect(ocrTextFromTsv([page]).text).toBe(
      '岳云教体〔2024〕4号\n\n《宪法》学习。(责任领导:陈丽,责任股室:办公室)',
    );
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: readonly string[]): void {
  execFileSync(command, args, { cwd: work, stdio: 'pipe' });
}

function sameList(got: readonly string[] | undefined, want: readonly string[]): boolean {
  return got !== undefined && got.length === want.length && got.every((g, i) => g === want[i]);
}

function percent(right: number): string {
  return `${((right / 23) * 100).toFixed(1)} %`;
}

// The share of the source's two-character sequences found in the other text, spaces and NFKC aside.
function bigramRecall(source: string, ocr: string): number {
  const a = compact(source);
  const b = compact(ocr);
  const found = new Set<string>();
  for (let i = 0; i + 1 < b.length; i++) found.add(b.slice(i, i + 2));
  let hits = 0;
  for (let i = 0; i + 1 < a.length; i++) if (found.has(a.slice(i, i + 2))) hits++;
  return hits / Math.max(1, a.length - 1);
}

async function withTmpdir<T>(dir: string, action: () => Promise<T>): Promise<T> {
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await action();
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  }
}

// A deterministic pseudo-random sequence, so the speckles and the noise are the same every run.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function pdfOf(draw: (pdf: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 72 });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    draw(pdf);
    pdf.end();
  });
}

// A page set 1.5° askew, with grey speckles as a photocopier leaves.
function skewedPage(lines: readonly string[]): Promise<Uint8Array> {
  return pdfOf((pdf) => {
    const next = random(7);
    for (let i = 0; i < 1500; i++) pdf.circle(next() * 595, next() * 842, 0.3 + next() * 0.5).fill('#555555');
    pdf.rotate(1.5, { origin: [298, 421] });
    pdf.registerFont('cjk', CJK_FONT.path, CJK_FONT.face);
    pdf.font('cjk').fontSize(14).fillColor('#000000');
    for (const line of lines) pdf.text(line, { paragraphGap: 6 });
  });
}

// Blots and strokes of every size, with nothing written.
function noisePage(): Promise<Uint8Array> {
  return pdfOf((pdf) => {
    const next = random(11);
    for (let i = 0; i < 3000; i++) {
      const x = next() * 595;
      const y = next() * 842;
      pdf
        .moveTo(x, y)
        .lineTo(x + (next() - 0.5) * 30, y + (next() - 0.5) * 30)
        .lineWidth(0.5 + next() * 3)
        .stroke('#000000');
    }
  });
}
