import {
  type FindingRow,
  findVisibleFinding,
  insertFindingEvent,
  updateFinding,
} from '../../db/queries/findings.ts';
import type { FindingEventTable, FindingTable } from '../../db/schema.ts';
import type { Context, Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { findingMessages as M } from './messages.ts';

/** One step a use case takes on a finding: the new status, what else changes, and its history line. */
export interface FindingStep {
  action: string;
  status: FindingTable['status'];
  event: { kind: FindingEventTable['kind']; note: string; unitId: number | null; dueOn?: string };
  unitId?: number;
  dueOn?: string;
  escalatedFromUnitId?: number;
}

/**
 * Loads a visible finding, lets the use case check it and decide its step (throwing when the actor
 * or the status forbids it), then applies the step at the version read, with a history line and an
 * audit entry, in one transaction. Anything invisible is NOT_FOUND; a stale version is CONFLICT.
 */
export async function changeFinding(
  ctx: Context,
  input: { findingId: number; version?: number },
  decide: (finding: FindingRow, trx: Tx, at: string) => Promise<FindingStep> | FindingStep,
): Promise<{ id: number; status: FindingTable['status']; version: number; eventId: number }> {
  return write(ctx, async (trx, at) => {
    const finding = await findVisibleFinding(trx, ctx.actor, input.findingId);
    if (!finding) throw new AppError('NOT_FOUND', M.notFound, { findingId: input.findingId });
    if (input.version !== undefined && input.version !== finding.version) {
      throw new AppError('CONFLICT', M.conflict, { version: finding.version });
    }
    const step = await decide(finding, trx, at);
    const updated = await updateFinding(trx, finding.id, finding.version, {
      status: step.status,
      unitId: step.unitId,
      dueOn: step.dueOn,
      escalatedFromUnitId: step.escalatedFromUnitId,
      updatedAt: at,
    });
    if (updated.numUpdatedRows === 0n) throw new AppError('CONFLICT', M.conflict);
    const eventId = await insertFindingEvent(trx, {
      finding_id: finding.id,
      kind: step.event.kind,
      note: step.event.note,
      unit_id: step.event.unitId,
      due_on: step.event.dueOn ?? null,
      by_user_id: ctx.actor.userId,
      by_label: ctx.actor.label,
      at,
    });
    const version = finding.version + 1;
    const before = {
      status: finding.status,
      unitId: finding.unitId,
      dueOn: finding.dueOn,
      version: finding.version,
    };
    const after = {
      status: step.status,
      unitId: step.unitId ?? finding.unitId,
      dueOn: step.dueOn ?? finding.dueOn,
      version,
      note: step.event.note,
    };
    return {
      result: { id: finding.id, status: step.status, version, eventId },
      audit: [{ action: step.action, entityType: 'finding', entityId: finding.id, before, after }],
    };
  });
}
