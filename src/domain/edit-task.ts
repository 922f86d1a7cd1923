import { moveIndicatorDueDates } from '../db/queries/indicators.ts';
import {
  listTaskUnits,
  moveChildTaskDueDates,
  replaceTaskUnits,
  type TaskPatch,
  updateTaskIfVersion,
} from '../db/queries/tasks.ts';
import { findUnit } from '../db/queries/units.ts';
import { isSupervisorOf, requireOpenTask, requireVisibleTask } from '../policies/tasks.ts';
import type { Context, Tx } from './context.ts';
import { AppError } from './errors.ts';
import { invalid, requirePlanDate, requireVersion } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, write } from './write.ts';

/** A supervisor's change to a dispatched task; omitted fields stay as they are. */
export interface EditTaskInput {
  taskId: number;
  /** The version the editor saw; a stale one gives CONFLICT and changes nothing. */
  version: number;
  dueOn?: string;
  leadUnitId?: number;
  coUnitIds?: number[];
}

/** The task's owners and due date after the edit. */
export interface EditedTask {
  taskId: number;
  version: number;
  dueOn: string;
  leadUnitId: number | null;
  coUnitIds: number[];
  movedIndicatorIds: number[];
}

/** The supervisor edits a task's due date, lead and co-owners, version-checked and audited before/after. */
export async function editTask(ctx: Context, input: EditTaskInput): Promise<EditedTask> {
  const version = requireVersion(input.version);
  if (input.dueOn === undefined && input.leadUnitId === undefined && input.coUnitIds === undefined) {
    invalid(M.nothingToEdit);
  }
  if (input.dueOn !== undefined) requirePlanDate(input.dueOn, '完成时限');
  if (input.coUnitIds && new Set(input.coUnitIds).size !== input.coUnitIds.length) invalid(M.duplicateCo);
  return write(ctx, async (trx, at) => {
    const task = await requireVisibleTask(trx, ctx.actor, input.taskId);
    if (!isSupervisorOf(ctx.actor, task.organizationId)) throw new AppError('FORBIDDEN', M.notEditor);
    requireOpenTask(task);
    if (task.version !== version) assertUpdated({ numUpdatedRows: 0n }, '任务');
    const units = await listTaskUnits(trx, task.id);
    const before = {
      dueOn: task.dueOn,
      leadUnitId: task.leadUnitId,
      coUnitIds: units.filter((u) => u.role === 'co').map((u) => u.unitId),
      version: task.version,
    };
    const dueOn = input.dueOn ?? task.dueOn;
    if (dueOn < task.startOn) invalid(M.dueBeforeStart(task.startOn));
    const leadUnitId = input.leadUnitId ?? task.leadUnitId;
    const coUnitIds = (input.coUnitIds ?? before.coUnitIds).filter((id) => id !== leadUnitId);
    if (input.coUnitIds && leadUnitId !== null && input.coUnitIds.includes(leadUnitId)) invalid(M.leadAlsoCo);
    await requireActiveUnits(trx, task.organizationId, [
      ...(input.leadUnitId === undefined ? [] : [input.leadUnitId]),
      ...(input.coUnitIds ?? []),
    ]);
    const patch: TaskPatch = { due_on: dueOn, lead_unit_id: leadUnitId };
    assertUpdated(await updateTaskIfVersion(trx, task.id, task.version, patch, at), '任务');
    const ownersChanged = input.leadUnitId !== undefined || input.coUnitIds !== undefined;
    if (ownersChanged) await replaceTaskUnits(trx, task.id, leadUnitId, coUnitIds);
    let movedIndicatorIds: number[] = [];
    let movedChildTaskIds: number[] = [];
    if (dueOn !== task.dueOn) {
      movedChildTaskIds = await moveChildTaskDueDates(trx, task.id, task.dueOn, dueOn, at);
      movedIndicatorIds = await moveIndicatorDueDates(
        trx,
        [task.id, ...movedChildTaskIds],
        task.dueOn,
        dueOn,
      );
    }
    const after = {
      dueOn,
      leadUnitId,
      coUnitIds,
      version: task.version + 1,
      movedIndicatorIds,
      movedChildTaskIds,
    };
    return {
      result: { taskId: task.id, version: after.version, dueOn, leadUnitId, coUnitIds, movedIndicatorIds },
      audit: [{ action: 'task.edit', entityType: 'task', entityId: task.id, before, after }],
    };
  });
}

async function requireActiveUnits(
  trx: Tx,
  organizationId: number,
  unitIds: readonly number[],
): Promise<void> {
  for (const id of unitIds) {
    const unit = await findUnit(trx, organizationId, id);
    if (unit?.active !== 1) invalid(M.unitNotFound(id), { unitId: id });
  }
}
