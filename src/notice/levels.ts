import type { Marker, MarkerKind } from './markers.ts';

/** Which heading level is a section, a subsection (a grouping title only) and an item. */
export interface Levels {
  section: MarkerKind | null;
  sub: MarkerKind | null;
  item: MarkerKind | null;
  /** Set when two levels could be the items: [the level used, the level left in the bodies]. */
  guess: [string, string] | null;
}

/**
 * Decides the heading levels from how often each appears. 一、 is always a section. Under it the
 * items are 1. when present, with （一） as subsection titles, unless （一） outnumbers 1. (then the
 * 1. lines are lists inside （一） items — a guess, reported). Without 一、, （一） groups 1. items.
 */
export function decideLevels(markers: ReadonlyArray<Marker | null>, table: boolean): Levels {
  const n = { h1: 0, h2: 0, h3: 0, h4: 0, cell: 0 };
  for (const m of markers) if (m !== null) n[m.kind]++;
  if (table) return { section: n.h1 > 0 ? 'h1' : null, sub: null, item: 'cell', guess: null };
  if (n.h1 > 0) {
    if (n.h2 > 0 && n.h3 > 0) {
      return n.h3 >= n.h2
        ? { section: 'h1', sub: 'h2', item: 'h3', guess: null }
        : { section: 'h1', sub: null, item: 'h2', guess: ['（一）', '1.'] };
    }
    const item = n.h3 > 0 ? 'h3' : n.h2 > 0 ? 'h2' : n.h4 > 0 ? 'h4' : null;
    return { section: 'h1', sub: null, item, guess: null };
  }
  if (n.h2 > 0 && n.h3 > 0) return { section: 'h2', sub: null, item: 'h3', guess: null };
  const item = n.h3 > 0 ? 'h3' : n.h2 > 0 ? 'h2' : n.h4 > 0 ? 'h4' : null;
  return { section: null, sub: null, item, guess: null };
}
