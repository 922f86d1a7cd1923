import { type ParseContext, warn } from './context.ts';
import type { RawItem } from './items.ts';
import type { Levels } from './levels.ts';
import { beforeEditMark, compact, isBareNumber } from './line-kinds.ts';
import type { Marker } from './markers.ts';
import { snippet } from './messages.ts';
import type { Segment } from './segments.ts';
import type { RawRow } from './table.ts';
import { cleanRange, type Range } from './view.ts';

/** A section as the structure pass found it. */
export interface RawSection {
  no: number;
  title: string;
  start: number;
  entries: Array<{ kind: 'item'; raw: RawItem } | { kind: 'row'; raw: RawRow }>;
  /** Lines under the section that belong to no item. */
  text: Range[];
}

interface Walk {
  sections: RawSection[];
  section: RawSection | null;
  item: RawItem | null;
  row: RawRow | null;
  prevNo: number | null;
  prevSectionNo: number;
  firstInSection: boolean;
  subsection: string | undefined;
}

/** Groups the lines from `from` to `to` into sections and items by their heading numbers. */
export function buildStructure(
  ctx: ParseContext,
  segs: readonly Segment[],
  markers: ReadonlyArray<Marker | null>,
  from: number,
  to: number,
  levels: Levels,
  table: boolean,
): RawSection[] {
  const w: Walk = {
    sections: [],
    section: null,
    item: null,
    row: null,
    prevNo: null,
    prevSectionNo: 0,
    firstInSection: true,
    subsection: undefined,
  };
  for (let i = from; i < to; i++) {
    const seg = segs[i]!;
    let m = markerOf(ctx, seg, markers[i] ?? null, table);
    if (m !== null && w.item !== null && wrappedNumber(ctx, w, segs[i - 1]!, m, levels)) {
      warn(ctx, 'wrapped-number', seg.start, w.item.no, snippet(ctx.folded.slice(seg.start, seg.start + 12)));
      m = null;
    }
    if (m !== null && m.kind === levels.section) {
      i = openSection(ctx, w, segs, markers, i, m, to);
      continue;
    }
    if (m !== null && m.kind === levels.sub) {
      closeEntry(w);
      w.subsection = cleanRange(ctx.text, ctx.folded, { start: m.textStart, end: seg.end }).text;
      continue;
    }
    if (m !== null && m.kind === levels.item && acceptNumber(ctx, w, m.no, seg.start)) {
      closeEntry(w);
      const section = w.section ?? implicitSection(ctx, w, seg.start);
      if (table) w.row = { no: m.no, start: seg.start, cells: [] };
      else {
        w.item = { no: m.no, start: seg.start, ranges: [{ start: m.textStart, end: seg.end }] };
        if (w.subsection !== undefined) w.item.subsection = w.subsection;
      }
      w.section = section;
      w.prevNo = m.no;
      w.firstInSection = false;
      continue;
    }
    if (w.item !== null) w.item.ranges.push(seg);
    else if (w.row !== null) w.row.cells.push(seg);
    else (w.section ?? implicitSection(ctx, w, seg.start)).text.push(seg);
  }
  closeEntry(w);
  return w.sections;
}

// Where a wrapped line ends without a sentence end, its sentence goes on in the next line.
const WRAPPED_MIN = 20;
const SENTENCE_CLOSERS = '。!?;:)]】〕”\'"';

/**
 * A hard-wrapped line that only looks like a heading ("…重点保障小学\n一、二年级学位"): its number
 * is out of sequence for its level and the open item's last line stopped mid-sentence.
 */
function wrappedNumber(ctx: ParseContext, w: Walk, prev: Segment, m: Marker, levels: Levels): boolean {
  const last = ctx.folded[prev.end - 1] ?? '。';
  // A short line without a sentence end is a heading-only item (1.加强党的建设), not a wrap.
  if (SENTENCE_CLOSERS.includes(last) || prev.end - prev.start < WRAPPED_MIN) return false;
  if (m.kind === levels.section) return m.no !== w.prevSectionNo + 1;
  if (m.kind === levels.item) return w.prevNo !== null && m.no > w.prevNo + 1;
  return false;
}

