import { attachEvidence, type EvidenceRef, type UploadedFile } from '../../db/queries/evidence.ts';
import { requireFindingOwner } from '../../policies/findings.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { checkFiles } from '../workflow-input.ts';
import { changeFinding } from './change-finding.ts';
import { findingMessages as M } from './messages.ts';

/** The owning unit's rectification report (整改回复) with evidence files. */
export interface RectifyFindingInput {
  findingId: number;
  note: string;
  files?: UploadedFile[];
  version?: number;
}

/** Reports a finding rectified (open → rectified) for the supervisor to verify. */
export async function rectifyFinding(ctx: Context, input: RectifyFindingInput) {
  const files = checkFiles(input.files);
  let evidence: EvidenceRef[] = [];
  const result = await changeFinding(ctx, input, async (finding, trx, at) => {
    requireFindingOwner(ctx.actor, finding);
    if (finding.status !== 'open') throw new AppError('CONFLICT', M.rectifyStatus);
    const owner = {
      organizationId: finding.organizationId,
      ownerType: 'finding' as const,
      ownerId: finding.id,
    };
    evidence = await attachEvidence(trx, owner, files, ctx.actor.userId, at);
    return {
      action: 'finding.rectify',
      status: 'rectified',
      event: { kind: 'rectify', note: input.note, unitId: finding.unitId },
    };
  });
  return { ...result, evidence };
}
