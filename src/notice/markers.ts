import { isDigit } from './fold.ts';

/** Heading levels: 一、 (h1), （一） (h2), 1. (h3), （1） or ① (h4), a bare table 序号 cell (cell). */
export type MarkerKind = 'h1' | 'h2' | 'h3' | 'h4' | 'cell';

/** A heading number found at the start of a line. */
export interface Marker {
  kind: MarkerKind;
  no: number;
  /** Offset (folded/original) just after the marker and the spaces that follow it. */
  textStart: number;
  /** A 1. number of four or five digits: an item only where it continues the numbering. */
  wide?: true;
}

const NUMERALS = '〇零一二两三四五六七八九十百';

/** Value of a Chinese numeral such as 十二 or 二十三; null when it is not one. */
export function chineseNumber(s: string): number | null {
  if (s.length === 0 || s.length > 5) return null;
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    const d = '〇一二三四五六七八九'.indexOf(ch);
    if (d >= 0) digit = d;
    else if (ch === '零') digit = 0;
    else if (ch === '两') digit = 2;
    else if (ch === '十') {
      total += (digit < 0 ? 1 : digit) * 10;
      digit = -1;
    } else if (ch === '百') {
      total += (digit < 0 ? 1 : digit) * 100;
      digit = -1;
    } else return null;
  }
  return total + Math.max(digit, 0);
}

function skipSpaces(folded: string, i: number, end: number): number {
  while (i < end && folded[i] === ' ') i++;
  return i;
}

/**
 * Reads a heading number at `start` (folded text) within [start, end); null when there is none.
 * With `wide`, 1. numbers of four or five digits are read too, marked `wide` (see keepWideInSequence).
 */
export function readMarker(folded: string, start: number, end: number, wide = false): Marker | null {
  const i = skipSpaces(folded, start, end);
  const ch = folded[i];
  if (ch === undefined || i >= end) return null;
  if (ch === '(') return readParenMarker(folded, i + 1, end);
  const circled = ch.charCodeAt(0) - 0x2460;
  if (circled >= 0 && circled < 20)
    return { kind: 'h4', no: circled + 1, textStart: skipSpaces(folded, i + 1, end) };
  if (isDigit(ch)) return readArabicMarker(folded, i, end, wide);
  let j = i;
  while (j < end && j - i < 5 && NUMERALS.includes(folded[j]!)) j++;
  if (j === i) return null;
  const no = chineseNumber(folded.slice(i, j));
  const k = skipSpaces(folded, j, end);
  if (no === null || no === 0 || (folded[k] !== '、' && folded[k] !== '.')) return null;
  return { kind: 'h1', no, textStart: skipSpaces(folded, k + 1, end) };
}

function readParenMarker(folded: string, i: number, end: number): Marker | null {
  const a = skipSpaces(folded, i, end);
  let j = a;
  while (j < end && j - a < 5 && (isDigit(folded[j]) || NUMERALS.includes(folded[j]!))) j++;
  if (j === a) return null;
  const k = skipSpaces(folded, j, end);
  if (folded[k] !== ')') return null;
  const digits = folded.slice(a, j);
  let after = skipSpaces(folded, k + 1, end);
  if (folded[after] === '、' || folded[after] === '.') after = skipSpaces(folded, after + 1, end);
  if (isDigit(digits[0])) {
    const no = Number(digits);
    return Number.isInteger(no) && no > 0 && digits.length <= 3 ? { kind: 'h4', no, textStart: after } : null;
  }
  const no = chineseNumber(digits);
  return no === null || no === 0 ? null : { kind: 'h2', no, textStart: after };
}

function readArabicMarker(folded: string, i: number, end: number, wide: boolean): Marker | null {
  let j = i;
  while (j < end && isDigit(folded[j])) j++;
  if (j - i > (wide ? 5 : 3)) return null;
  const k = skipSpaces(folded, j, end);
  const p = folded[k];
  if (p !== '.' && p !== '、' && p !== ',') return null;
  const after = skipSpaces(folded, k + 1, end);
  // "3.5万" is a number, not a heading; a heading is followed by words.
  if (isDigit(folded[after])) return null;
  const no = Number(folded.slice(i, j));
  if (!(no > 0)) return null;
  return j - i > 3 ? { kind: 'h3', no, textStart: after, wide: true } : { kind: 'h3', no, textStart: after };
}

/**
 * Drops the wide (1000. and up) markers that do not continue the 1. numbering before them: a line
 * starting "2024." is a year, but "1000." after item 999 is the next item of a very long notice.
 */
export function keepWideInSequence(markers: Array<Marker | null>): void {
  let last = 0;
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i];
    if (m?.kind !== 'h3') continue;
    if (m.wide && m.no !== last + 1) markers[i] = null;
    else last = m.no;
  }
}
