import { z } from 'zod';

// Contracts of ledgers (台账): the .xlsx export of a plan and the import of a task decomposition
// (任务分解) from .xlsx. Shared by the HTTP routes and the web app.

/** Largest decomposition workbook accepted, in bytes (a 1,000-row sheet is well under 1 MB). */
export const MAX_DECOMPOSITION_BYTES = 5 * 1024 * 1024;

/** A task's owners and due date as a decomposition row states them. */
export interface DecompositionFields {
  title: string;
  lead: string | null;
  coOwners: string[];
  dueOn: string;
}

/** A row that creates a task under an item. */
export interface NewTaskChange {
  row: number;
  itemNo: number;
  itemTitle: string;
  after: DecompositionFields;
}

/** A row that changes an existing task; `changed` names the fields that differ. */
export interface ChangedTaskChange {
  row: number;
  taskId: number;
  itemNo: number;
  changed: Array<'title' | 'lead' | 'coOwners' | 'dueOn'>;
  before: DecompositionFields;
  after: DecompositionFields;
}

/** A row that cannot be read, with the column at fault and why (in Chinese). */
export interface UnreadableRow {
  row: number;
  column: string | null;
  message: string;
}

/** A task of the plan that no row of the file names: it is left as it is. */
export interface AbsentTask {
  taskId: number;
  itemNo: number;
  title: string;
}

/** What importing a decomposition file would change; nothing is written until confirmed. */
export interface DecompositionPreview {
  planId: number;
  sheet: string;
  /** Digest of the file and the plan's tasks: confirm sends it back; a changed plan invalidates it. */
  digest: string;
  counts: {
    rows: number;
    new: number;
    changed: number;
    unchanged: number;
    unreadable: number;
    absent: number;
  };
  newTasks: NewTaskChange[];
  changedTasks: ChangedTaskChange[];
  unreadable: UnreadableRow[];
  /** Tasks not in the file, left unchanged (an import never deletes). */
  absent: AbsentTask[];
}

/** The text fields of the confirm upload (the file travels again beside them). */
export const confirmDecompositionFields = z.object({
  digest: z.string({ error: '缺少预览编号，请先预览再确认导入' }).regex(/^[0-9a-f]{64}$/, {
    error: '预览编号无效，请重新预览',
  }),
  /** Must be "true" when the preview had unreadable rows: they are skipped, knowingly. */
  skipUnreadable: z
    .enum(['true', 'false'], { error: 'skipUnreadable 只能是 true 或 false' })
    .optional()
    .transform((value) => value === 'true'),
});

/** Parsed confirm fields. */
export type ConfirmDecompositionFields = z.output<typeof confirmDecompositionFields>;

/** What confirming wrote. */
export interface DecompositionResult {
  planId: number;
  created: number[];
  changed: number[];
  skippedRows: number[];
}
