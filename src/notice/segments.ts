import { isDigit, isIdeograph } from './fold.ts';
import { isFooter, isSiteJunk } from './line-kinds.ts';
import { readMarker } from './markers.ts';
import type { Range } from './view.ts';

/** What a line of the notice is, before structure is read. */
export type SegmentKind = 'text' | 'footer' | 'junk';

/** A non-blank line (or, in a flattened notice, a piece of one), trimmed; offsets into the text. */
export interface Segment extends Range {
  kind: SegmentKind;
}

/** Splits the folded notice into trimmed non-blank lines and marks page footers and site junk. */
export function splitSegments(folded: string): Segment[] {
  const lines: Segment[] = [];
  let start = 0;
  while (start <= folded.length) {
    let end = folded.indexOf('\n', start);
    if (end < 0) end = folded.length;
    pushTrimmed(folded, start, end, lines);
    start = end + 1;
  }
  if (countLineMarkers(folded, lines) < 2) return lines.flatMap((line) => splitFlattened(folded, line));
  return lines;
}

function pushTrimmed(folded: string, start: number, end: number, out: Segment[]): void {
  let s = start;
  let e = end;
  while (s < e && folded.charCodeAt(s) === 0x20) s++;
  while (e > s && folded.charCodeAt(e - 1) === 0x20) e--;
  if (s === e) return;
  const line = folded.slice(s, Math.min(e, s + 201));
  const kind = isFooter(line) ? 'footer' : isSiteJunk(line) ? 'junk' : 'text';
  out.push({ start: s, end: e, kind });
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

// A flattened notice (the whole document on one line, e.g. copied out of a PDF viewer) still
// carries its headings: 一、 and 1. follow a sentence end or a closing bracket.
const BOUNDARY_CODES = new Set(Array.from('。!?;:)）”', (ch) => ch.charCodeAt(0)));
const HEADING_START = new Set(Array.from('(0123456789一二三四五六七八九十', (ch) => ch.charCodeAt(0)));

function isIdeographCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

/** Cuts a flattened line before inline headings and around inline page footers. */
function splitFlattened(folded: string, line: Segment): Segment[] {
  if (line.kind !== 'text') return [line];
  const cuts: number[] = [];
  let afterBoundary = true;
  for (let i = line.start; i < line.end; i++) {
    const code = folded.charCodeAt(i);
    if (code === 0x20) {
      // Where the line breaks were replaced by spaces, a space before a heading number is one too.
      afterBoundary = afterBoundary || isIdeographCode(folded.charCodeAt(i - 1));
      continue;
    }
    if (afterBoundary && i > line.start && startsHeading(folded, i, line.end)) cuts.push(i);
    if (code === 0x2d && i > line.start && folded.charCodeAt(i - 1) === 0x20) {
      const footerEnd = inlineFooterEnd(folded, i, line.end);
      if (footerEnd > 0) {
        cuts.push(i, footerEnd);
        i = footerEnd - 1;
        afterBoundary = true;
        continue;
      }
    }
    afterBoundary = BOUNDARY_CODES.has(code);
  }
  if (cuts.length === 0) return frontPieces(folded, line);
  const out: Segment[] = [];
  let s = line.start;
  for (const c of cuts) {
    if (c > s) pushTrimmed(folded, s, c, out);
    s = Math.max(s, c);
  }
  pushTrimmed(folded, s, line.end, out);
  return out.flatMap((seg, index) => (index === 0 ? frontPieces(folded, seg) : [seg]));
}

function startsHeading(folded: string, i: number, end: number): boolean {
  if (!HEADING_START.has(folded.charCodeAt(i))) return false;
  const m = readMarker(folded, i, end);
  return m !== null && m.kind !== 'h4';
}

/** End of an inline footer "- 12 -" starting at `i`, followed by a space or the line end; else 0. */
function inlineFooterEnd(folded: string, i: number, end: number): number {
  let j = i + 1;
  while (j < end && folded[j] === ' ') j++;
  const d = j;
  while (j < end && isDigit(folded[j])) j++;
  if (j === d || j - d > 4) return 0;
  while (j < end && folded[j] === ' ') j++;
  if (folded[j] !== '-') return 0;
  j++;
  return j === end || folded[j] === ' ' ? j : 0;
}

/**
 * The front matter of a flattened notice: cut where a line break must have been — after a
 * sentence end or a colon, after a document number or a date, and at a space between two CJK words.
 */
function frontPieces(folded: string, seg: Segment): Segment[] {
  if (seg.kind !== 'text' || seg.end - seg.start < 60) return [seg];
  const cuts: number[] = [];
  for (let i = seg.start + 1; i < seg.end; i++) {
    const prev = folded[i - 1]!;
    const ch = folded[i]!;
    if (prev === '。' || prev === ':') cuts.push(i);
    else if (prev === '号' && (folded[i - 2] === '〕' || isDigit(folded[i - 2]))) cuts.push(i);
    else if (prev === '日' && isDigit(folded[i - 2])) cuts.push(i);
    else if (ch === ' ' && isIdeograph(prev) && nextIsIdeograph(folded, i, seg.end)) cuts.push(i);
    else if (ch === ' ' && (endsWith(folded, i, '要点') || endsWith(folded, i, '分工表'))) cuts.push(i);
  }
  const out: Segment[] = [];
  let s = seg.start;
  for (const c of cuts) {
    pushTrimmed(folded, s, c, out);
    s = c;
  }
  pushTrimmed(folded, s, seg.end, out);
  return out;
}

function nextIsIdeograph(folded: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && folded[j] === ' ') j++;
  return isIdeograph(folded[j]);
}

function endsWith(folded: string, i: number, word: string): boolean {
  return folded.slice(i - word.length, i) === word;
}
