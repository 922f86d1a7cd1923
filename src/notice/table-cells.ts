import { headerRole } from './labels.ts';
import { compact } from './line-kinds.ts';
import { readMarker } from './markers.ts';
import type { Segment } from './segments.ts';

// How the rows of a task table pasted as text keep their cells apart.
type CellStyle = 'closed' | 'pipe' | 'tab' | 'spaces';

const MAX_HEADER_LINE = 200;
const MAX_ROW_LINE = 400;

/**
 * Rewrites the lines of a task table pasted as text into one segment per cell, the layout
 * detectTable reads: cells closed by `|` one per line (a cell runs on until its `|`, a lone `|`
 * is an empty cell), or rows on one line with cells apart by `|`, tabs or runs of spaces. Lines
 * above the header (the covering notice, the table's title) are left as they are. Returns `segs`
 * itself when no such header is found.
 */
export function tableCellSegments(
  text: string,
  folded: string,
  pieces: readonly Segment[],
): readonly Segment[] {
  const segs = wholeLines(folded, pieces);
  for (let h = 0; h < segs.length; h++) {
    const seg = segs[h]!;
    if (seg.kind !== 'text' || seg.end - seg.start > MAX_HEADER_LINE) continue;
    const line = compact(folded.slice(seg.start, seg.end));
    const head = line.startsWith('|') ? line.slice(1) : line;
    if (!(head.startsWith('序号') || head.startsWith('编号'))) continue;
    const style = styleOf(text, folded, seg, head);
    if (style === null) continue;
    const cells: Segment[] = [];
    if (style === 'closed') closedCells(folded, segs, h, cells);
    else rowSegments(text, folded, segs, h, style, rowCells(text, folded, seg, style, 0), cells);
    // A line that only starts with 序号 (no task table under it) leaves the notice as it was.
    if (!isTaskHeader(folded, cells)) continue;
    const above = pieces.filter((p) => p.end <= seg.start);
    return [...above, ...withoutRepeatedHeader(folded, cells)];
  }
  return pieces;
}

/** True when the cells start with a task table's header: 序号, a task column and a units column. */
function isTaskHeader(folded: string, cells: readonly Segment[]): boolean {
  const roles = cells.slice(1, 11).map((c) => {
    const cell = compact(folded.slice(c.start, c.end));
    return /^.{0,4}(时限|时间|节点|期限|备注)$/.test(cell) ? 'time' : headerRole(cell);
  });
  const end = roles.findIndex((r) => r === 'number' || r === 'other');
  const header = end < 0 ? roles : roles.slice(0, end);
  return header.includes('task') && (header.includes('lead') || header.includes('departments'));
}

/**
 * The lines again where a notice with few numbered lines was read as flattened and its lines cut
 * at spaces between words (see splitSegments): in a table a space is padding inside a cell.
 */
function wholeLines(folded: string, pieces: readonly Segment[]): Segment[] {
  const lines: Segment[] = [];
  for (const p of pieces) {
    const last = lines[lines.length - 1];
    const sameLine =
      last !== undefined &&
      p.kind === 'text' &&
      last.kind === 'text' &&
      !folded.slice(last.end, p.start).includes('\n');
    if (sameLine) lines[lines.length - 1] = { ...last, end: p.end };
    else lines.push(p);
  }
  return lines;
}

function styleOf(text: string, folded: string, seg: Segment, head: string): CellStyle | null {
  if (head === '序号|' || head === '编号|') return 'closed';
  if (head.includes('|')) return 'pipe';
  if (text.slice(seg.start, seg.end).includes('\t')) return 'tab';
  return rowCells(text, folded, seg, 'spaces', 0).length >= 3 ? 'spaces' : null;
}

function closedCells(folded: string, segs: readonly Segment[], from: number, out: Segment[]): void {
  let open: number | null = null;
  let openLine = from;
  for (let i = from; i < segs.length; i++) {
    const seg = segs[i]!;
    const start: number = open ?? seg.start;
    let cellStart = start;
    for (let p = seg.start; p < seg.end; p++) {
      if (folded[p] !== '|') continue;
      pushCell(folded, cellStart, p, out);
      cellStart = p + 1;
    }
    // What follows the last | runs on into the next line (a cell of several lines).
    if (!hasText(folded, cellStart, seg.end)) open = null;
    else if (open === null || cellStart !== start) {
      open = cellStart;
      openLine = i;
    }
  }
  // Lines after the last closed cell (the signature, the date) are no cell: kept as lines.
  if (open === null) return;
  pushCell(folded, open, segs[openLine]!.end, out);
  out.push(...segs.slice(openLine + 1));
}

