import { NoticeReadError } from './read-messages.ts';

/**
 * Decodes a plain-text notice: UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030/GBK, which is
 * what Windows machines in Chinese offices save .txt files as.
 */
export function decodeText(bytes: Uint8Array): string {
  const text = decodeByEncoding(bytes);
  if (text.trim() === '') throw new NoticeReadError('EMPTY');
  return text;
}

function decodeByEncoding(bytes: Uint8Array): string {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes);
  if (hasPrefix(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (hasPrefix(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  if (looksBinary(bytes)) throw new NoticeReadError('BINARY');

  const utf8 = tryDecode('utf-8', bytes) ?? tryDecode('utf-8', withoutCutCharacter(bytes));
  if (utf8 !== null) return utf8;
  // GB18030 is a superset of GBK and GB2312, so one decoder covers all three.
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null && !looksLikeGarbage(gb)) return gb;
  // A UTF-8 file with a damaged byte or two is still best read as UTF-8.
  const lenient = new TextDecoder('utf-8').decode(bytes);
  if (countReplacements(lenient) * 1000 <= lenient.length) return lenient;
  throw new NoticeReadError('TEXT_UNDECODABLE');
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// A file cut off mid-character (a truncated paste or download) should not fall through to GB18030.
function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let k = 0; k < 3 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80; k++) end--;
  if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
  return bytes.subarray(0, end);
}

// Text never contains NUL, and only a trace of other C0 controls (form feeds come from page breaks).
function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1a)
      controls++;
    else if (b === 0x7f) controls++;
  }
  return controls * 100 > bytes.length;
}

// Random bytes can happen to be valid GB18030; they decode to private-use and rare characters.
function looksLikeGarbage(text: string): boolean {
  let odd = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const cp = ch.codePointAt(0)!;
    if (
      (cp >= 0xe000 && cp <= 0xf8ff) ||
      cp >= 0x20000 ||
      (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d)
    )
      odd++;
  }
  return odd * 50 > total;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
