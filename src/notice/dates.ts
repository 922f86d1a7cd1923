import { chineseNumber } from './markers.ts';

/** A date found in a line: ISO form and where it sits in the searched string. */
export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

// Bounded quantifiers only, applied to single short lines: no backtracking blow-up.
const ARABIC = /((?:19|20)\d\d)(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?/;
const CHINESE =
  /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;

/** Finds the first date (2024年2月22日, 2024-02-22, 二〇二四年二月二十二日) in a folded line without spaces. */
export function findDate(compactFolded: string): FoundDate | null {
  if (compactFolded.length > 300) return null;
  const a = ARABIC.exec(compactFolded);
  if (a !== null) {
    const iso = isoDate(Number(a[1]), Number(a[2]), Number(a[3]));
    if (iso !== null) return { iso, index: a.index, length: a[0].length };
  }
  const c = CHINESE.exec(compactFolded);
  if (c !== null) {
    let year = '';
    for (const ch of c[1]!) year += String('〇一二三四五六七八九'.indexOf(ch === '零' ? '〇' : ch));
    const iso = isoDate(Number(year), chineseNumber(c[2]!) ?? 0, chineseNumber(c[3]!) ?? 0);
    if (iso !== null) return { iso, index: c.index, length: c[0].length };
  }
  return null;
}

/** Parses a whole value such as "2025-05-20" (from 发文日期) into ISO form, or null. */
export function parseDateValue(value: string): string | null {
  const found = findDate(value.replace(/\s/g, ''));
  return found === null ? null : found.iso;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The plan year named in a title (云溪区2024年…), or null. */
export function yearIn(compactFolded: string): number | null {
  const m = /((?:19|20)\d\d)年/.exec(compactFolded.slice(0, 300));
  return m === null ? null : Number(m[1]);
}