function rowSegments(
  text: string,
  folded: string,
  segs: readonly Segment[],
  from: number,
  style: CellStyle,
  header: readonly Segment[],
  out: Segment[],
): void {
  const columns = header.length;
  const taskColumn = Math.max(
    1,
    header.findIndex((c) => headerRole(compact(folded.slice(c.start, c.end))) === 'task'),
  );
  const headerLine = text.lastIndexOf('\n', header[0]!.start - 1) + 1;
  const starts = header.map((c) => displayColumn(text, headerLine, c.start));
  // The cells of the current row by column, for the lines its cells wrap onto.
  let row: Segment[] | null = null;
  for (let i = from; i < segs.length; i++) {
    const seg = segs[i]!;
    if (isRule(folded, seg)) continue;
    const raw = rowCells(text, folded, seg, style, columns);
    const line = text.lastIndexOf('\n', seg.start - 1) + 1;
    const filled = raw.filter((c) => c.end > c.start);
    if (row !== null && filled.length > 0 && filled.length < columns - 1 && continues(folded, filled)) {
      // Cells wrapped onto a line of their own go back into their cells, found by position.
      for (const cell of filled) {
        const c = Math.min(
          row.length - 1,
          Math.max(1, columnOf(text, style, line, raw, cell, starts) ?? taskColumn),
        );
        const parts = CELL_PARTS.get(row[c]!) ?? [];
        CELL_PARTS.set(row[c]!, [...parts, cell]);
      }
      continue;
    }
    // A row that is one heading (一、…) spread over empty cells keeps only its heading.
    let cells = filled.length === 1 ? filled : raw;
    if (style === 'spaces' && cells.length >= 3 && cells.length < columns) {
      cells = placeByPosition(text, line, cells, starts) ?? cells;
    }
    row = cells.length >= 3 ? cells : null;
    out.push(...cells);
  }
}

// Lines a cell wrapped onto in a row-per-line table, kept with the cell (other cells lie between).
const CELL_PARTS = new WeakMap<Segment, Segment[]>();

/** A cell with the lines it wrapped onto (see tableCellSegments), in text order. */
export function cellWithParts(cell: Segment): Segment[] {
  const parts = CELL_PARTS.get(cell);
  return parts === undefined ? [cell] : [cell, ...parts];
}

/**
 * A row aligned with spaces shows an empty cell (a merged 分管领导) as nothing at all: its cells are
 * placed under the header by where they start, and each column left over gets an empty cell.
 * Null when the places do not run left to right.
 */
function placeByPosition(
  text: string,
  line: number,
  cells: readonly Segment[],
  starts: readonly number[],
): Segment[] | null {
  const placed: Segment[] = [];
  for (const cell of cells) {
    const c = columnOf(text, 'spaces', line, cells, cell, starts);
    if (c === null || c < placed.length) return null;
    while (placed.length < c) {
      const at = placed.length > 0 ? placed[placed.length - 1]!.end : cell.start;
      placed.push({ start: at, end: at, kind: 'text' });
    }
    placed.push(cell);
  }
  return placed;
}

/** The column a cell of a wrapped line belongs to: by its place among | or tabs, or by where it starts. */
function columnOf(
  text: string,
  style: CellStyle,
  line: number,
  raw: readonly Segment[],
  cell: Segment,
  starts: readonly number[],
): number | null {
  if (style === 'pipe') return raw.indexOf(cell);
  // Positions are read only in lines of a table's width, so a hostile line costs no more than once.
  if (cell.start - line > MAX_ROW_LINE) return null;
  if (style === 'tab') {
    let tabs = 0;
    for (let p = line; p < cell.start; p++) if (text[p] === '\t') tabs++;
    return tabs;
  }
  const at = displayColumn(text, line, cell.start);
  let best: number | null = null;
  starts.forEach((s, k) => {
    if (s <= at + 1) best = k;
  });
  return best;
}

