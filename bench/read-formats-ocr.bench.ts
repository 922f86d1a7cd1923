import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ocrAvailable, readScan } from '../src/notice/read-ocr.ts';
import { buildPdf, textLines, yunxiText } from '../test/readers/notice-builders.ts';
import type { Benchmark, BenchRow } from './benchmark.ts';

// OCR of scans (src/notice/read-ocr.ts): the Yunxi notice printed to PDF, its 8 pages rendered at
// 200 dpi and wrapped into a PDF without text (img2pdf), as a scanner makes one. Each page is read
// alone as a photo (the median is the figure), then the whole scan as one PDF.
// Run alone: `npx tsx bench/read-formats-ocr.bench.ts`.

/** The page limit (30) must fit in the default OCR time (DUBAN_OCR_SECONDS, 180 s). */
const MAX_SECONDS_PER_PAGE = 6;

/** Seconds per page of OCR, median over the Yunxi scan's pages, and the whole 8-page scan. */
export const readOcrBenchmark: Benchmark = {
  name: 'read-ocr',
  run: async () => {
    if (!ocrAvailable())
      return [
        {
          measure: 'OCR of a scan',
          value: 'skipped: tesseract-ocr with tesseract-ocr-chi-sim is not installed',
        },
      ];
    const dir = mkdtempSync(join(tmpdir(), 'duban-ocr-bench-'));
    try {
      const run = (command: string, args: string[]) =>
        execFileSync(command, args, { cwd: dir, stdio: 'pipe' });
      writeFileSync(join(dir, 'yunxi.pdf'), await buildPdf(textLines(yunxiText())));
      run('pdftoppm', ['-r', '200', '-png', 'yunxi.pdf', 'page']);
      const pages = readdirSync(dir)
        .filter((f) => /^page-\d+\.png$/.test(f))
        .sort();
      run('img2pdf', [...pages, '-o', 'scan.pdf']);

      const perPage: number[] = [];
      for (const page of pages) {
        const started = performance.now();
        await readScan(new Uint8Array(readFileSync(join(dir, page))), 'image');
        perPage.push((performance.now() - started) / 1000);
      }
      const sorted = [...perPage].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;

      const started = performance.now();
      const scan = await readScan(new Uint8Array(readFileSync(join(dir, 'scan.pdf'))), 'pdf');
      const whole = (performance.now() - started) / 1000;
      const rows: BenchRow[] = [
        {
          measure: `OCR seconds per page, Yunxi scan at 200 dpi, median of ${pages.length} pages`,
          value: `${median.toFixed(2)} s`,
          goal: `≤ ${MAX_SECONDS_PER_PAGE} s`,
          met: median <= MAX_SECONDS_PER_PAGE,
          raw: { median, min: sorted[0]!, max: sorted[sorted.length - 1]! },
        },
        {
          measure: `OCR of the whole ${scan.source.pages}-page scan as a PDF (pdfimages + tesseract)`,
          value: `${whole.toFixed(1)} s`,
          raw: { seconds: whole, meanConfidence: scan.source.ocr?.meanConfidence ?? 0 },
        },
      ];
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await readOcrBenchmark.run())
    console.log(
      `${row.met === false ? '✗' : '✓'} ${row.measure}: ${row.value}${row.goal ? ` (goal ${row.goal})` : ''}`,
    );
}
