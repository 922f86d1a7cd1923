import { requireFindingEscalator } from '../../policies/findings.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { changeFinding } from './change-finding.ts';
import { findingMessages as M } from './messages.ts';

/**
 * A school escalates a finding it cannot fix to the bureau (学校无法整改的上报教体局，由局统筹安排):
 * open → escalated, remembering the school, until the supervisor assigns a department.
 */
export async function escalateFinding(
  ctx: Context,
  input: { findingId: number; reason: string; version?: number },
) {
  return changeFinding(ctx, input, (finding) => {
    requireFindingEscalator(ctx.actor, finding);
    if (finding.status !== 'open') throw new AppError('CONFLICT', M.escalateStatus);
    return {
      action: 'finding.escalate',
      status: 'escalated',
      escalatedFromUnitId: finding.unitId,
      event: { kind: 'escalate', note: input.reason, unitId: finding.unitId },
    };
  });
}
