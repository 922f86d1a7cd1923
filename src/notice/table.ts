import { type ParseContext, warn } from './context.ts';
import { findIndicators } from './indicators.ts';
import type { LabelRole } from './labels.ts';
import { headerRole } from './labels.ts';
import { compact } from './line-kinds.ts';
import { readMarker } from './markers.ts';
import { type ListedName, splitNames } from './names.ts';
import { warnUnsureNames } from './names-settle.ts';
import { type Responsibility, resolveResponsibility } from './responsibility.ts';
import type { Segment } from './segments.ts';
import { cellWithParts } from './table-cells.ts';
import { fillMergedCells } from './table-merged.ts';
import type { ParsedItem } from './types.ts';
import { cleanView, makeView } from './view.ts';

/** What a table column holds: a responsibility list, the task, a time limit, or other words. */
export type ColumnRole = LabelRole | 'task' | 'time' | 'other';

/** A task table flattened one cell per line: where its header sits and what each column holds. */
export interface TableLayout {
  /** Index (in the content segments) of the 序号 cell. */
  headerStart: number;
  /** Index just after the last header cell. */
  headerEnd: number;
  /** Roles of the columns after 序号. */
  roles: ColumnRole[];
  /** The header's words for those columns, as written (分管领导, 完成时限). */
  names: string[];
}

/** Finds a 序号 | 任务 | 单位… header laid out one cell per line; null when the notice has none. */
export function detectTable(folded: string, segs: readonly Segment[], text = folded): TableLayout | null {
  for (let h = 0; h < segs.length; h++) {
    const seg = segs[h]!;
    if (seg.end - seg.start > 8 || headerRole(compact(folded.slice(seg.start, seg.end))) !== 'number')
      continue;
    const roles: ColumnRole[] = [];
    const names: string[] = [];
    let j = h + 1;
    while (j < segs.length && j - h <= 10) {
      const cell = segs[j]!;
      if (cell.end - cell.start > 16 || readMarker(folded, cell.start, cell.end) !== null) break;
      const role = columnRole(compact(folded.slice(cell.start, cell.end)));
      if (role === null) break;
      roles.push(role);
      names.push(compact(text.slice(cell.start, cell.end)));
      j++;
    }
    const hasUnits = roles.some((r) => r === 'lead' || r === 'departments');
    if (roles.includes('task') && hasUnits) return { headerStart: h, headerEnd: j, roles, names };
  }
  return null;
}

// Columns beside the responsibility and the task: a time limit (kept in the body) or a remark.
const TIME_WORDS = /(时限|时间|节点|期限|进度安排)/;
const OTHER_WORDS = /^(备注|说明|完成标准|工作标准|预期成效|工作举措)$/;

function columnRole(cell: string): ColumnRole | null {
  if (TIME_WORDS.test(cell) && cell.length <= 8) return 'time';
  const role = headerRole(cell);
  if (role === 'number') return null;
  if (role === 'other') return OTHER_WORDS.test(cell) ? 'other' : null;
  return role;
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
  const complete = cells.length >= roles.length;
  if (!complete) warn(ctx, 'table-cells-missing', row.start, row.no);
  const groups = groupCells(roles, cells);
  const lists: ListedName[][] = roles.map(() => []);
  const bodyParts: string[] = [];
  const times: string[] = [];
  roles.forEach((role, r) => {
    const group = groups[r]!;
    if (group.length === 0) return;
    const view = makeView(ctx.text, ctx.folded, group.flatMap(cellWithParts));
    if (role === 'task' || role === 'other' || role === 'time') {
      const text = cleanView(view, 0, view.str.length, true).text;
      if (text.length > 0 && role === 'time') times.push(`${layout.names[r]}：${text}`);
      else if (text.length > 0) bodyParts.push(text);
      return;
    }
    lists[r] = splitNames(view, 0, view.str.length, role === 'leaders', true);
  });
  fillMergedCells(ctx, layout, row, complete ? groups : null, lists);
  const people: Responsibility = { leaders: [], lead: [], departments: [], co: [] };
  roles.forEach((role, r) => {
    if (role === 'task' || role === 'other' || role === 'time') return;
    const target =
      role === 'leaders'
        ? people.leaders
        : role === 'lead'
          ? people.lead
          : role === 'co'
            ? people.co
            : people.departments;
    for (const n of lists[r]!) (n.lead && role !== 'leaders' ? people.lead : target).push(n);
  });
  warnUnsureNames(ctx, row.no, people.leaders);
  const resolved = resolveResponsibility(people);
  if (resolved.departments.length === 0 && resolved.leaders.length === 0) {
    warn(ctx, 'item-without-responsibility', row.start, row.no);
  }
  // A time limit column is kept in the body, after the task, so its date is read as a promise.
  const body = [...bodyParts, ...times].join('\n');
  const task = bodyParts.join('\n');
  const stop = task.search(/[。\n]/);
  // A wrapped cell's lines may sit after the row's last cell in the text (see tableCellSegments).
  let end = row.start;
  for (const cell of cells.flatMap(cellWithParts)) end = Math.max(end, cell.end);
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
    title: stop < 0 ? task : task.slice(0, stop),
    body,
    ...resolved,
    indicators,
    source: { start: row.start, end },
  };
}

/** The cells of each column; lines beyond the header's count go to the task cell (it wraps). */
function groupCells(roles: readonly ColumnRole[], cells: readonly Segment[]): Segment[][] {
  const extra = Math.max(0, cells.length - roles.length);
  const taskIndex = Math.max(0, roles.indexOf('task'));
  const groups: Segment[][] = roles.map(() => []);
  let c = 0;
  for (let r = 0; r < roles.length && c < cells.length; r++) {
    const take = r === taskIndex ? 1 + extra : 1;
    groups[r] = cells.slice(c, c + take);
    c += take;
  }
  return groups;
}
