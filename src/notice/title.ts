import { yearIn } from './dates.ts';
import type { Segment } from './segments.ts';
import { cleanRange } from './view.ts';

const KEYWORDS = ['要点', '计划', '分工', '任务', '方案', '安排', '清单', '重点工作', '工作思路'];

/**
 * Index of the plan's title line: the nearest line above the first section that reads like a
 * title (short, names a 要点/计划/分工…, no sentence end or comma, not the covering 关于…通知),
 * preferring one that ends with that word — a preamble hard-wrapped by PDF conversion leaves
 * short lines too, and one may hold 任务 or 计划 mid-sentence; -1 if none.
 */
export function findTitleLine(
  text: string,
  folded: string,
  segs: readonly Segment[],
  before: number,
  skip: (index: number) => boolean,
): number {
  let containing = -1;
  for (let i = before - 1; i >= 0; i--) {
    const seg = segs[i]!;
    if (skip(i) || seg.end - seg.start > 160) continue;
    const f = cleanRange(text, folded, seg).folded;
    if (f.length < 2 || f.length > 80 || f.includes('。') || f.endsWith(':') || f.startsWith('《')) continue;
    if (f.includes(',') || (f.includes('关于') && f.includes('通知'))) continue;
    const bare = f.replace(/\s+/g, '').replace(/\([^()]*\)$/, '');
    if (KEYWORDS.some((k) => bare.endsWith(k) || bare.endsWith(`${k}表`))) return i;
    if (containing < 0 && KEYWORDS.some((k) => f.includes(k))) containing = i;
  }
  return containing;
}

/**
 * A title wrapped onto two lines (示范区2024年教育体育工作 / 要点): the line above joins when it is a
 * plain short line that names no plan itself and is not metadata (a date, a 文号, the 文件 header).
 */
export function titleStartsAbove(
  text: string,
  folded: string,
  segs: readonly Segment[],
  line: number,
): boolean {
  const above = segs[line - 1];
  if (above === undefined || above.end - above.start > 60) return false;
  const f = cleanRange(text, folded, above).folded;
  const own = cleanRange(text, folded, segs[line]!).folded;
  if (f.length === 0 || f.length > 40 || /[。:;,〕\]】号]/.test(f) || f.endsWith('文件') || f.endsWith('日'))
    return false;
  if (f.includes('关于') || KEYWORDS.some((k) => f.includes(k))) return false;
  return own.length <= 8 || yearIn(own) === null;
}

/** The title inside 《…》 of the covering notice's title, or null. */
export function titleFromNoticeTitle(noticeTitle: string | null): string | null {
  if (noticeTitle === null) return null;
  const open = noticeTitle.indexOf('《');
  const close = noticeTitle.lastIndexOf('》');
  return open >= 0 && close > open + 1 ? noticeTitle.slice(open + 1, close) : null;
}

/** The plan year: from the title, else the issue date, else the document number. */
export function planYear(
  titleFolded: string,
  issuedOn: string | null,
  docNumber: string | null,
): number | null {
  const fromTitle = yearIn(titleFolded);
  if (fromTitle !== null) return fromTitle;
  if (issuedOn !== null) return Number(issuedOn.slice(0, 4));
  const m = docNumber === null ? null : /[〔[【(（]((?:19|20)\d\d)/.exec(docNumber);
  return m === null ? null : Number(m[1]);
}
