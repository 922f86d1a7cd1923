import { isDigit, isLetter } from './fold.ts';
import { labelBefore } from './labels.ts';
import { type Marker, type MarkerKind, readMarker } from './markers.ts';

/**
 * Heading numbers glued into running text. A Word file whose paragraphs came out as one run reads
 * "…责任科室：组织人事科、思政科等3 .加强…二、推进…": no line break, no sentence end before the
 * number. Such a number starts a heading only when the structure around it says so: it continues
 * the numbering of its level (or restarts it under a new higher heading), and the entry before it
 * is closed — its responsibility note has been read, or it is a heading just opened.
 */

/** A heading found glued to the text before it; `guess` when its reading was a choice (see below). */
export interface GluedCut {
  at: number;
  guess?: { no: number; text: string; marker: Marker };
}

/** What the numbering has reached so far, carried from line to line. */
export interface GluedState {
  last: Record<'h1' | 'h2' | 'h3', number>;
  /** A heading of a higher level was opened since the last heading of each level. */
  restart: Record<'h1' | 'h2' | 'h3', boolean>;
  /** The entry read last has its responsibility note (which may sit on an earlier line). */
  closed: boolean;
}

const RANK: Record<MarkerKind, number> = { h1: 1, h2: 2, h3: 3, h4: 4, cell: 5 };
const LEVELS = ['h1', 'h2', 'h3'] as const;
type Level = (typeof LEVELS)[number];
const NUMERALS = '〇零一二两三四五六七八九十百';
// How far after a heading's number its first item may follow with nothing closing in between.
const HEADING_REACH = 60;

/** A fresh numbering state for one notice. */
export function gluedState(): GluedState {
  return { last: { h1: 0, h2: 0, h3: 0 }, restart: { h1: true, h2: true, h3: true }, closed: false };
}

function isLevel(kind: MarkerKind): kind is Level {
  return kind === 'h1' || kind === 'h2' || kind === 'h3';
}

function expects(state: GluedState, kind: Level, no: number): boolean {
  return no === state.last[kind] + 1 || (no === 1 && state.restart[kind]);
}

function accept(state: GluedState, kind: Level, no: number): void {
  state.last[kind] = no;
  state.restart[kind] = false;
  for (const other of LEVELS) if (RANK[other] > RANK[kind]) state.restart[other] = true;
}

/**
 * Offsets in folded[start, end) (a line that starts with its own heading, if any) where a glued
 * heading begins. One pass; every marker read is bounded, so the scan stays linear.
 */
export function findGluedCuts(folded: string, start: number, end: number, state: GluedState): GluedCut[] {
  const cuts: GluedCut[] = [];
  const first = readMarker(folded, start, end);
  let headingAt = -1;
  let headingRank = 0;
  if (first !== null) state.closed = false;
  if (first !== null && isLevel(first.kind)) {
    accept(state, first.kind, first.no);
    headingAt = start;
    headingRank = RANK[first.kind];
  }
  let closed = state.closed;
  // The numbers of a list inside the current entry (措施：1.…。2.…), never taken for headings.
  const inner = { h1: 0, h2: 0, h3: 0 };
  for (let i = start + 1; i < end; i++) {
    const ch = folded[i]!;
    if (ch === ':') {
      if (labelBefore(folded, i) !== null) closed = true;
      continue;
    }
    if (!startsNumber(folded, i)) continue;
    const plain = readMarker(folded, i, end);
    const m: Found | null = plain ?? (closed ? quantityLike(folded, i, end) : null);
    if (m === null || !isLevel(m.kind)) continue;
    const open = headingAt >= 0 && i - headingAt <= HEADING_REACH && RANK[m.kind] > headingRank;
    // Without a note, an entry still ends at a sentence end or (in a flattened notice) a line break.
    const loose = folded[i - 1] === '。' || (folded[i - 1] === ' ' && !isDigit(folded[i - 2]));
    const listed = m.no === 1 || m.no === inner[m.kind] + 1;
    if (!expects(state, m.kind, m.no) || (!closed && !open && (!loose || inner[m.kind] === m.no - 1))) {
      if (!closed && listed) inner[m.kind] = m.no;
      continue;
    }
    const cut: GluedCut = { at: i };
    if (m.digitAfter === true) {
      // "2 .5亿": an item 2 whose title starts with a figure, or a quantity. Numbering decides; say so.
      const marker: Marker = { kind: m.kind, no: m.no, textStart: m.textStart };
      cut.guess = { no: m.no, text: folded.slice(i, Math.min(end, m.textStart + 6)), marker };
    }
    cuts.push(cut);
    accept(state, m.kind, m.no);
    closed = false;
    inner.h1 = 0;
    inner.h2 = 0;
    inner.h3 = 0;
    headingAt = i;
    headingRank = RANK[m.kind];
  }
  state.closed = closed;
  return cuts;
}

type Found = Marker & { digitAfter?: true };

/** True where a heading number could begin: a digit or numeral not continuing a number or word. */
function startsNumber(folded: string, i: number): boolean {
  const ch = folded[i]!;
  const prev = folded[i - 1];
  if (isDigit(ch)) return !isDigit(prev) && !isLetter(prev) && prev !== '.' && prev !== '-';
  if (ch === '(') return true;
  if (!NUMERALS.includes(ch)) return false;
  return prev === undefined || (!NUMERALS.includes(prev) && prev !== '第');
}

/** "2 .5亿…": a 1. number whose words start with a figure (readMarker refuses it as a quantity). */
function quantityLike(folded: string, i: number, end: number): Found | null {
  let j = i;
  while (j < end && j - i < 3 && isDigit(folded[j])) j++;
  if (j === i || isDigit(folded[j])) return null;
  while (j < end && folded[j] === ' ') j++;
  if (folded[j] !== '.') return null;
  let k = j + 1;
  while (k < end && folded[k] === ' ') k++;
  if (!isDigit(folded[k])) return null;
  const no = Number(folded.slice(i, j).trim());
  return no > 0 ? { kind: 'h3', no, textStart: k, digitAfter: true } : null;
}
