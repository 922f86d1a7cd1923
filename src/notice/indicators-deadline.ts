import { isCnNumeral, readNumber } from './indicators-numbers.ts';
import { type CompactBody, firstWordAt, isDigit, wordAt } from './indicators-text.ts';

/** A date stated in the text; `due` is absent when the year is unknown. */
export interface DateMark {
  start: number;
  end: number;
  due?: string;
}

const BEFORE = ['之前', '以前', '前'];
const YUE = '月'.charCodeAt(0);
const NIAN = '年'.charCodeAt(0);
const BAN = '半'.charCodeAt(0);
const JI = '季'.charCodeAt(0);
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/**
 * Finds stated dates: 6月底前 (last day of June), 9月1日前 (09-01), 10月中旬 (the 20th), 3月前 and 3月份前
 * (the 1st: 前 is read as "by", as in 9月1日前), a bare 6月 (its last day), 年底前/年内 (12-31),
 * 上半年/下半年 (06-30/12-31), 第一季度 (03-31), and 秋季学期开学前 (09-01: autumn term opens on 1 September).
 * A year written before the date (2025年6月底前) wins over the plan year.
 */
export function findDates(scan: CompactBody, year: number | null): DateMark[] {
  const { text } = scan;
  const out: DateMark[] = [];
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    const mark =
      code === YUE
        ? monthAt(text, k, year)
        : code === NIAN
          ? yearEndAt(text, k, year)
          : code === BAN
            ? halfAt(text, k, year)
            : code === JI
              ? (quarterAt(text, k, year) ?? autumnAt(text, k, year))
              : null;
    if (mark) {
      out.push(mark);
      k = mark.end - 1;
    }
  }
  return out;
}

// 2024年 written just before position i, else the plan year.
function yearBefore(text: string, i: number, year: number | null): number | null {
  if (text[i - 1] !== '年' || !isDigit(text, i - 5) || isDigit(text, i - 6)) return year;
  const written = Number(text.slice(i - 5, i - 1));
  return Number.isInteger(written) && written >= 1000 ? written : year;
}

function format(year: number | null, month: number, day: number): string | undefined {
  if (year === null) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number | null, month: number): number {
  return new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
}

function monthAt(text: string, k: number, year: number | null): DateMark | null {
  let j = k;
  while (j > 0 && k - j < 3 && (isDigit(text, j - 1) || isCnNumeral(text, j - 1))) j--;
  const month = j < k ? readNumber(text, j) : null;
  if (!month || month.end !== k || month.lo < 1 || month.lo > 12 || isDigit(text, j - 1)) return null;
  const written = yearBefore(text, j, null);
  const y = written ?? year;
  let p = k + 1;
  if (text[p] === '份') p++;
  let day: number;
  const dayNumber = readNumber(text, p);
  if (text[p] === '底' || text[p] === '末' || wordAt(text, p, '下旬')) {
    day = lastDay(y, month.lo);
    p += text[p] === '下' ? 2 : 1;
  } else if (wordAt(text, p, '中旬') || wordAt(text, p, '上旬')) {
    day = text[p] === '中' ? 20 : 10;
    p += 2;
  } else if (dayNumber && (text[dayNumber.end] === '日' || text[dayNumber.end] === '号')) {
    day = dayNumber.lo;
    p = dayNumber.end + 1;
    if (day < 1 || day > lastDay(y, month.lo)) return null;
  } else day = firstWordAt(text, p, BEFORE) ? 1 : lastDay(y, month.lo);
  p += firstWordAt(text, p, BEFORE)?.length ?? 0;
  return { start: written === null ? j : j - 5, end: p, due: format(y, month.lo, day) };
}

function yearEndAt(text: string, k: number, year: number | null): DateMark | null {
  if (!wordAt(text, k, '年底') && !wordAt(text, k, '年末') && !wordAt(text, k, '年内')) return null;
  const end = k + 2 + (firstWordAt(text, k + 2, BEFORE)?.length ?? 0);
  if (isDigit(text, k - 1)) {
    const written = yearBefore(text, k + 1, null);
    return written === null ? null : { start: k - 4, end, due: format(written, 12, 31) };
  }
  // 三年内 (a duration), 每年底 (recurring) and 学年末 (July) are not this year's end.
  const prev = text[k - 1] ?? '';
  if (isCnNumeral(text, k - 1) || (prev !== '' && '每学多几'.includes(prev))) return null;
  return { start: k, end, due: format(year, 12, 31) };
}

function halfAt(text: string, k: number, year: number | null): DateMark | null {
  const first = text[k - 1];
  if ((first !== '上' && first !== '下') || text[k + 1] !== '年') return null;
  const y = yearBefore(text, k - 1, year);
  return { start: k - 1, end: k + 2, due: format(y, first === '上' ? 6 : 12, first === '上' ? 30 : 31) };
}

function quarterAt(text: string, k: number, year: number | null): DateMark | null {
  if (text[k + 1] !== '度' || k === 0) return null;
  const q = readNumber(text, k - 1);
  if (!q || q.end !== k || q.lo < 1 || q.lo > 4 || isDigit(text, k - 2) || isCnNumeral(text, k - 2))
    return null;
  const start = text[k - 2] === '第' ? k - 2 : k - 1;
  const y = yearBefore(text, start, year);
  let end = k + 2;
  if (text[end] === '末' || text[end] === '底') end++;
  end += firstWordAt(text, end, BEFORE)?.length ?? 0;
  return { start, end, due: y === null ? undefined : `${y}-${QUARTER_END[q.lo - 1]}` };
}

function autumnAt(text: string, k: number, year: number | null): DateMark | null {
  if (text[k - 1] !== '秋' || (!wordAt(text, k + 1, '学期') && !wordAt(text, k + 1, '开学'))) return null;
  let end = k + 3;
  if (wordAt(text, end, '开学')) end += 2;
  end += firstWordAt(text, end, BEFORE)?.length ?? 0;
  return { start: k - 1, end, due: format(yearBefore(text, k - 1, year), 9, 1) };
}
