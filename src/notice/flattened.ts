import { isDigit, isIdeograph } from './fold.ts';
import { isFooter, isSiteJunk } from './line-kinds.ts';
import { readMarker } from './markers.ts';
import type { Segment } from './segments.ts';

/** Pushes folded[start, end) trimmed of spaces, if not blank, marked as text, footer or junk. */
export function pushTrimmed(folded: string, start: number, end: number, out: Segment[]): void {
  let s = start;
  let e = end;
  while (s < e && folded.charCodeAt(s) === 0x20) s++;
  while (e > s && folded.charCodeAt(e - 1) === 0x20) e--;
  if (s === e) return;
  const line = folded.slice(s, Math.min(e, s + 201));
  const kind = isFooter(line) ? 'footer' : isSiteJunk(line) ? 'junk' : 'text';
  out.push({ start: s, end: e, kind });
}

// A flattened notice (the whole document on one line, e.g. copied out of a PDF viewer) still
// carries its headings: 一、 and 1. follow a sentence end or a closing bracket.
const BOUNDARY_CODES = new Set(Array.from('。!?;:)）”】〕', (ch) => ch.charCodeAt(0)));
const HEADING_START = new Set(Array.from('(0123456789一二三四五六七八九十', (ch) => ch.charCodeAt(0)));

function isIdeographCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

