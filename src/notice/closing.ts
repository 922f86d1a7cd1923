import { findDate } from './dates.ts';
import type { Segment } from './segments.ts';
import { cleanRange } from './view.ts';

const CLOSING_PREFIXES = ['抄送', '印发', '附件', '主题词', '联系人', '联系电话', '(此件', '校对'];

function isDateOnly(folded: string): boolean {
  if (folded.length > 24) return false;
  const d = findDate(folded);
  return d !== null && folded.length <= d.length + 4;
}

/**
 * Index where the closing lines at the end of the notice begin (signature, date, 抄送, 印发…),
 * never before `min`; equals `to` when the notice ends with its last item.
 */
export function closingStart(
  text: string,
  folded: string,
  segs: readonly Segment[],
  min: number,
  to: number,
): number {
  let c = to;
  let dateBelow = false;
  while (c - 1 > min) {
    const seg = segs[c - 1]!;
    if (seg.end - seg.start > 80) break;
    const f = cleanRange(text, folded, seg).folded;
    if (isDateOnly(f)) {
      dateBelow = true;
      c--;
      continue;
    }
    const closingWord =
      CLOSING_PREFIXES.some((p) => f.startsWith(p)) || (f.endsWith('印发') && f.length <= 40);
    const signature = dateBelow && f.length <= 30 && !/[:。,;]/.test(f);
    if (!closingWord && !signature) break;
    dateBelow = false;
    c--;
  }
  return c;
}

/** True when a closing line is only the signature or the date (metadata, not lost text). */
export function isSignatureOrDate(folded: string, next: string | undefined): boolean {
  return isDateOnly(folded) || (next !== undefined && isDateOnly(next) && folded.length <= 30);
}
