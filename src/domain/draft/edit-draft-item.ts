import {
  bumpDraftVersion,
  deleteItemLeaders,
  deleteItemUnits,
  findPlanItem,
  listIndicatorDueDatesOfItem,
  listLeaderIdsOfItem,
  listUnitsOfItem,
  updateItemFields,
  updateItemIndicatorDue,
} from '../../db/queries/drafts.ts';
import { insertLeader, listLeaders } from '../../db/queries/leaders.ts';
import { insertItemLeaders, insertItemUnits } from '../../db/queries/plan-items.ts';
import { findUnit } from '../../db/queries/units.ts';
import { requireWritablePlan } from '../../policies/plans.ts';
import type { DraftItemEdit, DraftItemEdited } from '../../shared/import.ts';
import { requirePermission } from '../accounts/permissions.ts';
import type { Context, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { planMessages } from '../plan-messages.ts';
import { invalid, requireVersion } from '../workflow-input.ts';
import { assertUpdated, type WriteResult, write } from '../write.ts';
import { draftMessages as M } from './messages.ts';

type Audit = WriteResult<unknown>['audit'];

/**
 * The supervisor corrects one item of a draft before publishing: title, weight, leaders (names
 * the directory lacks are created as leaders, as an import does), departments with the lead, and
 * the parsed indicators' due dates. Checked against the plan version and audited before/after.
 */
export async function editDraftItem(
  ctx: Context,
  planId: number,
  itemId: number,
  input: DraftItemEdit,
): Promise<DraftItemEdited> {
  requirePermission(ctx.actor, 'plans.import');
  const version = requireVersion(input.version);
  const { title, weight, leaders, departments, indicatorDueDates } = input;
  if ([title, weight, leaders, departments, indicatorDueDates].every((v) => v === undefined))
    invalid(M.nothingToEdit);
  if (title !== undefined && title.trim() === '') invalid(M.titleEmpty, { field: 'title' });
  if (weight !== undefined && !(Number.isFinite(weight) && weight > 0))
    invalid(M.weightPositive, { field: 'weight' });
  const leaderNames = leaders?.map((name) => name.trim());
  if (leaderNames) checkLeaders(leaderNames);
  if (departments) checkDepartments(departments);
  const organizationId = ctx.actor.organizationId;
  return write(ctx, async (trx, at) => {
    const plan = await requireWritablePlan(trx, ctx.actor, planId, planMessages.planNotFound(planId));
    if (plan.status !== 'draft') throw new AppError('CONFLICT', M.notDraft, { status: plan.status });
    const item = await findPlanItem(trx, planId, itemId);
    if (!item) throw new AppError('NOT_FOUND', M.itemNotFound(itemId), { itemId });
    if (plan.version !== version) assertUpdated({ numUpdatedRows: 0n }, '该工作要点草稿');
    const audit: Audit = [];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (title !== undefined || weight !== undefined) {
      const next = { title: title?.trim() ?? item.title, weight: weight ?? Number(item.weight) };
      Object.assign(before, { title: item.title, weight: Number(item.weight) });
      Object.assign(after, next);
      await updateItemFields(trx, item.id, next);
    }
    const createdLeaders: string[] = [];
    if (leaderNames) {
      before.leaderIds = await listLeaderIdsOfItem(trx, item.id);
      const ids = await leaderIds(trx, organizationId, leaderNames, at, createdLeaders, audit);
      await deleteItemLeaders(trx, item.id);
      await insertItemLeaders(trx, item.id, ids);
      after.leaderIds = ids;
    }
    if (departments) {
      for (const { unitId } of departments) {
        const unit = await findUnit(trx, organizationId, unitId);
        if (unit?.active !== 1) invalid(M.unitMissing(unitId), { field: 'departments', unitId });
      }
      before.departments = await listUnitsOfItem(trx, item.id);
      await deleteItemUnits(trx, item.id);
      await insertItemUnits(trx, item.id, departments);
      after.departments = departments;
    }
    if (indicatorDueDates) {
      const current = await listIndicatorDueDatesOfItem(trx, item.id);
      const changed = [];
      for (const { id, dueOn } of indicatorDueDates) {
        const row = current.find((r) => r.id === id);
        if (!row) invalid(M.indicatorNotInItem(id), { field: 'indicatorDueDates', indicatorId: id });
        if (row.dueOn === dueOn) continue;
        await updateItemIndicatorDue(trx, item.id, id, dueOn);
        changed.push({ id, from: row.dueOn, to: dueOn });
      }
      after.indicatorDueDates = changed;
    }
    assertUpdated(await bumpDraftVersion(trx, planId, version, at), '该工作要点草稿');
    audit.push({
      action: 'plan.item.edit',
      entityType: 'item',
      entityId: item.id,
      before: { ...before, planVersion: version },
      after: { ...after, planVersion: version + 1 },
    });
    return { result: { planId, itemId: item.id, version: version + 1, createdLeaders }, audit };
  });
}

function checkLeaders(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') invalid(M.leaderEmpty, { field: 'leaders' });
    if (seen.has(name)) invalid(M.duplicateLeader(name), { field: 'leaders' });
    seen.add(name);
  }
}

function checkDepartments(units: ReadonlyArray<{ unitId: number; isLead: boolean }>): void {
  if (new Set(units.map((u) => u.unitId)).size !== units.length)
    invalid(M.duplicateUnit, { field: 'departments' });
  if (units.length > 0 && units.filter((u) => u.isLead).length !== 1)
    invalid(M.oneLead, { field: 'departments' });
}

// Leaders are named, not picked: a name the directory lacks becomes a leader, as on import.
async function leaderIds(
  trx: Tx,
  organizationId: number,
  names: readonly string[],
  at: string,
  created: string[],
  audit: Audit,
): Promise<number[]> {
  const ids = new Map((await listLeaders(trx, organizationId)).map((l) => [l.name, l.id]));
  const result: number[] = [];
  for (const name of names) {
    let id = ids.get(name);
    if (id === undefined) {
      id = await insertLeader(trx, { organizationId, name, createdAt: at });
      ids.set(name, id);
      created.push(name);
      audit.push({ action: 'leader.create', entityType: 'leader', entityId: id, after: { name } });
    }
    result.push(id);
  }
  return result;
}
