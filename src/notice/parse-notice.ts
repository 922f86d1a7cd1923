import { closingStart, isSignatureOrDate } from './closing.ts';
import { type ParseContext, warn } from './context.ts';
import { foldText } from './fold.ts';
import { readFrontMatter } from './front-matter.ts';
import type { GluedCut } from './glued.ts';
import { finishItem } from './items.ts';
import { decideLevels } from './levels.ts';
import { readSiteMeta, type SiteMeta } from './line-kinds.ts';
import { keepWideInSequence, type Marker, readMarker } from './markers.ts';
import { snippet } from './messages.ts';
import { settleUnsureNames } from './names-settle.ts';
import { type Segment, splitSegments } from './segments.ts';
import { buildStructure, type RawSection } from './structure.ts';
import { detectTable, finishTableItem, type TableLayout } from './table.ts';
import { tableCellSegments } from './table-cells.ts';
import { findTitleLine, planYear, titleFromNoticeTitle, titleStartsAbove } from './title.ts';
import type { ParsedItem, ParsedNotice, ParsedSection } from './types.ts';
import { cleanRange, cleanView, makeView } from './view.ts';

/**
 * Reads a work-key-points notice (工作要点) from its text: metadata, sections, items with their
 * responsibility and indicators, every position an offset into `text`. Never throws; whatever it
 * cannot place is reported in `warnings`.
 */
export function parseNoticeText(text: string): ParsedNotice {
  const input = typeof text === 'string' ? text : '';
  const ctx: ParseContext = { text: input, folded: foldText(input), warnings: [] };
  try {
    return parse(ctx);
  } catch {
    warn(ctx, 'parser-failed', 0);
    return { ...emptyNotice(), warnings: ctx.warnings };
  }
}

function emptyNotice(): ParsedNotice {
  return {
    issuer: null,
    docNumber: null,
    noticeTitle: null,
    title: '',
    year: null,
    issuedOn: null,
    addressees: [],
    preamble: '',
    sections: [],
    warnings: [],
  };
}

function parse(ctx: ParseContext): ParsedNotice {
  const { text, folded } = ctx;
  const glued: GluedCut[] = [];
  const all = splitSegments(folded, glued);
  reportGlued(ctx, glued);
  const site: SiteMeta = {};
  const junk = all.filter((s) => s.kind === 'junk');
  for (const s of junk) readSiteMeta(text.slice(s.start, s.end), folded.slice(s.start, s.end), site);
  if (junk.length > 0) warn(ctx, 'site-junk-skipped', junk[0]!.start, junk.length);
  const segs = tableCellSegments(
    text,
    folded,
    all.filter((s) => s.kind === 'text'),
  );
  const table = detectTable(folded, segs, text);
  const guessed = new Map(
    glued.flatMap((cut) => (cut.guess === undefined ? [] : [[cut.at, cut.guess.marker]])),
  );
  const markers: Array<Marker | null> = segs.map((s, i) =>
    table !== null && i < table.headerEnd
      ? null
      : (readMarker(folded, s.start, s.end, true) ?? guessed.get(s.start) ?? null),
  );
  keepWideInSequence(markers);
  const levels = decideLevels(markers, table !== null);
  if (levels.guess !== null) warn(ctx, 'heading-level-guess', 0, levels.guess[0], levels.guess[1]);
  const first = firstStructural(segs, markers, levels.section ?? levels.item, table);
  const inHeader = (i: number) => table !== null && i >= table.headerStart && i < table.headerEnd;
  const titleLine = findTitleLine(text, folded, segs, first < 0 ? segs.length : first, inHeader);
  const wrapped = titleLine > 0 && titleStartsAbove(text, folded, segs, titleLine);
  const titleStart = wrapped ? titleLine - 1 : titleLine;
  const frontEnd = titleLine >= 0 ? titleStart : Math.max(first, 0);
  const bodyEnd = first < 0 ? segs.length : closingStart(text, folded, segs, first, segs.length);
  const closing = segs.slice(bodyEnd);
  const meta = readFrontMatter(text, folded, segs.slice(0, frontEnd), closing, site);
  reportClosing(ctx, closing);

  let title = titleLine >= 0 ? paragraphs(ctx, segs.slice(titleStart, titleLine + 1)) : '';
  if (title === '') title = titleFromNoticeTitle(meta.noticeTitle) ?? site.title ?? '';
  if (title === '') warn(ctx, 'no-title', 0);
  const year = planYear(foldText(title), meta.issuedOn, meta.docNumber);
  const preambleSegs = segs
    .slice(titleLine + 1, first < 0 ? bodyEnd : first)
    .filter((_, k) => !inHeader(titleLine + 1 + k));
  const raw = first < 0 ? [] : buildStructure(ctx, segs, markers, first, bodyEnd, levels, table !== null);
  if (raw.every((s) => s.entries.length === 0)) warn(ctx, 'no-items', first < 0 ? 0 : segs[first]!.start);

  const width = wrapWidth(segs);
  const notice: ParsedNotice = {
    ...meta,
    title,
    year,
    preamble: titleLine >= 0 ? paragraphs(ctx, preambleSegs) : '',
    sections: raw.map((s) => finishSection(ctx, s, table, width, year)),
    warnings: ctx.warnings,
  };
  const cover = paragraphs(ctx, segs.slice(0, frontEnd));
  if (cover !== '') notice.cover = cover;
  if (titleLine < 0 && first >= 0 && frontEnd === first) notice.preamble = '';
  return settleUnsureNames(text, notice);
}

