import { pushTrimmed, splitFlattened, splitLineFooter } from './flattened.ts';
import { findGluedCuts, type GluedCut, gluedState } from './glued.ts';
import { readMarker } from './markers.ts';
import { markRunningHeaders } from './running-headers.ts';
import type { Range } from './view.ts';

/** What a line of the notice is, before structure is read. */
export type SegmentKind = 'text' | 'footer' | 'junk';

/** A non-blank line (or, in a flattened notice, a piece of one), trimmed; offsets into the text. */
export interface Segment extends Range {
  kind: SegmentKind;
}

/**
 * Splits the folded notice into trimmed non-blank lines and marks page footers and site junk. A
 * flattened notice is cut before its inline headings; headings glued into a run of text are cut
 * where the numbering says so, and listed in `glued`.
 */
export function splitSegments(folded: string, glued: GluedCut[] = []): Segment[] {
  let lines: Segment[] = [];
  let start = 0;
  while (start <= folded.length) {
    let end = folded.indexOf('\n', start);
    if (end < 0) end = folded.length;
    const before = lines.length;
    pushTrimmed(folded, start, end, lines);
    if (lines.length > before) lines.push(...splitLineFooter(folded, lines.pop()!));
    start = end + 1;
  }
  if (countLineMarkers(folded, lines) < 2) lines = lines.flatMap((line) => splitFlattened(folded, line));
  const out = splitGlued(folded, lines, glued);
  markRunningHeaders(folded, out);
  return out;
}

function splitGlued(folded: string, lines: readonly Segment[], glued: GluedCut[]): Segment[] {
  const state = gluedState();
  const out: Segment[] = [];
  for (const line of lines) {
    const cuts = line.kind === 'text' ? findGluedCuts(folded, line.start, line.end, state) : [];
    if (cuts.length === 0) {
      out.push(line);
      continue;
    }
    let s = line.start;
    for (const cut of cuts) {
      pushTrimmed(folded, s, cut.at, out);
      s = cut.at;
      glued.push(cut);
    }
    pushTrimmed(folded, s, line.end, out);
  }
  return out;
}

function countLineMarkers(folded: string, lines: readonly Segment[]): number {
  let n = 0;
  for (const line of lines) {
    const m = readMarker(folded, line.start, line.end);
    if (m !== null && (m.kind === 'h1' || m.kind === 'h3')) n++;
    if (n >= 2) break;
  }
  return n;
}
