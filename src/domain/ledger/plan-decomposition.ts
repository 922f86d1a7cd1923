import type { DecompositionTaskRow } from '../../db/queries/ledger.ts';
import type { AbsentTask, ChangedTaskChange, NewTaskChange, UnreadableRow } from '../../shared/ledgers.ts';
import { resolveName, type UnitDirectory } from '../directory/resolve-names.ts';
import { IMPORT_HEADERS, type ImportField } from './columns.ts';
import { ledgerMessages as M } from './messages.ts';
import { parseDueDate } from './parse-due-date.ts';
import type { DecompositionCells, DecompositionSheet } from './read-decomposition.ts';

/** Longest task text accepted, in characters. */
export const MAX_TASK_TITLE = 2_000;

/** What a decomposition is compared with: the plan, its items and tasks, and the directory. */
export interface DecompositionBasis {
  plan: { id: number; year: number };
  /** The day a new task starts (the import day, kept inside the plan year). */
  startOn: string;
  items: ReadonlyArray<{ id: number; no: number; title: string }>;
  tasks: readonly DecompositionTaskRow[];
  directory: UnitDirectory & { active: ReadonlySet<number> };
}

/** A task to create or change, with unit ids, as confirming will write it. */
export interface DecompositionOperation {
  row: number;
  kind: 'create' | 'change';
  task?: DecompositionTaskRow;
  itemId: number;
  title: string;
  leadUnitId: number | null;
  coUnitIds: number[];
  startOn: string;
  dueOn: string;
}

/** The comparison of a file with the plan: what the preview shows and what confirming applies. */
export interface DecompositionPlan {
  newTasks: NewTaskChange[];
  changedTasks: ChangedTaskChange[];
  unchanged: number;
  unreadable: UnreadableRow[];
  absent: AbsentTask[];
  operations: DecompositionOperation[];
}

