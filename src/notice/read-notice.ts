import { createHash } from 'node:crypto';
import { readDocx } from './read-docx.ts';
import { MAX_NOTICE_BYTES } from './read-limits.ts';
import { NoticeReadError } from './read-messages.ts';
import { ocrAvailable, readScan } from './read-ocr.ts';
import { isOfd, readOfd } from './read-ofd.ts';
import { readOle } from './read-ole.ts';
import { readPdf } from './read-pdf.ts';
import type { NoticeRead } from './read-result.ts';
import { type SniffedFormat, sniffFormat } from './read-sniff.ts';
import { withSource } from './read-source-warnings.ts';
import { decodeText } from './read-text.ts';
import { inSandbox } from './sandbox/sandbox.ts';
import type { SandboxLimits } from './sandbox/sandbox-limits.ts';
import type { ParsedNotice } from './types.ts';

export { NoticeReadError } from './read-messages.ts';
export type { NoticeRead } from './read-result.ts';

/** Limits for one read (tests); the server's come from the environment (sandbox-limits.ts). */
export interface ReadOptions {
  limits?: Partial<SandboxLimits>;
}

/**
 * Reads an uploaded notice — .docx, .doc/.wps, OFD, .pdf (a scan through OCR), a photo (OCR) or
 * .txt in UTF-8/UTF-16/GB18030 — deciding the format from the bytes; throws NoticeReadError with a
 * Chinese message for anything else. The reading runs in the parse sandbox, a child process with
 * bounded memory and time (so does every format: only `readNoticeSource` knows them). The file
 * name is accepted for callers' convenience but never trusted: users rename files freely.
 */
export async function readNotice(
  bytes: Uint8Array,
  _fileName?: string,
  options: ReadOptions = {},
): Promise<NoticeRead> {
  const format = refuseAtOnce(bytes);
  const answer = await inSandbox({ kind: 'read', bytes }, { ...options, ...sandboxOptions(format) });
  return answer.read;
}

/**
 * Reads and parses an uploaded notice in the parse sandbox: its text and the ParsedNotice of it,
 * whose `source` says what the text came from (and, for a scan, warns that OCR made it).
 */
export async function readAndParseNotice(
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<{ text: string; parsed: ParsedNotice }> {
  const format = refuseAtOnce(bytes);
  const key = createHash('sha256').update(bytes).digest('hex');
  const recognised = recentScans.get(key);
  if (recognised) {
    // The wizard sends the scan it previewed again to make the draft: OCR is not repeated.
    const parsed = await parseTextInSandbox(recognised.text, options);
    return { text: recognised.text, parsed: withSource(parsed, recognised) };
  }
  const { read, parsed } = await inSandbox(
    { kind: 'parse', bytes },
    { ...options, ...sandboxOptions(format) },
  );
  if (!parsed) throw new NoticeReadError('PARSE_FAILED');
  if (read.source.format === 'scan') rememberScan(key, read);
  return { text: read.text, parsed };
}

// OCR of a scan takes seconds a page; the text of the last few scans read by this server is kept
// (by the file's SHA-256) for half an hour, so previewing then importing reads the scan once.
const SCAN_MEMORY = 8;
const SCAN_MEMORY_MS = 30 * 60_000;
const recentScans = new Map<string, NoticeRead>();

function rememberScan(key: string, read: NoticeRead): void {
  recentScans.delete(key);
  recentScans.set(key, read);
  while (recentScans.size > SCAN_MEMORY) recentScans.delete(recentScans.keys().next().value as string);
  setTimeout(() => {
    if (recentScans.get(key) === read) recentScans.delete(key);
  }, SCAN_MEMORY_MS).unref();
}

/** Parses pasted notice text in the parse sandbox. */
export async function parseTextInSandbox(text: string, options: ReadOptions = {}): Promise<ParsedNotice> {
  const { parsed } = await inSandbox({ kind: 'parseText', text }, options);
  if (!parsed) throw new NoticeReadError('PARSE_FAILED');
  return parsed;
}

/** Options of one in-process read. */
export interface InProcessOptions {
  /** When OCR of a scan must have finished (epoch milliseconds); past it the read fails with OCR_TOO_SLOW. */
  ocrDeadline?: number;
  /** Told just before OCR starts (the sandbox then allows OCR's time instead of the parser's). */
  onOcr?: () => void;
}

/**
 * The readers themselves, in the calling process and without limits: only the sandbox process
 * (sandbox/child-main.ts) and tests of the readers' logic call it.
 */
export async function readNoticeSource(
  bytes: Uint8Array,
  options: InProcessOptions = {},
): Promise<NoticeRead> {
  const format = refuseAtOnce(bytes);
  const scanOptions = options.ocrDeadline === undefined ? {} : { deadlineMs: options.ocrDeadline };
  const scan = (kind: 'pdf' | 'image') => {
    if (!ocrAvailable()) throw new NoticeReadError('OCR_MISSING');
    options.onOcr?.();
    return readScan(bytes, kind, scanOptions);
  };
  switch (format) {
    case 'zip':
      if (isOfd(bytes)) return nonEmpty(readOfd(bytes));
      return nonEmpty({ text: readDocx(bytes), source: { format: 'docx', reader: 'docx' } });
    case 'ole':
      return nonEmpty(await readOle(bytes));
    case 'pdf': {
      const read = await readPdf(bytes);
      if (read.text.trim() !== '') return read;
      // Only a PDF with pictures can be a scan. An image is always a stream object, and a stream's
      // dictionary is never compressed into an object stream, so its /Subtype /Image is there in the bytes.
      if (!read.source.pages || !hasImageObject(bytes)) throw new NoticeReadError('PDF_NO_TEXT');
      // No text layer: the pages are pictures of the notice, a scan.
      return scan('pdf');
    }
    case 'image':
      return scan('image');
    case 'text':
      return { text: decodeText(bytes), source: { format: 'txt' } };
  }
}

/** The text alone, as `readNoticeSource` reads it (tests of the readers). */
export async function readNoticeInProcess(bytes: Uint8Array, _fileName?: string): Promise<string> {
  return (await readNoticeSource(bytes)).text;
}

// What the first bytes settle needs no sandbox: empty, too large, or a format never read.
function refuseAtOnce(bytes: Uint8Array): Exclude<SniffedFormat, 'rtf'> {
  if (bytes.length === 0) throw new NoticeReadError('EMPTY');
  if (bytes.length > MAX_NOTICE_BYTES) throw new NoticeReadError('TOO_LARGE');
  const format = sniffFormat(bytes);
  if (format === 'rtf') throw new NoticeReadError('RTF');
  return format;
}

// A PDF may turn out to be a scan and a photo always is: those may take OCR's time, the rest the
// parser's. A killed read is "too complex", named for PDFs so the user knows which file misbehaved.
function sandboxOptions(format: SniffedFormat): {
  tooComplex: 'PDF_TOO_COMPLEX' | 'TOO_COMPLEX';
  ocr: boolean;
} {
  return {
    tooComplex: format === 'pdf' ? 'PDF_TOO_COMPLEX' : 'TOO_COMPLEX',
    ocr: format === 'pdf' || format === 'image',
  };
}

function hasImageObject(bytes: Uint8Array): boolean {
  return /\/Subtype\s*\/Image\b/.test(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
  );
}

function nonEmpty(read: NoticeRead): NoticeRead {
  if (read.text.trim() === '') throw new NoticeReadError('EMPTY');
  return read;
}
