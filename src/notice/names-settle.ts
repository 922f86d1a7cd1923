import { type ParseContext, warn } from './context.ts';
import { isIdeograph } from './fold.ts';
import type { ListedName, UnsureRun } from './names.ts';
import { MAX_RUN, readNameRun } from './names-padded.ts';
import type { ParsedItem, ParsedNotice, ParseWarning } from './types.ts';

/** The warning given for a run of names cut by guesswork (周 岚许 诺). */
export const NAME_UNSURE = 'name-unsure';
/** The warning given for a table cell left empty and read as merged with the row above. */
export const CELL_INHERITED = 'table-cell-inherited';

interface LocatedRun {
  warning: ParseWarning;
  item: ParsedItem;
  /** Leaders [from, to) of the item that the run gave. */
  from: number;
  to: number;
  chars: string[];
  gaps: boolean[];
}

/**
 * Settles the runs of names the parser could only guess (warnings `name-unsure`) with names known
 * for sure: those the same notice writes apart elsewhere, and `known` (e.g. the bureau's directory
 * of leaders). Where exactly one way to cut a run gives only known names, the item's leaders take
 * that reading — and the cells merged into it below — and the warning goes; otherwise the parser's
 * reading and its warning stay. Returns a new notice; `notice` is not changed.
 */
export function settleUnsureNames(
  text: string,
  notice: ParsedNotice,
  known: Iterable<string> = [],
): ParsedNotice {
  if (!notice.warnings.some((w) => w.code === NAME_UNSURE)) return notice;
  const copy = copyNotice(notice);
  const items = copy.sections.flatMap((s) => s.items);
  const runs = new Map<ParsedItem, LocatedRun[]>();
  const merged = new Set<ParsedItem>();
  for (const w of copy.warnings) {
    const item = itemAt(items, w.at);
    if (item === undefined) continue;
    if (w.code === CELL_INHERITED) merged.add(item);
    const run = w.code === NAME_UNSURE ? locateRun(text, w, item) : null;
    if (run !== null) runs.set(item, [...(runs.get(item) ?? []), run]);
  }
  const sure = new Set(known);
  for (const item of items) {
    // A cell copied from the row above is no second sighting of its names.
    if (merged.has(item)) continue;
    const own = runs.get(item) ?? [];
    item.leaders.forEach((name, k) => {
      if (!own.some((r) => k >= r.from && k < r.to)) sure.add(name);
    });
  }
  const settled = new Set<ParseWarning>();
  items.forEach((item, index) => {
    // Later runs of an item first, so earlier indices stay valid as leaders are replaced.
    for (const run of [...(runs.get(item) ?? [])].sort((a, b) => b.from - a.from)) {
      const fits = readNameRun(run.chars, run.gaps).readings.filter((r) => r.every((n) => sure.has(n)));
      if (fits.length !== 1) continue;
      const before = item.leaders;
      item.leaders = [...new Set([...before.slice(0, run.from), ...fits[0]!, ...before.slice(run.to)])];
      // Rows below whose empty leader cell took these leaders take the settled names as well.
      for (let n = index + 1; n < items.length && merged.has(items[n]!); n++) {
        if (items[n]!.leaders.join('、') !== before.join('、')) break;
        items[n]!.leaders = [...item.leaders];
      }
      settled.add(run.warning);
    }
  });
  copy.warnings = copy.warnings.filter((w) => !settled.has(w));
  return copy;
}

/** The item whose source holds the offset (items are in text order): a binary search. */
function itemAt(items: readonly ParsedItem[], at: number): ParsedItem | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid]!;
    if (at < item.source.start) hi = mid - 1;
    else if (at >= item.source.end) lo = mid + 1;
    else return item;
  }
  return undefined;
}

function copyNotice(notice: ParsedNotice): ParsedNotice {
  return {
    ...notice,
    warnings: [...notice.warnings],
    sections: notice.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => ({ ...i, leaders: [...i.leaders] })),
    })),
  };
}

/** The item's leaders that the run at the warning gave: their characters, read again from the text. */
function locateRun(text: string, warning: ParseWarning, item: ParsedItem): LocatedRun | null {
  const chars: string[] = [];
  const gaps: boolean[] = [];
  let space = false;
  for (let p = warning.at; p < text.length && chars.length < MAX_RUN; p++) {
    const ch = text[p]!;
    if (ch === ' ' || ch === '\u3000' || ch === '\u00a0') {
      space = chars.length > 0;
      continue;
    }
    if (!isIdeograph(ch)) break;
    chars.push(ch);
    gaps.push(space);
    space = false;
  }
  const written = chars.join('');
  const leaders = item.leaders;
  for (let from = 0; from < leaders.length; from++) {
    let joined = '';
    let best = -1;
    for (let to = from + 1; to <= leaders.length; to++) {
      joined += leaders[to - 1];
      if (!written.startsWith(joined)) break;
      best = to;
    }
    if (best < 0) continue;
    const length = leaders.slice(from, best).join('').length;
    return { warning, item, from, to: best, chars: chars.slice(0, length), gaps: gaps.slice(0, length) };
  }
  return null;
}

/** Warns once for each run of names among `names` that was cut by guesswork. */
export function warnUnsureNames(ctx: ParseContext, no: number, names: readonly ListedName[]): void {
  const seen = new Set<UnsureRun>();
  for (const n of names) {
    if (n.unsure === undefined || seen.has(n.unsure)) continue;
    seen.add(n.unsure);
    warn(ctx, NAME_UNSURE, n.unsure.at, no, n.unsure.written, n.unsure.names.join('、'));
  }
}
