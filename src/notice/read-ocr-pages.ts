import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { NoticeReadError } from './read-messages.ts';
import { type ProgramOutcome, runProgram } from './read-ocr-run.ts';

/** The most pages of a scanned PDF recognised: a notice is a few pages, and each takes seconds. */
export const MAX_SCAN_PAGES = 30;

// Pages that are not simply one scanned picture are rendered at 300 dpi, tesseract's preferred
// resolution, in grey (colour adds nothing to text)...
const RENDER_DPI = 300;
// ...but never to more pixels than this (an A4 page at 300 dpi has 8.7 million), nor is a larger
// scanned picture taken as it is: a PDF may declare a page of 5 by 5 metres or a picture of
// 60000 × 60000 pixels, and tesseract's memory grows with the pixels (measured peaks: A4 at 200 dpi
// 125 MB, at 300 dpi in grey 167 MB, at 600 dpi in colour — 35 million pixels — 432 MB).
export const MAX_PIXELS = 25_000_000;

/** How to get the picture of one page: the scan itself, or a rendering of the page at some resolution. */
type PagePlan = { extract: boolean; dpi: number };

/**
 * Calls `read` with a picture of each page of a scanned PDF and its resolution, in order, one
 * picture on disk at a time. A page that is one picture covering the page at 150–600 dpi gives that picture unchanged
 * (pdfimages), which saves the rendering. A picture taken out of a PDF carries no resolution of its
 * own, so its dpi goes to tesseract: without it tesseract assumes 70 dpi and its layout analysis
 * cuts a page of small print into columns of fragments (measured on the Yunxi notice printed in 10
 * pt and scanned at 200 dpi: 138 lines, 94 of them fragments, against 40 lines with --dpi 200). Other pages (rotated, several pictures, text in vector outlines) are rendered.
 */
export async function forEachPageImage(
  pdf: string,
  dir: string,
  deadline: number,
  read: (image: string, dpi: number) => Promise<void>,
): Promise<number> {
  const plans = await planPages(pdf, deadline);
  for (const [i, plan] of plans.entries()) {
    const page = String(i + 1);
    const prefix = join(dir, `page-${page}`);
    const image = plan.extract ? `${prefix}-000.png` : `${prefix}.png`;
    const run = plan.extract
      ? await runProgram('pdfimages', ['-f', page, '-l', page, '-png', pdf, prefix], { deadline })
      : await runProgram(
          'pdftoppm',
          ['-f', page, '-l', page, '-r', String(plan.dpi), '-gray', '-png', '-singlefile', pdf, prefix],
          { deadline },
        );
    succeeded(run, 'PDF_BROKEN');
    await read(image, plan.dpi);
    await rm(image, { force: true });
  }
  return plans.length;
}

async function planPages(pdf: string, deadline: number): Promise<PagePlan[]> {
  const info = await runProgram('pdfinfo', ['-f', '1', '-l', String(MAX_SCAN_PAGES + 1), pdf], { deadline });
  if (info.kind === 'exited' && info.code !== 0 && /password/i.test(info.stderr))
    throw new NoticeReadError('PDF_ENCRYPTED');
  const infoText = succeeded(info, 'PDF_BROKEN');
  const count = Number(/^Pages:\s+(\d+)/m.exec(infoText)?.[1]);
  if (!Number.isInteger(count) || count < 1) throw new NoticeReadError('PDF_BROKEN');
  if (count > MAX_SCAN_PAGES) throw new NoticeReadError('OCR_TOO_SLOW');
  const list = succeeded(await runProgram('pdfimages', ['-list', pdf], { deadline }), 'PDF_BROKEN');
  const images = new Map<number, Array<{ width: number; height: number; ppi: number }>>();
  // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
  for (const row of list.split('\n').slice(2)) {
    const cells = row.trim().split(/\s+/);
    if (cells[2] !== 'image') continue;
    const page = Number(cells[0]);
    const image = { width: Number(cells[3]), height: Number(cells[4]), ppi: Number(cells[12]) };
    images.set(page, [...(images.get(page) ?? []), image]);
  }
  return Array.from({ length: count }, (_, i): PagePlan => {
    const n = i + 1;
    const rotation = Number(new RegExp(`^Page\\s+${n} rot:\\s+(\\d+)`, 'm').exec(infoText)?.[1] ?? 0);
    const size = new RegExp(`^Page\\s+${n} size:\\s+([\\d.]+) x ([\\d.]+)`, 'm').exec(infoText);
    const [width, height] = [Number(size?.[1] ?? 595), Number(size?.[2] ?? 842)];
    const on = images.get(n) ?? [];
    const only = on.length === 1 ? on[0]! : undefined;
    if (
      only &&
      rotation % 360 === 0 &&
      (only.width / only.ppi) * 72 >= 0.8 * width &&
      only.ppi >= 150 &&
      only.ppi <= 600 &&
      only.width * only.height <= MAX_PIXELS
    )
      return { extract: true, dpi: only.ppi };
    const fitting = Math.floor(Math.sqrt(MAX_PIXELS / ((width / 72) * (height / 72))));
    return {
      extract: false,
      dpi: Number.isFinite(fitting) ? Math.max(1, Math.min(RENDER_DPI, fitting)) : RENDER_DPI,
    };
  });
}

/** The program's standard output; a missing program, the deadline or a failure become the reader's errors. */
export function succeeded(outcome: ProgramOutcome, failure: 'PDF_BROKEN' | 'OCR_FAILED'): string {
  if (outcome.kind === 'missing') throw new NoticeReadError('OCR_MISSING');
  if (outcome.kind === 'deadline') throw new NoticeReadError('OCR_TOO_SLOW');
  if (outcome.code !== 0) throw new NoticeReadError(failure);
  return outcome.stdout;
}
