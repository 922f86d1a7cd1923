import { type ParseContext, warn } from './context.ts';
import { readMarker } from './markers.ts';
import type { ListedName } from './names.ts';
import type { Segment } from './segments.ts';
import type { RawRow, TableLayout } from './table.ts';

interface PreviousRow {
  end: number;
  lists: ListedName[][];
}

// The row above, per parse: a table's rows are finished in order.
const previous = new WeakMap<ParseContext, PreviousRow>();

/**
 * A merged cell (分管领导 the same for several rows) reaches a text paste only in its first row; the
 * rows below keep an empty cell (a lone `|`, two tabs). An empty leader or lead-unit cell — the
 * columns every row must fill — is read as merged with the row above in the same section, with a
 * warning; an empty 配合单位 cell simply names no one. `groups` is null when the row lost cells
 * (then no cell can be told empty).
 */
export function fillMergedCells(
  ctx: ParseContext,
  layout: TableLayout,
  row: RawRow,
  groups: Segment[][] | null,
  lists: ListedName[][],
): void {
  const prev = previous.get(ctx);
  previous.set(ctx, { end: lastEnd(row), lists });
  if (groups === null || prev === undefined || sectionBetween(ctx.folded, prev.end, row.start)) return;
  const required = requiredColumns(layout);
  layout.roles.forEach((_, r) => {
    const group = groups[r]!;
    const empty = group.length === 1 && group[0]!.end === group[0]!.start;
    const above = prev.lists[r] ?? [];
    if (!required[r] || !empty || above.length === 0) return;
    lists[r] = above.map((n) => ({ name: n.name, lead: n.lead }));
    warn(ctx, 'table-cell-inherited', group[0]!.start, row.no, layout.names[r] ?? '');
  });
}

function requiredColumns(layout: TableLayout): boolean[] {
  const hasLead = layout.roles.includes('lead');
  const firstUnits = layout.roles.findIndex((r) => r === 'departments' || r === 'co');
  return layout.roles.map(
    (role, r) => role === 'leaders' || role === 'lead' || (!hasLead && r === firstUnits),
  );
}

function lastEnd(row: RawRow): number {
  const last = row.cells[row.cells.length - 1];
  return last === undefined ? row.start : last.end;
}

/** True when a section heading (一、…) starts a line between the two offsets. */
function sectionBetween(folded: string, from: number, to: number): boolean {
  let p = folded.indexOf('\n', from);
  while (p >= 0 && p < to) {
    let end = folded.indexOf('\n', p + 1);
    if (end < 0 || end > to) end = to;
    if (readMarker(folded, p + 1, end)?.kind === 'h1') return true;
    p = end < to ? end : -1;
  }
  return false;
}