/** Display column of an offset within its line: CJK and full-width characters take two. */
function displayColumn(text: string, line: number, at: number): number {
  let width = 0;
  for (let p = line; p < at; p++) {
    const c = text.charCodeAt(p);
    width +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

/** True for a line that continues the row above: no number, no heading, no closing words. */
function continues(folded: string, cells: readonly Segment[]): boolean {
  const first = cells[0]!;
  const f = compact(folded.slice(first.start, first.end));
  if (readMarker(folded, first.start, first.end) !== null || /^\d+$/.test(f)) return false;
  if (CLOSING_WORDS.some((w) => f.startsWith(w))) return false;
  return cells.length > 1 || /[。，；、,;]/.test(f);
}

const CLOSING_WORDS = ['抄送', '印发', '附件', '联系人', '联系电话'];

/** A ruled line under a header (|---|:--|, ------): no cells. */
function isRule(folded: string, seg: Segment): boolean {
  for (let i = seg.start; i < seg.end; i++) if (!'|-:+= '.includes(folded[i]!)) return false;
  return true;
}

/** The cells of one row line, trimmed; with `columns`, padding taken for a cell gap is put back. */
function rowCells(text: string, folded: string, seg: Segment, style: CellStyle, columns: number): Segment[] {
  const cells: Segment[] = [];
  let start = seg.start;
  if (style === 'pipe' && folded[start] === '|') start++;
  let i = start;
  while (i < seg.end) {
    const gap = gapAt(text, folded, i, seg.end, style);
    if (gap === 0) {
      i++;
      continue;
    }
    pushCell(folded, start, i, cells);
    i += gap;
    start = i;
  }
  if (hasText(folded, start, seg.end)) pushCell(folded, start, seg.end, cells);
  if (style === 'spaces' && columns > 0) return rejoinPadding(cells, columns);
  return cells;
}

/** Length of the cell separator at `i` (0 when there is none). */
function gapAt(text: string, folded: string, i: number, end: number, style: CellStyle): number {
  if (style === 'pipe') return folded[i] === '|' ? 1 : 0;
  if (style === 'tab') return text[i] === '\t' ? 1 : 0;
  if (folded[i] !== ' ' || folded[i + 1] !== ' ' || (i > 0 && folded[i - 1] === ' ')) return 0;
  let j = i;
  while (j < end && folded[j] === ' ') j++;
  return j - i;
}

/**
 * Runs of spaces also pad names to a width (陈  丽): while a row has more cells than the header, the
 * narrowest gap between single characters is padding, not a cell border.
 */
function rejoinPadding(cells: Segment[], columns: number): Segment[] {
  // Beyond a few extra cells the line is no padded row; it is left as cut (and stays linear).
  if (cells.length > columns + 8) return cells;
  const out = [...cells];
  while (out.length > columns) {
    let best = -1;
    for (let k = 0; k + 1 < out.length; k++) {
      const a = out[k]!;
      const b = out[k + 1]!;
      if (a.end - a.start > 1 && b.end - b.start > 1) continue;
      if (best < 0 || b.start - a.end < out[best + 1]!.start - out[best]!.end) best = k;
    }
    if (best < 0) break;
    out.splice(best, 2, { start: out[best]!.start, end: out[best + 1]!.end, kind: 'text' });
  }
  return out;
}

/**
 * A table that runs over several pages repeats its header on each (序号 | 工作任务 | …); the
 * repeats are dropped. The header is the first cells up to the first row number or section row.
 */
function withoutRepeatedHeader(folded: string, cells: readonly Segment[]): Segment[] {
  const key = (c: Segment) => compact(folded.slice(c.start, c.end));
  const header: string[] = [];
  for (const c of cells) {
    const k = key(c);
    if (k === '' || /^\d+$/.test(k) || readMarker(folded, c.start, c.end)?.kind === 'h1') break;
    header.push(k);
  }
  const out: Segment[] = [];
  for (let i = 0; i < cells.length; i++) {
    const repeat =
      i >= header.length &&
      header.length > 1 &&
      key(cells[i]!) === header[0] &&
      header.every((k, n) => cells[i + n] !== undefined && key(cells[i + n]!) === k);
    if (repeat) i += header.length - 1;
    else out.push(cells[i]!);
  }
  return out;
}

function hasText(folded: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (folded[i] !== ' ' && folded[i] !== '\n') return true;
  return false;
}

/** Pushes folded[from, to) trimmed as a cell; an empty cell becomes an empty segment at `to`. */
function pushCell(folded: string, from: number, to: number, out: Segment[]): void {
  let s = from;
  let e = to;
  while (s < e && (folded[s] === ' ' || folded[s] === '\n')) s++;
  while (e > s && (folded[e - 1] === ' ' || folded[e - 1] === '\n')) e--;
  out.push(s === e ? { start: to, end: to, kind: 'text' } : { start: s, end: e, kind: 'text' });
}
