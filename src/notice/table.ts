import { type ParseContext, warn } from './context.ts';
import { findIndicators } from './indicators.ts';
import type { LabelRole } from './labels.ts';
import { headerRole } from './labels.ts';
import { compact } from './line-kinds.ts';
import { readMarker } from './markers.ts';
import { splitNames } from './names.ts';
import { type Responsibility, resolveResponsibility } from './responsibility.ts';
import type { Segment } from './segments.ts';
import type { ParsedItem } from './types.ts';
import { cleanView, makeView } from './view.ts';

/** A task table flattened one cell per line: where its header sits and what each column holds. */
export interface TableLayout {
  /** Index (in the content segments) of the 序号 cell. */
  headerStart: number;
  /** Index just after the last header cell. */
  headerEnd: number;
  /** Roles of the columns after 序号. */
  roles: Array<LabelRole | 'task' | 'other'>;
}

/** Finds a 序号 | 任务 | 单位… header laid out one cell per line; null when the notice has none. */
export function detectTable(folded: string, segs: readonly Segment[]): TableLayout | null {
  for (let h = 0; h < segs.length; h++) {
    const seg = segs[h]!;
    if (seg.end - seg.start > 8 || headerRole(compact(folded.slice(seg.start, seg.end))) !== 'number')
      continue;
    const roles: TableLayout['roles'] = [];
    let j = h + 1;
    while (j < segs.length && j - h <= 8) {
      const cell = segs[j]!;
      if (cell.end - cell.start > 16 || readMarker(folded, cell.start, cell.end) !== null) break;
      const role = headerRole(compact(folded.slice(cell.start, cell.end)));
      if (role === 'number' || role === 'other') break;
      roles.push(role);
      j++;
    }
    const hasUnits = roles.some((r) => r === 'lead' || r === 'departments');
    if (roles.includes('task') && hasUnits) return { headerStart: h, headerEnd: j, roles };
  }
  return null;
}

/** A table row: the 序号 cell's number and the cells after it. */
export interface RawRow {
  no: number;
  start: number;
  cells: Segment[];
}

/** Builds an item from a table row, giving extra lines to the task cell (it is the one that wraps). */
export function finishTableItem(
  ctx: ParseContext,
  layout: TableLayout,
  row: RawRow,
  year: number | null,
): ParsedItem {
  const roles = layout.roles;
  const cells = row.cells;
  if (cells.length < roles.length) warn(ctx, 'table-cells-missing', row.start, row.no);
  const extra = Math.max(0, cells.length - roles.length);
  const taskIndex = Math.max(0, roles.indexOf('task'));
  const groups: Segment[][] = roles.map(() => []);
  let c = 0;
  for (let r = 0; r < roles.length && c < cells.length; r++) {
    const take = r === taskIndex ? 1 + extra : 1;
    groups[r] = cells.slice(c, c + take);
    c += take;
  }
  const people: Responsibility = { leaders: [], lead: [], departments: [], co: [] };
  const bodyParts: string[] = [];
  roles.forEach((role, r) => {
    const group = groups[r]!;
    if (group.length === 0) return;
    const view = makeView(ctx.text, ctx.folded, group);
    if (role === 'task' || role === 'other') {
      const text = cleanView(view, 0, view.str.length, true).text;
      if (text.length > 0) bodyParts.push(text);
      return;
    }
    const names = splitNames(view, 0, view.str.length, role === 'leaders');
    const target =
      role === 'leaders'
        ? people.leaders
        : role === 'lead'
          ? people.lead
          : role === 'co'
            ? people.co
            : people.departments;
    for (const n of names) (n.lead && role !== 'leaders' ? people.lead : target).push(n);
  });
  const resolved = resolveResponsibility(people);
  if (resolved.departments.length === 0 && resolved.leaders.length === 0) {
    warn(ctx, 'item-without-responsibility', row.start, row.no);
  }
  const body = bodyParts.join('\n');
  const stop = body.search(/[。\n]/);
  const last = cells[cells.length - 1];
  let indicators: ParsedItem['indicators'] = [];
  try {
    indicators = findIndicators(body, year).filter(
      (i) => i.span[0] >= 0 && i.span[0] <= i.span[1] && i.span[1] <= body.length,
    );
  } catch {
    warn(ctx, 'indicator-failed', row.start, row.no);
  }
  return {
    no: row.no,
    title: stop < 0 ? body : body.slice(0, stop),
    body,
    ...resolved,
    indicators,
    source: { start: row.start, end: last === undefined ? row.start : last.end },
  };
}
