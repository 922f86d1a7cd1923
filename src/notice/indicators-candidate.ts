import type { IndicatorKind, IndicatorPeriod } from './types.ts';

/** A promise found in compact coordinates (see CompactBody), before overlaps are settled. */
export interface Candidate {
  kind: IndicatorKind;
  start: number;
  end: number;
  per?: IndicatorPeriod;
  min?: number;
  max?: number;
  /** deliverable: the compact range of the document's name. */
  name?: [number, number];
  value?: number;
  due?: string;
}

/** How often a promise repeats, including 'day', which ParsedIndicator cannot carry. */
export type Period = IndicatorPeriod | 'day';

// Longest first so 每季度 is not read as 每季 + 度, nor 每个月 missed.
const PERIOD_WORDS: ReadonlyArray<readonly [string, Period]> = [
  ['个学期', 'term'],
  ['学期', 'term'],
  ['学年', 'year'],
  ['个季度', 'quarter'],
  ['季度', 'quarter'],
  ['季', 'quarter'],
  ['个月', 'month'],
  ['月', 'month'],
  ['年度', 'year'],
  ['年', 'year'],
  ['个星期', 'week'],
  ['星期', 'week'],
  ['周', 'week'],
  ['天', 'day'],
  ['日', 'day'],
];

const MEI = '每'.charCodeAt(0);

/** The period named right after a 每 at i (每月, 每学期, 每个季度…), or null (每所, 每个学校, 每年级). */
export function periodAfter(text: string, i: number): { per: Period; end: number } | null {
  if (text.charCodeAt(i) !== MEI) return null;
  for (const [word, per] of PERIOD_WORDS) {
    if (!text.startsWith(word, i + 1)) continue;
    const end = i + 1 + word.length;
    if (per === 'year' && text[end] === '级') return null; // 每年级 = each grade
    return { per, end };
  }
  return null;
}