/** Cuts a flattened line before inline headings and around inline page footers. */
export function splitFlattened(folded: string, line: Segment): Segment[] {
  if (line.kind !== 'text') return [line];
  const cuts: number[] = [];
  let afterBoundary = true;
  let page = 0;
  const footers = new Set<number>();
  for (let i = line.start; i < line.end; i++) {
    const code = folded.charCodeAt(i);
    if (code === 0x20) {
      // Where the line breaks were replaced by spaces, a space before a heading number is one too.
      afterBoundary = afterBoundary || isIdeographCode(folded.charCodeAt(i - 1));
      continue;
    }
    if (afterBoundary && i > line.start && startsHeading(folded, i, line.end)) cuts.push(i);
    if (i > line.start && folded.charCodeAt(i - 1) === 0x20 && FOOTER_START.has(code)) {
      const footer = inlineFooter(folded, i, line.end, page);
      if (footer !== null) {
        cuts.push(i, footer.end);
        footers.add(i);
        page = footer.page;
        i = footer.end - 1;
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
  for (const seg of out) if (footers.has(seg.start)) seg.kind = 'footer';
  return out.flatMap((seg, index) => (index === 0 ? frontPieces(folded, seg) : [seg]));
}

function startsHeading(folded: string, i: number, end: number): boolean {
  if (!HEADING_START.has(folded.charCodeAt(i))) return false;
  const m = readMarker(folded, i, end);
  return m !== null && m.kind !== 'h4';
}

const FOOTER_START = new Set(Array.from('-第0123456789', (ch) => ch.charCodeAt(0)));

/**
 * An inline page footer starting at `i` (after a space) and followed by a space or the line end:
 * "- 12 -", "第 3 页 共 8 页", or a bare page number that continues the pages seen so far.
 */
function inlineFooter(
  folded: string,
  i: number,
  end: number,
  page: number,
): { end: number; page: number } | null {
  const footer = readFooter(folded, i, end, page);
  return footer !== null && (footer.end === end || folded[footer.end] === ' ') ? footer : null;
}

function readFooter(
  folded: string,
  i: number,
  end: number,
  page: number,
): { end: number; page: number } | null {
  const ch = folded[i];
  let j = i;
  let no = -1;
  if (ch === '-') {
    j = skipSpaces(folded, i + 1, end);
    const d = j;
    j = skipDigits(folded, j, end);
    if (j === d || j - d > 4) return null;
    no = Number(folded.slice(d, j));
    j = skipSpaces(folded, j, end);
    if (folded[j] !== '-') return null;
    j++;
  } else if (ch === '第') {
    j = skipSpaces(folded, i + 1, end);
    const d = j;
    j = skipDigits(folded, j, end);
    if (j === d || j - d > 4) return null;
    no = Number(folded.slice(d, j));
    j = skipSpaces(folded, j, end);
    if (folded[j] !== '页') return null;
    const total = skipSpaces(folded, j + 1, end);
    j = j + 1;
    if (folded[total] === '共') {
      let k = skipSpaces(folded, total + 1, end);
      const t = k;
      k = skipDigits(folded, k, end);
      k = skipSpaces(folded, k, end);
      if (k > t && folded[k] === '页') j = k + 1;
    }
  } else {
    j = skipDigits(folded, i, end);
    no = Number(folded.slice(i, j));
    // A number standing alone between two breaks is a page number only where the pages lead to it.
    if (page === 0 || no !== page + 1) return null;
  }
  return { end: j, page: no };
}

/**
 * Cuts a page footer off the start or the end of a line ("— 3 —11.加强…", "…办公室）- 4 -"): some
 * PDF converters put the footer on the line of the text next to it.
 */
export function splitLineFooter(folded: string, seg: Segment): Segment[] {
  if (seg.kind !== 'text') return [seg];
  const ch = folded[seg.start];
  if (ch === '-' || ch === '第') {
    const footer = readFooter(folded, seg.start, seg.end, 0);
    if (footer !== null && footer.end < seg.end) {
      const out: Segment[] = [{ start: seg.start, end: footer.end, kind: 'footer' }];
      pushTrimmed(folded, footer.end, seg.end, out);
      return out;
    }
  }
  const at = dashFooterBefore(folded, seg.start, seg.end);
  if (at > seg.start) {
    const out: Segment[] = [];
    pushTrimmed(folded, seg.start, at, out);
    out.push({ start: at, end: seg.end, kind: 'footer' });
    return out;
  }
  return [seg];
}

/** Start of a "- 12 -" footer ending the range, after a space or a closing mark; -1 when there is none. */
function dashFooterBefore(folded: string, start: number, end: number): number {
  let j = end - 1;
  if (folded[j] !== '-') return -1;
  j--;
  while (j > start && folded[j] === ' ') j--;
  const digitsEnd = j;
  while (j > start && digitsEnd - j < 4 && isDigit(folded[j])) j--;
  if (j === digitsEnd) return -1;
  while (j > start && folded[j] === ' ') j--;
  if (folded[j] !== '-' || j <= start) return -1;
  const prev = folded[j - 1]!;
  return prev === ' ' || BOUNDARY_CODES.has(prev.charCodeAt(0)) ? j : -1;
}

function skipSpaces(folded: string, i: number, end: number): number {
  let j = i;
  while (j < end && folded[j] === ' ') j++;
  return j;
}

function skipDigits(folded: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < 5 && isDigit(folded[j])) j++;
  return j;
}

/**
 * The front matter of a flattened notice: cut where a line break must have been — after a
 * sentence end or a colon, after a document number or a date, and at a space between two CJK words.
 */
function frontPieces(folded: string, seg: Segment): Segment[] {
  if (seg.kind !== 'text' || seg.end - seg.start < 60) return [seg];
  // A run that opens with a heading is the plan itself, not front matter.
  if (readMarker(folded, seg.start, seg.end) !== null) return [seg];
  const cuts: number[] = [];
  for (let i = seg.start + 1; i < seg.end; i++) {
    const prev = folded[i - 1]!;
    const ch = folded[i]!;
    if (prev === '。' || prev === ':') cuts.push(i);
    else if (prev === '号' && (folded[i - 2] === '〕' || isDigit(folded[i - 2]))) cuts.push(i);
    else if (prev === '日' && isDigit(folded[i - 2])) cuts.push(i);
    else if (glued(ch) && (endsWith(folded, i, '的通知') || titleEndsAt(folded, i, cuts))) cuts.push(i);
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

/** "石门县教育局2026年工作要点" ends at `i`: a short piece naming a year that ends in 工作要点. */
function titleEndsAt(folded: string, i: number, cuts: readonly number[]): boolean {
  if (!endsWith(folded, i, '工作要点')) return false;
  const from = Math.max(cuts[cuts.length - 1] ?? 0, i - 40);
  return /(19|20)\d\d年/.test(folded.slice(from, i));
}

/** A title glued to what follows it in a one-run Word file: the next character starts words. */
function glued(ch: string): boolean {
  return isIdeograph(ch) || isDigit(ch);
}

function nextIsIdeograph(folded: string, i: number, end: number): boolean {
  let j = i;
  while (j < end && folded[j] === ' ') j++;
  return isIdeograph(folded[j]);
}

function endsWith(folded: string, i: number, word: string): boolean {
  return folded.slice(i - word.length, i) === word;
}