function markerOf(ctx: ParseContext, seg: Segment, m: Marker | null, table: boolean): Marker | null {
  if (!table || !isBareNumber(ctx.folded.slice(seg.start, seg.end))) return m;
  return { kind: 'cell', no: Number(compact(ctx.folded.slice(seg.start, seg.end))), textStart: seg.end };
}

function openSection(
  ctx: ParseContext,
  w: Walk,
  segs: readonly Segment[],
  markers: ReadonlyArray<Marker | null>,
  i: number,
  m: Marker,
  to: number,
): number {
  closeEntry(w);
  const seg = segs[i]!;
  const section: RawSection = {
    no: w.sections.length + 1,
    title: '',
    start: seg.start,
    entries: [],
    text: [],
  };
  // A heading line may run on into a sentence (一、总体要求。…): the title stops at its 。.
  const headEnd = beforeEditMark(ctx.folded, m.textStart, seg.end);
  let titleEnd = m.textStart;
  while (titleEnd < headEnd && ctx.folded[titleEnd] !== '。') titleEnd++;
  section.title = cleanRange(ctx.text, ctx.folded, { start: m.textStart, end: titleEnd }).text;
  if (titleEnd < headEnd && titleEnd + 1 < headEnd) section.text.push({ start: titleEnd + 1, end: headEnd });
  let next = i;
  if (i + 1 < to && headingContinues(ctx, segs, markers, i, to, section.title === '')) {
    // The heading's words sit in the next paragraph ("一、" alone), or the heading wrapped.
    section.title += cleanRange(ctx.text, ctx.folded, segs[i + 1]!).text;
    next = i + 1;
  }
  if (m.no !== w.prevSectionNo + 1) warn(ctx, 'section-numbering', seg.start, w.prevSectionNo, m.no);
  w.prevSectionNo = m.no;
  w.sections.push(section);
  w.section = section;
  w.firstInSection = true;
  w.subsection = undefined;
  return next;
}

function headingContinues(
  ctx: ParseContext,
  segs: readonly Segment[],
  markers: ReadonlyArray<Marker | null>,
  i: number,
  to: number,
  empty: boolean,
): boolean {
  const next = segs[i + 1]!;
  if (markers[i + 1] !== null) return false;
  if (empty) return true;
  if (next.end - next.start > 30 || /[。;:!?]/.test(ctx.folded.slice(next.start, next.end))) return false;
  if (/[。:]/.test(ctx.folded.slice(segs[i]!.start, segs[i]!.end))) return false;
  return i + 2 >= to || markers[i + 2] !== null;
}

function implicitSection(ctx: ParseContext, w: Walk, at: number): RawSection {
  const section: RawSection = { no: w.sections.length + 1, title: '', start: at, entries: [], text: [] };
  if (w.sections.length === 0) warn(ctx, 'no-sections', at);
  w.sections.push(section);
  w.section = section;
  return section;
}

function closeEntry(w: Walk): void {
  if (w.item !== null) w.section?.entries.push({ kind: 'item', raw: w.item });
  if (w.row !== null) w.section?.entries.push({ kind: 'row', raw: w.row });
  w.item = null;
  w.row = null;
}

/** Checks an item number against the previous one; a number going backwards inside an item is a list in its text. */
function acceptNumber(ctx: ParseContext, w: Walk, no: number, at: number): boolean {
  const prev = w.prevNo;
  if (prev === null) {
    if (no !== 1) warn(ctx, 'numbering-skip', at, null, no);
    return true;
  }
  if (no === prev + 1 || (w.firstInSection && no === 1)) return true;
  if (no > prev + 1 || w.firstInSection) {
    warn(ctx, 'numbering-skip', at, prev, no);
    return true;
  }
  if (no === prev) {
    warn(ctx, 'numbering-duplicate', at, no);
    return true;
  }
  if (w.item === null && w.row === null) {
    warn(ctx, 'numbering-skip', at, prev, no);
    return true;
  }
  warn(ctx, 'numbering-backwards', at, prev, no);
  return false;
}
