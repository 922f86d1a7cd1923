import { readDocx } from './read-docx.ts';
import { MAX_NOTICE_BYTES } from './read-limits.ts';
import { NoticeReadError } from './read-messages.ts';
import { readPdf } from './read-pdf.ts';
import { type SniffedFormat, sniffFormat } from './read-sniff.ts';
import { decodeText } from './read-text.ts';
import { inSandbox } from './sandbox/sandbox.ts';
import type { SandboxLimits } from './sandbox/sandbox-limits.ts';
import type { ParsedNotice } from './types.ts';

export { NoticeReadError } from './read-messages.ts';

/** Limits for one read (tests); the server's come from the environment (sandbox-limits.ts). */
export interface ReadOptions {
  limits?: Partial<SandboxLimits>;
}

/**
 * Returns the text of an uploaded notice (.docx, .pdf or .txt in UTF-8/UTF-16/GB18030), deciding
 * the format from the bytes; throws NoticeReadError with a Chinese message for anything else.
 * The reading runs in the parse sandbox, a child process with bounded memory and time (so does
 * every format added later: only `readNoticeInProcess` knows them). The file name is accepted for
 * callers' convenience but never trusted: users rename files freely.
 */
export async function readNotice(
  bytes: Uint8Array,
  _fileName?: string,
  options: ReadOptions = {},
): Promise<string> {
  const format = refuseAtOnce(bytes);
  return (await inSandbox({ kind: 'read', bytes }, { ...options, tooComplex: tooComplexCode(format) })).text;
}

/** Reads and parses an uploaded notice in the parse sandbox: its text and the ParsedNotice of it. */
export async function readAndParseNotice(
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<{ text: string; parsed: ParsedNotice }> {
  const format = refuseAtOnce(bytes);
  const { text, parsed } = await inSandbox(
    { kind: 'parse', bytes },
    { ...options, tooComplex: tooComplexCode(format) },
  );
  if (!parsed) throw new NoticeReadError('PARSE_FAILED');
  return { text, parsed };
}

/** Parses pasted notice text in the parse sandbox. */
export async function parseTextInSandbox(text: string, options: ReadOptions = {}): Promise<ParsedNotice> {
  const { parsed } = await inSandbox({ kind: 'parseText', text }, options);
  if (!parsed) throw new NoticeReadError('PARSE_FAILED');
  return parsed;
}

/**
 * The reader itself, in the calling process and without limits: only the sandbox process
 * (sandbox/child-main.ts) and tests of the readers' logic call it.
 */
export async function readNoticeInProcess(bytes: Uint8Array, _fileName?: string): Promise<string> {
  const format = refuseAtOnce(bytes);
  switch (format) {
    case 'zip':
      return nonEmpty(readDocx(bytes));
    case 'pdf':
      return readPdf(bytes);
    case 'text':
      return decodeText(bytes);
  }
}

// What the first bytes settle needs no sandbox: empty, too large, or a format never read.
function refuseAtOnce(bytes: Uint8Array): Exclude<SniffedFormat, 'ole' | 'rtf' | 'image'> {
  if (bytes.length === 0) throw new NoticeReadError('EMPTY');
  if (bytes.length > MAX_NOTICE_BYTES) throw new NoticeReadError('TOO_LARGE');
  const format = sniffFormat(bytes);
  if (format === 'ole') throw new NoticeReadError('OLD_OFFICE');
  if (format === 'rtf') throw new NoticeReadError('RTF');
  if (format === 'image') throw new NoticeReadError('IMAGE');
  return format;
}

function tooComplexCode(format: SniffedFormat): 'PDF_TOO_COMPLEX' | 'TOO_COMPLEX' {
  return format === 'pdf' ? 'PDF_TOO_COMPLEX' : 'TOO_COMPLEX';
}

function nonEmpty(text: string): string {
  if (text.trim() === '') throw new NoticeReadError('EMPTY');
  return text;
}
