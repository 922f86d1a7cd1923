import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NoticeReadError } from './read-messages.ts';
import { declaredPixels, declaredSize } from './read-ocr-image-size.ts';
import { forEachPageImage, MAX_PIXELS, succeeded } from './read-ocr-pages.ts';
import { runProgram } from './read-ocr-run.ts';
import { ocrTextFromTsv } from './read-ocr-tsv.ts';
import type { NoticeRead } from './read-result.ts';
import { sniffFormat } from './read-sniff.ts';
import { readerTempDir } from './read-temp.ts';

/** How long OCR of one scan may take when the caller sets no deadline. */
const DEFAULT_SECONDS = 180;

/** Fewer recognised characters than this (in words tesseract is fairly sure of) is not a notice's text. */
const MIN_CHARACTERS = 10;
const SURE_ENOUGH = 50;

// Measured on the Yunxi notice scanned at 200 dpi (8 pages; leaders and departments right of 23,
// before read-ocr-fix.ts): --psm 3 (automatic layout) 17 and 22, --psm 4 the same, --psm 6 16 and 18
// and a section lost; chi_sim+eng 16 and 17, an item lost and Latin letters in hanzi names, at
// several times the time. preserve_interword_spaces changes only tesseract's text output, not its TSV.
const TESSERACT_ARGS = ['-l', 'chi_sim', '--psm', '3', 'tsv'];

/** The tesseract command: DUBAN_TESSERACT names another (a full path), e.g. for a test without it. */
function tesseractCommand(): string {
  return process.env.DUBAN_TESSERACT || 'tesseract';
}

const available = new Map<string, boolean>();

/** Whether tesseract can be run and has its Simplified Chinese data (chi_sim); asked once per command. */
export function ocrAvailable(): boolean {
  const command = tesseractCommand();
  let answer = available.get(command);
  if (answer === undefined) {
    const run = spawnSync(command, ['--list-langs'], { encoding: 'utf8', timeout: 10_000 });
    // tesseract 4 printed the list on standard error, 5 on standard output.
    const listed = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.split(/\s+/);
    answer = run.status === 0 && listed.includes('chi_sim');
    available.set(command, answer);
  }
  return answer;
}

/**
 * Recognises the text of a scanned notice — a PDF whose pages are pictures, or a photo (PNG, JPEG,
 * TIFF, …) — with tesseract, each page in its own process, in a private temporary folder removed
 * afterwards. `deadlineMs` is when it must be done (epoch milliseconds; default three minutes from
 * now): past it the running program is killed and the read fails with OCR_TOO_SLOW, as does a PDF
 * of more than 30 pages (MAX_SCAN_PAGES). The text's `source.ocr` lists the words tesseract was unsure of.
 */
export async function readScan(
  bytes: Uint8Array,
  kind: 'pdf' | 'image',
  options: { deadlineMs?: number } = {},
): Promise<NoticeRead> {
  if (!ocrAvailable()) throw new NoticeReadError('OCR_MISSING');
  // tesseract takes a file that is not a picture for a list of picture paths to read: never let it.
  if (kind === 'image' && sniffFormat(bytes) !== 'image') throw new NoticeReadError('OCR_FAILED');
  if (kind === 'image' && (declaredPixels(bytes) ?? 0) > MAX_PIXELS)
    throw new NoticeReadError('OCR_TOO_SLOW');
  const deadline = options.deadlineMs ?? Date.now() + DEFAULT_SECONDS * 1000;
  const dir = await readerTempDir('ocr');
  try {
    const input = join(dir, kind === 'pdf' ? 'scan.pdf' : 'scan');
    await writeFile(input, bytes, { mode: 0o600 });
    const pages: string[] = [];
    if (kind === 'pdf')
      await forEachPageImage(input, dir, deadline, async (image, dpi) => {
        pages.push(await recognise(image, dpi, deadline));
      });
    else pages.push(await recognise(input, photoDpi(bytes), deadline));
    const { text, meanConfidence, lowConfidence, words } = ocrTextFromTsv(pages);
    if (words === 0 || sureCharacters(pages) < MIN_CHARACTERS) throw new NoticeReadError('OCR_FAILED');
    return {
      text,
      source: {
        format: 'scan',
        reader: 'tesseract',
        pages: kind === 'pdf' ? pages.length : Math.max(1, imagePages(pages)),
        ocr: { meanConfidence, lowConfidence },
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// A photo or a scanned picture rarely says its resolution, and tesseract's layout analysis needs it
// (assuming 70 dpi it cuts small print into fragments): a picture of a notice is about a page, so
// its long side is taken as an A4 page's 11.7 inches.
const A4_LONG_INCHES = 11.69;

function photoDpi(bytes: Uint8Array): number {
  const size = declaredSize(bytes);
  if (!size) return 300;
  return Math.round(Math.min(600, Math.max(100, Math.max(size.width, size.height) / A4_LONG_INCHES)));
}

async function recognise(image: string, dpi: number, deadline: number): Promise<string> {
  const args = [image, 'stdout', '--dpi', String(dpi), ...TESSERACT_ARGS];
  const run = await runProgram(tesseractCommand(), args, { deadline });
  // Out of memory (the sandbox's data limit), leptonica reports "pixd not made" and tesseract
  // crashes (SIGSEGV, measured on a 47-megapixel page under 448 MB): the picture is too large.
  if (run.kind === 'exited' && (run.signal !== null || /not made|alloc/i.test(run.stderr)))
    throw new NoticeReadError('OCR_TOO_SLOW');
  // tesseract exits non-zero on a picture it cannot open or decode: nothing recognised.
  return succeeded(run, 'OCR_FAILED');
}

// Characters in words tesseract was reasonably sure of: noise comes out as a few unsure marks.
function sureCharacters(pages: readonly string[]): number {
  let count = 0;
  for (const tsv of pages)
    for (const row of tsv.split('\n')) {
      const cells = row.split('\t');
      if (cells[0] === '5' && Number(cells[10]) >= SURE_ENOUGH) count += [...(cells[11] ?? '').trim()].length;
    }
  return count;
}

// A multi-page TIFF comes back as one TSV whose rows carry page numbers.
function imagePages(pages: readonly string[]): number {
  let last = 0;
  for (const tsv of pages)
    for (const row of tsv.split('\n')) {
      const page = Number(row.split('\t')[1]);
      if (Number.isInteger(page)) last = Math.max(last, page);
    }
  return last;
}
