import { writeEvaluationDocx } from '../../documents/evaluation-docx.ts';
import { writeEvaluationXlsx } from '../../documents/evaluation-xlsx.ts';
import { type Context, shanghaiDate, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { getEvaluation, seesAllScores } from './get-evaluation.ts';
import { evaluationMessages as M } from './messages.ts';

/** A file ready to download. */
export interface EvaluationFile {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Exports a plan's evaluation (locked or, before that, as computed today) as .xlsx or .docx. The
 * files rank every unit, so only those who read every score may export them.
 */
export async function exportEvaluation(
  ctx: Context,
  planId: number,
  format: 'xlsx' | 'docx',
): Promise<EvaluationFile> {
  if (!seesAllScores(ctx.actor)) throw new AppError('FORBIDDEN', M.exportNotAllowed);
  const evaluation = await getEvaluation(ctx, planId);
  const issuedOn = evaluation.locked ? shanghaiDate(new Date(evaluation.locked.at)) : shanghaiToday(ctx);
  const bytes =
    format === 'xlsx'
      ? await writeEvaluationXlsx(evaluation)
      : await writeEvaluationDocx(evaluation, issuedOn);
  return { fileName: M.fileName(evaluation.year, format), bytes };
}
