import { readBlob } from '../db/queries/blobs.ts';
import { findVisibleFindingEvidence } from '../db/queries/findings.ts';
import { findVisibleEvidence, type VisibleEvidence } from '../db/queries/task-list.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { workflowMessages as M } from './workflow-messages.ts';

/** An evidence file as downloaded: its row and its bytes. */
export interface EvidenceFile extends Omit<VisibleEvidence, 'taskId'> {
  /** The task of its owner; absent for a finding's rectification evidence. */
  taskId?: number;
  bytes: Uint8Array;
}

/**
 * One evidence file with its bytes, only if the actor may see the task its report, occurrence,
 * completion request or extension belongs to; anything else is NOT_FOUND, so a file of another
 * unit cannot even be told to exist. A finding's evidence follows the finding's visibility (its
 * unit, the school that escalated it, supervisors, leaders of its item).
 */
export async function getEvidenceFile(ctx: Context, input: { evidenceId: number }): Promise<EvidenceFile> {
  const evidence =
    (await findVisibleEvidence(ctx.db, ctx.actor, input.evidenceId)) ??
    (await findVisibleFindingEvidence(ctx.db, ctx.actor, input.evidenceId));
  const bytes = evidence && (await readBlob(ctx.db, evidence.sha256));
  if (!evidence || !bytes) {
    throw new AppError('NOT_FOUND', M.evidenceNotFound, { evidenceId: input.evidenceId });
  }
  return { ...evidence, bytes };
}
