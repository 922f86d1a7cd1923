import { moveIndicatorDueDates } from '../../db/queries/indicators.ts';
import { updateDecomposedTask } from '../../db/queries/ledger.ts';
import { insertTask, insertTaskUnits } from '../../db/queries/plan-tasks.ts';
import { moveChildTaskDueDates, replaceTaskUnits } from '../../db/queries/tasks.ts';
import type { DecompositionResult } from '../../shared/ledgers.ts';
import type { Context, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { assertUpdated, type WriteResult, write } from '../write.ts';
import { ledgerMessages as M } from './messages.ts';
import type { DecompositionOperation } from './plan-decomposition.ts';
import { compareDecomposition, type DecompositionFile } from './preview-decomposition.ts';

/** Confirming an import: the same file, the preview's digest, and whether unreadable rows are knowingly skipped. */
export interface ImportDecompositionInput {
  planId: number;
  file: DecompositionFile;
  digest: string;
  skipUnreadable: boolean;
}

/**
 * Applies a previewed decomposition in one transaction: creates the new tasks and changes the
 * changed ones (text, lead, co-owners, due date — a moved due date moves the school copies and
 * indicators that shared it, as editing a task does), each with its audit entry, plus one entry for
 * the import. The comparison is redone inside the transaction; a different digest means the file or
 * the plan changed since the preview, and nothing is written.
 */
export async function importDecomposition(
  ctx: Context,
  input: ImportDecompositionInput,
): Promise<DecompositionResult> {
  return write(ctx, async (trx, at) => {
    const { preview, plan } = await compareDecomposition(ctx, trx, input);
    if (preview.digest !== input.digest) throw new AppError('CONFLICT', M.previewStale);
    const skippedRows = preview.unreadable.map((u) => u.row);
    if (skippedRows.length > 0 && !input.skipUnreadable) {
      throw new AppError('INVALID_INPUT', M.mustSkipUnreadable(skippedRows), { field: 'skipUnreadable' });
    }
    if (plan.operations.length === 0) throw new AppError('INVALID_INPUT', M.nothingToImport);
    const audit: WriteResult<DecompositionResult>['audit'] = [];
    const created: number[] = [];
    const changed: number[] = [];
    for (const op of plan.operations) {
      if (op.kind === 'create') {
        const taskId = await createTask(trx, preview.planId, op, at);
        created.push(taskId);
        audit.push({
          action: 'task.create',
          entityType: 'task',
          entityId: taskId,
          after: fieldsOf(op, op.row),
        });
      } else {
        audit.push(await changeTask(trx, op, at));
        changed.push(op.task!.id);
      }
    }
    const result: DecompositionResult = { planId: preview.planId, created, changed, skippedRows };
    audit.push({
      action: 'plan.import-decomposition',
      entityType: 'plan',
      entityId: preview.planId,
      after: { fileName: input.file.fileName, digest: preview.digest, counts: preview.counts, ...result },
    });
    return { result, audit };
  });
}

function fieldsOf(op: DecompositionOperation, row: number) {
  return { row, title: op.title, leadUnitId: op.leadUnitId, coUnitIds: op.coUnitIds, dueOn: op.dueOn };
}

async function createTask(trx: Tx, planId: number, op: DecompositionOperation, at: string): Promise<number> {
  const taskId = await insertTask(trx, {
    plan_id: planId,
    item_id: op.itemId,
    title: op.title,
    lead_unit_id: op.leadUnitId,
    start_on: op.startOn,
    due_on: op.dueOn,
    status: 'pending',
    created_at: at,
    updated_at: at,
  });
  await insertTaskUnits(trx, taskId, op.leadUnitId, op.coUnitIds);
  return taskId;
}

async function changeTask(trx: Tx, op: DecompositionOperation, at: string) {
  const task = op.task!;
  assertUpdated(
    await updateDecomposedTask(
      trx,
      task.id,
      task.version,
      { title: op.title, lead_unit_id: op.leadUnitId, due_on: op.dueOn },
      at,
    ),
    '任务',
  );
  const ownersChanged =
    op.leadUnitId !== task.leadUnitId ||
    JSON.stringify([...op.coUnitIds].sort()) !== JSON.stringify([...task.coUnitIds].sort());
  if (ownersChanged) await replaceTaskUnits(trx, task.id, op.leadUnitId, op.coUnitIds);
  let movedChildTaskIds: number[] = [];
  let movedIndicatorIds: number[] = [];
  if (op.dueOn !== task.dueOn) {
    movedChildTaskIds = await moveChildTaskDueDates(trx, task.id, task.dueOn, op.dueOn, at);
    movedIndicatorIds = await moveIndicatorDueDates(
      trx,
      [task.id, ...movedChildTaskIds],
      task.dueOn,
      op.dueOn,
    );
  }
  return {
    action: 'task.edit',
    entityType: 'task',
    entityId: task.id,
    before: {
      title: task.title,
      dueOn: task.dueOn,
      leadUnitId: task.leadUnitId,
      coUnitIds: task.coUnitIds,
      version: task.version,
    },
    after: { ...fieldsOf(op, op.row), version: task.version + 1, movedChildTaskIds, movedIndicatorIds },
  };
}
