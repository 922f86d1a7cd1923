import { FOLDED } from './indicators-fold.ts';

/**
 * A body folded (half-width, simplified) with blanks removed, so "不少于 2 次" and "舉辦" read like
 * "不少于2次" and "举办"; `origin` leads every position back to the body.
 */
export interface CompactBody {
  text: string;
  /** origin[i] is the body offset of text[i]; origin[text.length] is the body's length. */
  origin: Int32Array;
  /** The clause (run between ，。；！？：) each position belongs to. */
  clauseOf: Int32Array;
  clauseStart: number[];
  /** Exclusive: the position of the clause's closing punctuation, or the text's end. */
  clauseEnd: number[];
}

const COMMA = 0x2c;
const FULL_STOP = 0x3002;
const SEMICOLON = 0x3b;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const DOT = 0x2e;
const ENUMERATION_COMMA = 0x3001; // 、

/** True when text[i] is an ASCII digit. */
export function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

// ':' and '.' end a clause except between digits (10:26, 38.5%).
function isClauseEnd(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code === COMMA || code === FULL_STOP || code === SEMICOLON || code === BANG || code === QUESTION)
    return true;
  if (code !== COLON && code !== DOT) return false;
  return !(isDigit(text, i - 1) && isDigit(text, i + 1));
}

/** True when text[i] is 、, which separates the elements of a list inside a clause. */
export function isListMark(text: string, i: number): boolean {
  return text.charCodeAt(i) === ENUMERATION_COMMA;
}

// TextDecoder turns code units into a string far faster than String.fromCharCode; it replaces a
// lone surrogate by U+FFFD, one unit for one, so positions still line up.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// ignoreBOM keeps a leading U+FEFF (one unit) instead of dropping it.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function decodeUnits(units: Uint16Array): string {
  const fast = LITTLE_ENDIAN ? UTF16.decode(units) : '';
  if (fast.length === units.length) return fast;
  let text = '';
  for (let i = 0; i < units.length; i += 4096) {
    text += String.fromCharCode(...units.subarray(i, Math.min(units.length, i + 4096)));
  }
  return text;
}

/** Folds and compacts a body and indexes its clauses, in one pass each. */
export function compactBody(body: string): CompactBody {
  const folded = FOLDED; // a local binding: the loop below runs once per code unit
  const codes = new Uint16Array(body.length);
  const origin = new Int32Array(body.length + 1);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const code = folded[body.charCodeAt(i)] as number;
    if (code === 0) continue;
    codes[n] = code;
    origin[n] = i;
    n++;
  }
  origin[n] = body.length;
  const text = decodeUnits(codes.subarray(0, n));

  const clauseOf = new Int32Array(n);
  const clauseStart = [0];
  const clauseEnd: number[] = [];
  for (let i = 0; i < n; i++) {
    clauseOf[i] = clauseStart.length - 1;
    if (isClauseEnd(text, i)) {
      clauseEnd.push(i);
      clauseStart.push(i + 1);
    }
  }
  clauseEnd.push(n);
  return { text, origin, clauseOf, clauseStart, clauseEnd };
}

/** The clause around position i as [start, end). */
export function clauseAt(scan: CompactBody, i: number): [number, number] {
  const id = scan.clauseOf[Math.min(i, scan.text.length - 1)] ?? 0;
  return [scan.clauseStart[id] ?? 0, scan.clauseEnd[id] ?? scan.text.length];
}

/** The end of the list element (up to 、 or the clause's end) from i, looking at most `limit` ahead. */
export function listEnd(scan: CompactBody, i: number, limit: number): number {
  const stop = Math.min(clauseAt(scan, i)[1], i + limit);
  for (let j = i; j < stop; j++) if (isListMark(scan.text, j)) return j;
  return stop;
}

/** True when `word` occurs in text at i. */
export function wordAt(text: string, i: number, word: string): boolean {
  return i >= 0 && text.startsWith(word, i);
}

/** True when `word` ends in text just before position i. */
export function wordBefore(text: string, i: number, word: string): boolean {
  return i - word.length >= 0 && text.startsWith(word, i - word.length);
}

/** The first of `words` found at i, or undefined. */
export function firstWordAt(text: string, i: number, words: readonly string[]): string | undefined {
  for (const word of words) if (text.startsWith(word, i)) return word;
  return undefined;
}

/**
 * Builds a matcher for a fixed list of words that rejects most positions with one table lookup;
 * the hot loops call it at every position. Among words sharing a first character the list's
 * order wins, so list longer words first where one starts another.
 */
export function wordMatcher(words: readonly string[]): (text: string, i: number) => string | undefined {
  const byFirst = new Map<number, string[]>();
  const starts = new Uint8Array(0x10000);
  for (const word of words) {
    const first = word.charCodeAt(0);
    starts[first] = 1;
    byFirst.set(first, [...(byFirst.get(first) ?? []), word]);
  }
  return (text, i) => {
    const code = text.charCodeAt(i);
    if (starts[code] !== 1) return undefined;
    for (const word of byFirst.get(code) ?? []) if (text.startsWith(word, i)) return word;
    return undefined;
  };
}

/**
 * Offsets of every occurrence of the given words, ascending. Native indexOf skips the text far
 * faster than a loop over characters; each word's search resumes where it stopped, so it is linear.
 */
export function positionsOf(text: string, words: readonly string[]): number[] {
  const out: number[] = [];
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  }
  return words.length > 1 ? out.sort((a, b) => a - b) : out;
}

/** True when one of `words` occurs in text[from, to). Bounded by the caller's window. */
export function containsAny(text: string, from: number, to: number, words: readonly string[]): boolean {
  // Slice first: indexOf on the whole text could run to its end and make the scan quadratic.
  const window = text.slice(Math.max(0, from), Math.max(0, to));
  return words.some((word) => window.includes(word));
}
