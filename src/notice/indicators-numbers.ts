import { isDigit } from './indicators-text.ts';

// Keyed by code unit: these maps are consulted at every position of the text.
const CN_DIGITS = new Map<number, number>();
for (const [ch, value] of Object.entries({
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
})) {
  CN_DIGITS.set(ch.charCodeAt(0), value);
}
const CN_UNITS = new Map([...'十百千万'].map((ch, i) => [ch.charCodeAt(0), 10 ** (i + 1)]));
/** 1 for code units that are digits or Chinese numerals: the count scan asks at every position. */
export const NUMERAL = new Uint8Array(0x10000);
for (const code of [...CN_DIGITS.keys(), ...CN_UNITS.keys()]) NUMERAL[code] = 1;
for (let code = 0x30; code <= 0x39; code++) NUMERAL[code] = 1;
const CN_NUMERAL = new Uint8Array(NUMERAL);
CN_NUMERAL.fill(0, 0x30, 0x3a);
const RANGE_MARKS = ['-', '~', '—', '–', '至', '到'];
const MAX_DIGITS = 9;
const MAX_CN = 8;

/** A number or range read from the text, e.g. 2 (两), 12 (十二), 2-3 (两三, 2至3). */
export interface Quantity {
  start: number;
  end: number;
  lo: number;
  hi: number;
  /** Written in Arabic digits (Chinese numerals need a qualifier to count, see indicators-count). */
  arabic: boolean;
}

/** True when text[i] is a Chinese numeral character. */
export function isCnNumeral(text: string, i: number): boolean {
  return CN_NUMERAL[text.charCodeAt(i)] === 1;
}

/** True when text[i] starts a run of digits or Chinese numerals (not the middle of one). */
export function isNumberStart(text: string, i: number): boolean {
  if (isDigit(text, i)) return !isDigit(text, i - 1) && text[i - 1] !== '.';
  return isCnNumeral(text, i) && !isCnNumeral(text, i - 1);
}

/** The end of the run of digits or Chinese numerals starting at i. */
export function numberRunEnd(text: string, i: number): number {
  let j = i;
  if (isDigit(text, j)) while (isDigit(text, j) || (text[j] === '.' && isDigit(text, j + 1))) j++;
  else while (isCnNumeral(text, j)) j++;
  return Math.max(j, i + 1);
}

// Reads 一百零五 / 十二 / 两 / 两三 (a range); null for runs that are not a number (二二, 千兆 is 千).
function readChinese(run: string): { lo: number; hi: number } | null {
  if (run.length === 2) {
    const a = CN_DIGITS.get(run.charCodeAt(0));
    const b = CN_DIGITS.get(run.charCodeAt(1));
    if (a !== undefined && b !== undefined) return a > 0 && b === a + 1 ? { lo: a, hi: b } : null;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (let i = 0; i < run.length; i++) {
    const d = CN_DIGITS.get(run.charCodeAt(i));
    if (d !== undefined) {
      if (digit > 0) return null;
      digit = d;
      continue;
    }
    const unit = CN_UNITS.get(run.charCodeAt(i)) ?? 1;
    if (unit === 10000) {
      total += (section + Math.max(digit, 0)) * unit;
      section = 0;
    } else section += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
  }
  const value = total + section + Math.max(digit, 0);
  return { lo: value, hi: value };
}

/** Reads a single number at i: Arabic (with decimals) or Chinese. */
export function readNumber(text: string, i: number): Quantity | null {
  const end = numberRunEnd(text, i);
  if (isDigit(text, i)) {
    const raw = text.slice(i, end);
    if (raw.split('.')[0]!.length > MAX_DIGITS) return null;
    const value = Number(raw);
    return Number.isFinite(value) ? { start: i, end, lo: value, hi: value, arabic: true } : null;
  }
  if (!isCnNumeral(text, i) || end - i > MAX_CN) return null;
  const cn = readChinese(text.slice(i, end));
  return cn ? { start: i, end, ...cn, arabic: false } : null;
}

/** Reads a number or a range (2-3, 2～3, 两至三, 两三) at i. */
export function readQuantity(text: string, i: number): Quantity | null {
  const first = readNumber(text, i);
  if (!first) return null;
  const mark = text[first.end] ?? '';
  if (first.lo !== first.hi || !RANGE_MARKS.includes(mark)) return first;
  const second = readNumber(text, first.end + 1);
  if (!second || second.arabic !== first.arabic || second.lo !== second.hi || second.lo <= first.lo) {
    return first;
  }
  return { ...first, end: second.end, hi: second.lo };
}
