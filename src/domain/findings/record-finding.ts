import {
  findActiveUnit,
  findItemForFinding,
  findPlanForFinding,
  insertFinding,
  insertFindingEvent,
} from '../../db/queries/findings.ts';
import { requireFindingRecorder, requireLinkable } from '../../policies/findings.ts';
import { actingUnit } from '../../policies/roles.ts';
import type { FindingSeverity, NewFinding } from '../../shared/findings.ts';
import { type Context, shanghaiToday, type Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { isPlanDate } from '../workflow-input.ts';
import { write } from '../write.ts';
import { findingMessages as M } from './messages.ts';

/** What one stored finding needs beyond the actor and the clock. */
export interface FindingRecord {
  source: string;
  title: string;
  detail: string;
  unitId: number;
  severity: FindingSeverity;
  dueOn: string;
  planId: number | null;
  itemId: number | null;
  inspectionId: number | null;
}

/** Throws INVALID_INPUT on the dueOn field unless it is a real day, today or later. */
export function checkDueOn(ctx: Context, dueOn: string): void {
  if (!isPlanDate(dueOn)) throw new AppError('INVALID_INPUT', M.dateInvalid('整改期限'), { field: 'dueOn' });
  if (dueOn < shanghaiToday(ctx)) throw new AppError('INVALID_INPUT', M.dueBeforeToday, { field: 'dueOn' });
}

/**
 * Resolves an optional item (and its plan) the actor may link a finding to (src/policies/findings.ts):
 * NOT_FOUND when missing or another organization's, FORBIDDEN when the actor's unit owns no task of it.
 */
export async function resolveItem(
  trx: Tx,
  ctx: Context,
  input: { planId?: number; itemId?: number },
): Promise<{ planId: number | null; itemId: number | null }> {
  const unitId = actingUnit(ctx.actor);
  if (input.itemId !== undefined) {
    const item = requireLinkable(ctx.actor, await findItemForFinding(trx, input.itemId, unitId), 'itemId');
    if (input.planId !== undefined && item.planId !== input.planId) {
      throw new AppError('INVALID_INPUT', M.itemNotFound, { field: 'itemId' });
    }
    return { planId: item.planId, itemId: item.itemId };
  }
  if (input.planId !== undefined) {
    const plan = requireLinkable(ctx.actor, await findPlanForFinding(trx, input.planId, unitId), 'planId');
    return { planId: plan.planId, itemId: null };
  }
  return { planId: null, itemId: null };
}

/** Stores a finding and its first history step inside the caller's transaction; returns its id. */
export async function storeFinding(
  trx: Tx,
  ctx: Context,
  at: string,
  record: FindingRecord,
): Promise<number> {
  const id = await insertFinding(trx, {
    organization_id: ctx.actor.organizationId,
    plan_id: record.planId,
    item_id: record.itemId,
    task_id: null,
    unit_id: record.unitId,
    source: record.source,
    title: record.title,
    detail: record.detail,
    severity: record.severity,
    due_on: record.dueOn,
    status: 'open',
    inspection_id: record.inspectionId,
    created_by: ctx.actor.userId,
    created_at: at,
  });
  await insertFindingEvent(trx, {
    finding_id: id,
    kind: 'record',
    note: record.source,
    unit_id: record.unitId,
    due_on: record.dueOn,
    by_user_id: ctx.actor.userId,
    by_label: ctx.actor.label,
    at,
  });
  return id;
}

/**
 * Records a finding (登记问题): a supervisor for any unit of the organization, a department or school
 * for itself (from its own inspection) and only on its own items. Opens it with a deadline for the
 * unit to rectify.
 */
export async function recordFinding(
  ctx: Context,
  input: NewFinding,
): Promise<{ id: number; version: number }> {
  requireFindingRecorder(ctx.actor, input.unitId);
  checkDueOn(ctx, input.dueOn);
  return write(ctx, async (trx, at) => {
    const unit = await findActiveUnit(trx, ctx.actor.organizationId, input.unitId);
    if (!unit) throw new AppError('INVALID_INPUT', M.unitNotFound, { field: 'unitId' });
    const link = await resolveItem(trx, ctx, input);
    const record: FindingRecord = {
      source: input.source,
      title: input.title,
      detail: input.detail,
      unitId: unit.id,
      severity: input.severity,
      dueOn: input.dueOn,
      ...link,
      inspectionId: null,
    };
    const id = await storeFinding(trx, ctx, at, record);
    return {
      result: { id, version: 1 },
      audit: [
        {
          action: 'finding.record',
          entityType: 'finding',
          entityId: id,
          after: { ...record, status: 'open' },
        },
      ],
    };
  });
}
