import { requireFindingSupervisor } from '../../policies/findings.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { changeFinding } from './change-finding.ts';
import { findingMessages as M } from './messages.ts';

/** The supervisor's verification (验收) of a rectified finding. */
export interface VerifyFindingInput {
  findingId: number;
  decision: 'close' | 'return';
  comment: string;
  version?: number;
}

/** Closes a rectified finding (销号) or returns it to its unit (rectified → open) with a reason. */
export async function verifyFinding(ctx: Context, input: VerifyFindingInput) {
  return changeFinding(ctx, input, (finding) => {
    requireFindingSupervisor(ctx.actor);
    if (finding.status !== 'rectified') throw new AppError('CONFLICT', M.verifyStatus);
    if (input.decision === 'return' && input.comment.trim() === '') {
      throw new AppError('INVALID_INPUT', M.returnReason, { field: 'comment' });
    }
    return input.decision === 'close'
      ? {
          action: 'finding.close',
          status: 'closed',
          event: { kind: 'verify_close', note: input.comment.trim(), unitId: finding.unitId },
        }
      : {
          action: 'finding.return',
          status: 'open',
          event: { kind: 'return', note: input.comment.trim(), unitId: finding.unitId },
        };
  });
}
