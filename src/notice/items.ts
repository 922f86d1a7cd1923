import { type ParseContext, warn } from './context.ts';
import { findIndicators } from './indicators.ts';
import { snippet } from './messages.ts';
import { warnUnsureNames } from './names-settle.ts';
import { resolveResponsibility, scanNotes } from './responsibility.ts';
import type { ParsedIndicator, ParsedItem } from './types.ts';
import { type Clean, cleanView, makeView, type Range, type View } from './view.ts';

/** An item as the structure pass found it: its number and the lines that belong to it. */
export interface RawItem {
  no: number;
  /** Offset of the item's number in the original text. */
  start: number;
  /** The item's lines; the first starts after the number. */
  ranges: Range[];
  subsection?: string;
}

const SENTENCE_PUNCT = '。,;!?';

/** Builds an item: body without its number and notes, title, responsibility, indicators, warnings. */
export function finishItem(
  ctx: ParseContext,
  raw: RawItem,
  wrapWidth: number,
  year: number | null,
): ParsedItem {
  const view = makeView(ctx.text, ctx.folded, raw.ranges);
  const scan = scanNotes(view, 0, view.str.length, wrapWidth);
  const skip = [...scan.notes];
  const last = scan.notes[scan.notes.length - 1];
  if (last !== undefined) {
    const rest = trailingText(view, last.end);
    if (rest !== null) {
      skip.push(rest);
      warn(
        ctx,
        'text-after-note',
        offsetOf(view, rest.start),
        raw.no,
        snippet(cleanView(view, rest.start, rest.end).text),
      );
    }
  }
  if (scan.notes.length === 0) warn(ctx, 'item-without-responsibility', raw.start, raw.no);
  if (scan.unclosed) warn(ctx, 'note-unclosed', raw.start, raw.no);
  if (scan.unreadable) warn(ctx, 'note-unreadable', raw.start, raw.no);
  warnUnsureNames(ctx, raw.no, scan.leaders);
  const { title: rawTitle, body: rawBody } = titleAndBody(view, skip, wrapWidth);
  // A note that follows a comma (…不少于两次，（责任领导：…）) leaves the comma dangling once it is cut.
  const body = trimDanglingSeparators(rawBody);
  const title = rawTitle.length > body.length ? body : rawTitle;
  const end = raw.ranges.length > 0 ? raw.ranges[raw.ranges.length - 1]!.end : raw.start;
  return {
    no: raw.no,
    title,
    body,
    ...resolveResponsibility(scan),
    indicators: indicatorsOf(ctx, body, year, raw),
    source: { start: raw.start, end: Math.max(raw.start, end) },
    ...(raw.subsection === undefined ? {} : { subsection: raw.subsection }),
  };
}

/** Text after the last note that starts on a new line (a stray paragraph), or null. */
function trailingText(view: View, from: number): Range | null {
  let i = from;
  let sawBreak = false;
  while (i < view.str.length && (view.str[i] === ' ' || view.str[i] === '\n')) {
    if (view.str[i] === '\n') sawBreak = true;
    i++;
  }
  return i < view.str.length && sawBreak ? { start: i, end: view.str.length } : null;
}

function offsetOf(view: View, i: number): number {
  return view.pos[Math.min(i, view.pos.length - 1)] ?? 0;
}

/**
 * The title is the text up to the first 。; a heading-only first line (short, no punctuation,
 * its text following in the next paragraph) is the title by itself and stays a line of the body.
 */
function titleAndBody(view: View, skip: Range[], wrapWidth: number): { title: string; body: string } {
  const firstBreak = view.str.indexOf('\n');
  if (firstBreak > 0) {
    const head = cleanView(view, 0, firstBreak, false, skip);
    if (isHeadingOnly(head, wrapWidth)) {
      const rest = cleanView(view, firstBreak + 1, view.str.length, true, skip).text;
      return { title: head.text, body: rest.length > 0 ? `${head.text}\n${rest}` : head.text };
    }
  }
  const body = cleanView(view, 0, view.str.length, true, skip).text;
  let cut = body.length;
  for (const stop of ['。', '\n']) {
    const at = body.indexOf(stop);
    if (at >= 0 && at < cut) cut = at;
  }
  return { title: body.slice(0, cut), body };
}

function isHeadingOnly(head: Clean, wrapWidth: number): boolean {
  if (head.folded.length === 0 || head.folded.length > 40) return false;
  for (const ch of head.folded) if (SENTENCE_PUNCT.includes(ch) || ch === ':') return false;
  return head.folded.length < wrapWidth * 0.8;
}

function indicatorsOf(ctx: ParseContext, body: string, year: number | null, raw: RawItem): ParsedIndicator[] {
  try {
    return findIndicators(body, year).filter(
      (ind) => ind.span[0] >= 0 && ind.span[0] <= ind.span[1] && ind.span[1] <= body.length,
    );
  } catch {
    warn(ctx, 'indicator-failed', raw.start, raw.no);
    return [];
  }
}

const DANGLING = new Set(['，', ',', '、', '；', ';', ' ', '\n', '\t', '\u3000']);

/** Drops separators left at the end of a body (a scan, not a regex, to stay linear). */
function trimDanglingSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && DANGLING.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}
