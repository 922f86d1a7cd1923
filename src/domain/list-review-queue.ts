import {
  listEvidenceOfOwners,
  listOccurrencesToReview,
  listReportCompletions,
  listReportsToReview,
  type OwnedEvidence,
} from '../db/queries/review-queue.ts';
import type { EvidenceFile, ReviewQueueEntry } from '../shared/work.ts';
import type { Context } from './context.ts';

/**
 * The review queue (待审核): submitted reports and occurrences the actor may accept or return —
 * a supervisor or admin everything of their organization, a leader the items naming them — with
 * their evidence, oldest first; a report carries the completions filed with it (reviewed with it).
 * Five queries whatever the queue's length.
 */
export async function listReviewQueue(ctx: Context): Promise<ReviewQueueEntry[]> {
  const { db, actor } = ctx;
  const [reports, occurrences] = await Promise.all([
    listReportsToReview(db, actor),
    listOccurrencesToReview(db, actor),
  ]);
  const completions = await listReportCompletions(
    db,
    reports.map((r) => r.id),
  );
  const [reportFiles, occurrenceFiles] = await Promise.all([
    listEvidenceOfOwners(
      db,
      'report',
      reports.map((r) => r.id),
    ),
    listEvidenceOfOwners(db, 'occurrence', [
      ...occurrences.map((o) => o.id),
      ...completions.map((c) => c.id),
    ]),
  ]);
  const reportEvidence = byOwner(reportFiles);
  const occurrenceEvidence = byOwner(occurrenceFiles);
  const completionsOf = (reportId: number) =>
    completions
      .filter((c) => c.reportId === reportId)
      .map(({ reportId: _report, indicatorId: _indicator, ...c }) => ({
        ...c,
        evidence: occurrenceEvidence.get(c.id) ?? [],
      }));
  const entries: ReviewQueueEntry[] = [
    ...reports.map((r) => ({
      ...r,
      kind: 'report' as const,
      evidence: reportEvidence.get(r.id) ?? [],
      completions: completionsOf(r.id),
    })),
    ...occurrences.map((o) => ({
      ...o,
      kind: 'occurrence' as const,
      evidence: occurrenceEvidence.get(o.id) ?? [],
    })),
  ];
  return entries.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id - b.id);
}

function byOwner(files: OwnedEvidence[]): Map<number, EvidenceFile[]> {
  const map = new Map<number, EvidenceFile[]>();
  for (const { ownerId, id, fileName, mediaType, size } of files) {
    const list = map.get(ownerId) ?? [];
    list.push({ id, fileName, mediaType, size });
    map.set(ownerId, list);
  }
  return map;
}