class RowError extends Error {
  constructor(
    readonly field: ImportField | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Compares the rows of a decomposition sheet with a plan's tasks. A row with a 任务编号 names that
 * task; one without names the top-level task of its item with the same text, else it is a new task.
 * Tasks no row names are listed as absent and left unchanged: an import never deletes. Every row
 * that cannot be read is listed with its column and reason; the others still count.
 */
export function planDecomposition(sheet: DecompositionSheet, basis: DecompositionBasis): DecompositionPlan {
  const result: DecompositionPlan = {
    newTasks: [],
    changedTasks: [],
    unchanged: 0,
    unreadable: [],
    absent: [],
    operations: [],
  };
  const claimed = new Map<number, number>();
  const newKeys = new Map<string, number>();
  const unitName = new Map(basis.directory.units.map((u) => [u.id, u.name]));
  const fields = (t: {
    title: string;
    leadUnitId: number | null;
    coUnitIds: readonly number[];
    dueOn: string;
  }) => ({
    title: t.title.trim(),
    lead: t.leadUnitId === null ? null : (unitName.get(t.leadUnitId) ?? null),
    coOwners: t.coUnitIds.map((id) => unitName.get(id) ?? String(id)),
    dueOn: t.dueOn,
  });
  for (const cells of sheet.rows) {
    try {
      const row = readRow(cells, sheet, basis);
      const task = row.taskId === null ? findByText(row, basis, claimed) : findById(row, basis);
      if (task) {
        const first = claimed.get(task.id);
        if (first !== undefined) throw new RowError('taskId', M.duplicateTask(first));
        claimed.set(task.id, cells.row);
        const op = changeOf(row, task, sheet, basis);
        const before = fields(task);
        const after = fields(op);
        const changed = (['title', 'lead', 'coOwners', 'dueOn'] as const).filter(
          (k) =>
            JSON.stringify(k === 'coOwners' ? [...before[k]].sort() : before[k]) !==
            JSON.stringify(k === 'coOwners' ? [...after[k]].sort() : after[k]),
        );
        if (changed.length === 0) {
          result.unchanged++;
          continue;
        }
        if (task.status === 'done') throw new RowError(null, M.taskDone);
        if (op.dueOn < task.startOn) throw new RowError('dueOn', M.dueBeforeStart(op.dueOn, task.startOn));
        result.changedTasks.push({
          row: cells.row,
          taskId: task.id,
          itemNo: task.itemNo,
          changed,
          before,
          after,
        });
        result.operations.push({ row: cells.row, kind: 'change', task, startOn: task.startOn, ...op });
        continue;
      }
      if (row.leadUnitId === null) throw new RowError('lead', M.leadMissing);
      const key = `${row.item.id}\u0000${row.title}`;
      const first = newKeys.get(key);
      if (first !== undefined) throw new RowError('title', M.duplicateTask(first));
      newKeys.set(key, cells.row);
      const dueOn = row.dueOn ?? `${basis.plan.year}-12-31`;
      if (dueOn < basis.startOn) throw new RowError('dueOn', M.dueBeforeStart(dueOn, basis.startOn));
      const op = { title: row.title, leadUnitId: row.leadUnitId, coUnitIds: row.coUnitIds ?? [], dueOn };
      result.newTasks.push({
        row: cells.row,
        itemNo: row.item.no,
        itemTitle: row.item.title,
        after: fields(op),
      });
      result.operations.push({
        row: cells.row,
        kind: 'create',
        itemId: row.item.id,
        startOn: basis.startOn,
        ...op,
      });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      const column =
        error.field === null ? null : (sheet.headers[error.field] ?? IMPORT_HEADERS[error.field][0]!);
      result.unreadable.push({ row: cells.row, column, message: error.message });
    }
  }
  result.absent = basis.tasks
    .filter((t) => t.parentTaskId === null && !claimed.has(t.id))
    .map((t) => ({ taskId: t.id, itemNo: t.itemNo, title: t.title }));
  return result;
}

interface ReadRow {
  taskId: number | null;
  item: { id: number; no: number; title: string };
  title: string;
  leadUnitId: number | null;
  /** Undefined when the sheet has no 配合单位 column (owners then stay as they are). */
  coUnitIds: number[] | undefined;
  dueOn: string | undefined;
}

function readRow(cells: DecompositionCells, sheet: DecompositionSheet, basis: DecompositionBasis): ReadRow {
  const c = cells.cells;
  let taskId: number | null = null;
  if (c.taskId !== undefined) {
    if (!/^\d+$/.test(c.taskId)) throw new RowError('taskId', M.taskIdInvalid(c.taskId));
    taskId = Number(c.taskId);
  }
  if (c.itemNo === undefined) throw new RowError('itemNo', M.itemNoMissing);
  const digits = /\d+/.exec(c.itemNo.normalize('NFKC'));
  if (!digits) throw new RowError('itemNo', M.itemNoInvalid(c.itemNo));
  const item = basis.items.find((i) => i.no === Number(digits[0]));
  if (!item) throw new RowError('itemNo', M.itemNotFound(Number(digits[0])));
  const title = (c.title ?? '').trim();
  if (title === '') throw new RowError('title', M.titleMissing);
  if ([...title].length > MAX_TASK_TITLE) throw new RowError('title', M.titleTooLong(MAX_TASK_TITLE));
  const leads = resolveUnits(c.lead, 'lead', basis);
  const coNames =
    sheet.headers.coOwners === undefined ? undefined : resolveUnits(c.coOwners, 'coOwners', basis);
  const leadUnitId = leads[0] ?? null;
  // "办公室、人事股" in the lead column: the first leads and the rest co-own, as publishing does.
  const extra = leads.slice(1);
  for (const id of coNames ?? []) {
    if (id === leadUnitId) throw new RowError('coOwners', M.leadAlsoCo(nameOf(id, basis)));
  }
  const coUnitIds =
    coNames === undefined && extra.length === 0 ? undefined : [...new Set([...extra, ...(coNames ?? [])])];
  let dueOn: string | undefined;
  if (c.dueOn !== undefined) {
    const parsed = parseDueDate(c.dueOn, basis.plan.year);
    if (parsed === null) throw new RowError('dueOn', M.dateInvalid(c.dueOn));
    if (!parsed.startsWith(`${basis.plan.year}-`))
      throw new RowError('dueOn', M.dateOutsideYear(parsed, basis.plan.year));
    dueOn = parsed;
  }
  return { taskId, item, title, leadUnitId, coUnitIds, dueOn };
}

function resolveUnits(
  text: string | undefined,
  field: 'lead' | 'coOwners',
  basis: DecompositionBasis,
): number[] {
  if (text === undefined) return [];
  const names = text
    .normalize('NFKC')
    .split(/[、,，;；/\n\s]+/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  const ids: number[] = [];
  for (const name of names) {
    const resolved = resolveName(name, basis.directory);
    if (resolved.unitId === null) throw new RowError(field, M.unitUnknown(name, resolved.suggestion?.name));
    if (!basis.directory.active.has(resolved.unitId)) throw new RowError(field, M.unitInactive(name));
    if (!ids.includes(resolved.unitId)) ids.push(resolved.unitId);
  }
  return ids;
}

function nameOf(id: number, basis: DecompositionBasis): string {
  return basis.directory.units.find((u) => u.id === id)?.name ?? String(id);
}

function findById(row: ReadRow, basis: DecompositionBasis): DecompositionTaskRow {
  const task = basis.tasks.find((t) => t.id === row.taskId);
  if (!task) throw new RowError('taskId', M.taskNotInPlan(row.taskId!));
  if (task.itemId !== row.item.id)
    throw new RowError('itemNo', M.taskMovedItem(task.id, task.itemNo, row.item.no));
  return task;
}

function findByText(
  row: ReadRow,
  basis: DecompositionBasis,
  claimed: ReadonlyMap<number, number>,
): DecompositionTaskRow | undefined {
  return basis.tasks.find(
    (t) =>
      t.parentTaskId === null &&
      t.itemId === row.item.id &&
      t.title.trim() === row.title &&
      !claimed.has(t.id),
  );
}

// The task after the row: what the row states, and for what it leaves out, what the task has.
function changeOf(
  row: ReadRow,
  task: DecompositionTaskRow,
  sheet: DecompositionSheet,
  basis: DecompositionBasis,
) {
  if (row.leadUnitId === null && task.leadUnitId !== null && sheet.headers.lead !== undefined) {
    throw new RowError('lead', M.leadCleared(nameOf(task.leadUnitId, basis)));
  }
  const leadUnitId = row.leadUnitId ?? task.leadUnitId;
  return {
    itemId: task.itemId,
    title: row.title,
    leadUnitId,
    coUnitIds: (row.coUnitIds ?? task.coUnitIds).filter((id) => id !== leadUnitId),
    dueOn: row.dueOn ?? task.dueOn,
  };
}
