import type { BulkReviewOutcome, ReviewQueueEntry } from '@shared/work.ts';
import { useQuery } from '@tanstack/react-query';
import { api, apiGet } from '../../api/client.ts';

/** GET /api/reviews: what waits for the user's review. */
export function useReviewQueue() {
  return useQuery({
    queryKey: ['reviews'],
    queryFn: async () => (await apiGet<{ entries: ReviewQueueEntry[] }>('/api/reviews')).entries,
  });
}

/** The row key of an entry (reports and occurrences have separate ids). */
export const entryKey = (entry: Pick<ReviewQueueEntry, 'kind' | 'id'>) => `${entry.kind}-${entry.id}`;

/** Accepts or returns one entry at the version shown. */
export function reviewOne(entry: ReviewQueueEntry, decision: 'accept' | 'return', comment?: string) {
  const path =
    entry.kind === 'report' ? `/api/reports/${entry.id}/review` : `/api/occurrences/${entry.id}/review`;
  return api('POST', path, { decision, comment, version: entry.version });
}

/** Accepts or returns several entries; each is done on its own and answered on its own. */
export async function reviewMany(
  entries: ReviewQueueEntry[],
  decision: 'accept' | 'return',
  comment?: string,
): Promise<BulkReviewOutcome[]> {
  const target = (kind: ReviewQueueEntry['kind']) =>
    entries.filter((e) => e.kind === kind).map(({ id, version }) => ({ id, version }));
  const answer = await api<{ results: BulkReviewOutcome[] }>('POST', '/api/reviews/bulk', {
    decision,
    comment,
    reports: target('report'),
    occurrences: target('occurrence'),
  });
  return answer.results;
}
