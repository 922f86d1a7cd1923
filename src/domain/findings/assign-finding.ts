import { findActiveUnit } from '../../db/queries/findings.ts';
import { requireFindingSupervisor } from '../../policies/findings.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { changeFinding } from './change-finding.ts';
import { findingMessages as M } from './messages.ts';
import { checkDueOn } from './record-finding.ts';

/** The supervisor's assignment of an escalated finding to a department (指派股室). */
export interface AssignFindingInput {
  findingId: number;
  unitId: number;
  dueOn?: string;
  note: string;
  version?: number;
}

/** Assigns an escalated finding to a department of the bureau: escalated → open for that department. */
export async function assignFinding(ctx: Context, input: AssignFindingInput) {
  if (input.dueOn !== undefined) checkDueOn(ctx, input.dueOn);
  return changeFinding(ctx, input, async (finding, trx) => {
    requireFindingSupervisor(ctx.actor);
    if (finding.status !== 'escalated') throw new AppError('CONFLICT', M.assignStatus);
    const unit = await findActiveUnit(trx, ctx.actor.organizationId, input.unitId);
    if (!unit) throw new AppError('INVALID_INPUT', M.unitNotFound, { field: 'unitId' });
    if (unit.kind !== 'department')
      throw new AppError('INVALID_INPUT', M.departmentRequired, { field: 'unitId' });
    return {
      action: 'finding.assign',
      status: 'open',
      unitId: unit.id,
      dueOn: input.dueOn,
      event: { kind: 'assign', note: input.note, unitId: unit.id, dueOn: input.dueOn ?? finding.dueOn },
    };
  });
}
