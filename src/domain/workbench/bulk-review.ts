import type { BulkReviewOutcome } from '../../shared/work.ts';
import type { Context } from '../context.ts';
import { isAppError } from '../errors.ts';
import { reviewOccurrence } from '../review-occurrence.ts';
import { reviewReport } from '../review-report.ts';
import type { ReviewDecision } from '../workflow-input.ts';

/** One decision applied to several reports and occurrences, each at the version the reviewer saw. */
export interface BulkReviewInput {
  decision: ReviewDecision;
  comment?: string;
  reports: Array<{ id: number; version: number }>;
  occurrences?: Array<{ id: number; version: number }>;
}

/**
 * Reviews each entry in its own transaction and reports per entry: one that fails (reviewed by
 * someone else meanwhile → CONFLICT, not the reviewer's → FORBIDDEN) does not undo the others.
 * Errors other than the domain's own still abort the whole call, as they mean the server is unwell.
 */
export async function bulkReview(ctx: Context, input: BulkReviewInput): Promise<BulkReviewOutcome[]> {
  const outcomes: BulkReviewOutcome[] = [];
  const { decision, comment } = input;
  for (const { id, version } of input.reports) {
    outcomes.push(
      await attempt('report', id, () => reviewReport(ctx, { reportId: id, decision, comment, version })),
    );
  }
  for (const { id, version } of input.occurrences ?? []) {
    outcomes.push(
      await attempt('occurrence', id, () =>
        reviewOccurrence(ctx, { occurrenceId: id, decision, comment, version }),
      ),
    );
  }
  return outcomes;
}

async function attempt(
  kind: BulkReviewOutcome['kind'],
  id: number,
  review: () => Promise<unknown>,
): Promise<BulkReviewOutcome> {
  try {
    await review();
    return { kind, id, ok: true };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { kind, id, ok: false, error: error.message, code: error.code };
  }
}