function firstStructural(
  segs: readonly Segment[],
  markers: ReadonlyArray<Marker | null>,
  kind: string | null,
  table: TableLayout | null,
): number {
  if (table !== null) return table.headerEnd < segs.length ? table.headerEnd : -1;
  if (kind === null) return -1;
  for (let i = 0; i < segs.length; i++) if (markers[i]?.kind === kind) return i;
  return -1;
}

function paragraphs(ctx: ParseContext, segs: readonly Segment[]): string {
  if (segs.length === 0) return '';
  const view = makeView(ctx.text, ctx.folded, segs);
  return cleanView(view, 0, view.str.length, true).text;
}

/** The line length a hard-wrapped notice breaks at (90th percentile), to tell headings from wrapped lines. */
function wrapWidth(segs: readonly Segment[]): number {
  if (segs.length === 0) return 0;
  const lengths = segs.map((s) => s.end - s.start).sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) * 0.9)]!;
}

function finishSection(
  ctx: ParseContext,
  raw: RawSection,
  table: TableLayout | null,
  width: number,
  year: number | null,
): ParsedSection {
  const items: ParsedItem[] = [];
  for (const e of raw.entries) {
    if (e.kind === 'item') items.push(finishItem(ctx, e.raw, width, year));
    else if (table !== null) items.push(finishTableItem(ctx, table, e.raw, year));
  }
  let end = raw.start;
  for (const item of items) end = Math.max(end, item.source.end);
  for (const r of raw.text) end = Math.max(end, r.end);
  const section: ParsedSection = { no: raw.no, title: raw.title, items, source: { start: raw.start, end } };
  const text = paragraphs(
    ctx,
    raw.text.map((r) => ({ ...r, kind: 'text' as const })),
  );
  if (text !== '') {
    section.text = text;
    warn(ctx, 'text-outside-items', raw.text[0]!.start, raw.no, snippet(text));
  }
  return section;
}

function reportClosing(ctx: ParseContext, closing: readonly Segment[]): void {
  for (let i = 0; i < closing.length; i++) {
    const f = cleanRange(ctx.text, ctx.folded, closing[i]!).folded;
    const next = closing[i + 1];
    const nextFolded = next === undefined ? undefined : cleanRange(ctx.text, ctx.folded, next).folded;
    if (!isSignatureOrDate(f, nextFolded)) {
      warn(
        ctx,
        'text-outside-plan',
        closing[i]!.start,
        snippet(cleanRange(ctx.text, ctx.folded, closing[i]!).text),
      );
      return;
    }
  }
}

function reportGlued(ctx: ParseContext, glued: readonly GluedCut[]): void {
  if (glued.length === 0) return;
  warn(ctx, 'glued-headings', glued[0]!.at, glued.length);
  for (const cut of glued) {
    if (cut.guess !== undefined) warn(ctx, 'glued-number-guess', cut.at, cut.guess.no, cut.guess.text);
  }
}
