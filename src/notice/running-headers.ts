import { compact } from './line-kinds.ts';
import { readMarker } from './markers.ts';
import type { Segment } from './segments.ts';

// Words of a plan title or a document header, which a PDF repeats at the top of every page.
const HEADER_WORDS = ['要点', '计划', '分工', '方案', '安排', '文件'];

/**
 * Marks as footers the running page headers of a PDF: a short line from above the first heading
 * repeated word for word among the items — once is enough for the plan title or the 文件 header;
 * any other line (the bureau's name) must come back on two pages, so a signature at the end stays.
 */
export function markRunningHeaders(folded: string, segs: Segment[]): void {
  let first = -1;
  for (let i = 0; i < segs.length && first < 0; i++) {
    const m = segs[i]!.kind === 'text' ? readMarker(folded, segs[i]!.start, segs[i]!.end) : null;
    if (m !== null && (m.kind === 'h1' || m.kind === 'h3')) first = i;
  }
  if (first < 0) return;
  const heads = new Map<string, boolean>();
  for (let i = 0; i < first; i++) {
    const c = shortLine(folded, segs[i]!);
    if (c !== null && !/[。,;:]/.test(c))
      heads.set(
        c,
        HEADER_WORDS.some((w) => c.endsWith(w)),
      );
  }
  if (heads.size === 0) return;
  const repeats = new Map<string, number[]>();
  for (let i = first + 1; i < segs.length; i++) {
    const c = shortLine(folded, segs[i]!);
    if (c !== null && heads.has(c)) repeats.set(c, [...(repeats.get(c) ?? []), i]);
  }
  for (const [c, at] of repeats) {
    if (heads.get(c) === true || at.length >= 2) for (const i of at) segs[i]!.kind = 'footer';
  }
}

function shortLine(folded: string, seg: Segment): string | null {
  if (seg.kind !== 'text' || seg.end - seg.start > 60) return null;
  const c = compact(folded.slice(seg.start, seg.end));
  return c.length >= 4 && c.length <= 40 ? c : null;
}
