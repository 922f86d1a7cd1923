import { reminderMessages } from '../domain/reminders/messages.ts';
import { attachSeedEvidence, type SeedEvidence } from './plan-year-evidence.ts';
import {
  auditRow,
  type Ids,
  type PlannedCompletion,
  type PlannedFiling,
  type PlannedReport,
  type PlanYearData,
  type RowBatch,
  reportState,
} from './plan-year-model.ts';

/**
 * Writes the planned reports as submitReport and reviewReport leave them: the report with its
 * filings, the completions filed in it (each with the report's id, reviewed with it: the report's
 * state and one review row per review of the report, filed again with each re-filing), their
 * evidence, the audit entries, and the unit's notification of each return. Reports first filed on
 * or after the day their task's completion was accepted are dropped with their completions.
 */
export function emitReports(
  data: PlanYearData,
  reports: readonly PlannedReport[],
  doneOn: ReadonlyMap<number, string>,
  batch: RowBatch,
  ids: Ids,
): void {
  for (const report of reports) {
    const done = doneOn.get(report.taskId);
    const first = report.filings[0];
    if (!first || (done !== undefined && first.on >= done)) continue;
    emitReport(data, report, batch, ids);
  }
}

interface EmittedCompletion {
  occurrenceId: number;
  indicatorId: number;
  occurredOn: string;
  resubmitted: boolean;
  evidence: SeedEvidence[];
}

function emitReport(data: PlanYearData, report: PlannedReport, batch: RowBatch, ids: Ids): void {
  const id = ids.reports.take();
  const key = { taskId: report.taskId, unitId: report.unitId, period: report.period };
  const first = report.filings[0] as PlannedFiling;
  const completions: EmittedCompletion[] = report.completions.map((c) => {
    const occurrenceId = ids.occurrences.take();
    const evidence =
      c.file === undefined
        ? []
        : [
            attachSeedEvidence(
              data.organizationId,
              batch,
              ids,
              occurrenceId,
              c.file,
              report.userId,
              first.at,
            ),
          ];
    return {
      occurrenceId,
      indicatorId: c.indicatorId,
      occurredOn: c.occurredOn,
      resubmitted: false,
      evidence,
    };
  });
  const filingOf = (f: PlannedFiling) => ({
    selfStatus: report.selfStatus,
    percent: f.percent,
    narrative: f.narrative,
    submittedBy: report.userId,
    submittedAt: f.at,
  });
  let state: 'submitted' | 'accepted' | 'returned' = 'submitted';
  let revision = 1;
  let version = 1;
  batch.add(
    'audit_log',
    auditRow(
      data,
      ids,
      report.userId,
      {
        action: 'report.submit',
        entityType: 'report',
        entityId: id,
        after: {
          ...key,
          ...filingOf(first),
          state,
          revision,
          version,
          evidence: [],
          // As the first filing had them (a re-filing may add files).
          completions: completions.map((c) => ({ ...c, evidence: [...c.evidence] })),
        },
      },
      first.at,
    ),
  );
  for (const [index, filing] of report.filings.entries()) {
    if (index > 0) {
      const existing = {
        id,
        ...key,
        ...filingOf(report.filings[index - 1] as PlannedFiling),
        state,
        revision,
        version,
      };
      state = 'submitted';
      revision++;
      version++;
      // Filed again with the evidence a completion lacked.
      const refiled = completions.map((c, k) => {
        const planned = report.completions[k] as PlannedCompletion;
        const added =
          c.evidence.length > 0
            ? []
            : [
                attachSeedEvidence(
                  data.organizationId,
                  batch,
                  ids,
                  c.occurrenceId,
                  planned.laterFile,
                  report.userId,
                  filing.at,
                ),
              ];
        c.evidence.push(...added);
        return { ...c, resubmitted: true, evidence: added };
      });
      batch.add(
        'audit_log',
        auditRow(
          data,
          ids,
          report.userId,
          {
            action: 'report.refile',
            entityType: 'report',
            entityId: id,
            before: existing,
            after: {
              ...key,
              ...filingOf(filing),
              state,
              revision,
              version,
              evidence: [],
              completions: refiled,
            },
          },
          filing.at,
        ),
      );
    }
    const review = filing.review;
    if (!review) break;
    const reviewId = ids.reviews.take();
    const before = { state, version, revision };
    state = review.decision === 'accept' ? 'accepted' : 'returned';
    version++;
    batch.add('reviews', [
      reviewId,
      'report',
      id,
      review.decision,
      review.comment,
      review.reviewer,
      review.at,
    ]);
    for (const c of completions) {
      batch.add('reviews', [
        ids.reviews.take(),
        'occurrence',
        c.occurrenceId,
        review.decision,
        review.comment,
        review.reviewer,
        review.at,
      ]);
    }
    batch.add(
      'audit_log',
      auditRow(
        data,
        ids,
        review.reviewer,
        {
          action: `report.${review.decision}`,
          entityType: 'report',
          entityId: id,
          before,
          after: {
            state,
            version,
            revision,
            reviewId,
            comment: review.comment,
            completions: completions.map((c) => c.occurrenceId),
          },
        },
        review.at,
      ),
    );
    if (review.decision === 'return')
      notifyReturn(data, report, batch, ids, review, report.filings[index + 1]);
  }
  const last = report.filings[report.filings.length - 1] as PlannedFiling;
  const final = filingOf(last);
  batch.add('reports', [
    id,
    report.taskId,
    report.unitId,
    report.period,
    final.selfStatus,
    final.percent,
    final.narrative,
    state,
    report.userId,
    final.submittedAt,
    revision,
    version,
  ]);
  // A completion of the report ends where the report ends: its state, and a version bumped by each
  // review and each re-filing, as the report's.
  for (const [index, c] of report.completions.entries()) {
    const emitted = completions[index] as EmittedCompletion;
    batch.add('occurrences', [
      emitted.occurrenceId,
      c.indicatorId,
      report.unitId,
      c.occurredOn,
      c.note,
      state,
      report.userId,
      first.at,
      version,
      id,
      c.value,
      c.milestone,
    ]);
  }
  if (state !== reportState(report)) throw new Error('seed: report state out of step with its plan');
}

// As recordReviewNotice: every active user of the unit hears of a return with its reason. The unit
// read it by the time it filed again (the re-filing starts from the notification).
function notifyReturn(
  data: PlanYearData,
  report: PlannedReport,
  batch: RowBatch,
  ids: Ids,
  review: { comment: string; reviewer: number; at: string },
  refiling: PlannedFiling | undefined,
): void {
  const reviewer = data.accounts.labels.get(review.reviewer) ?? String(review.reviewer);
  const title = reminderMessages.reportReturnedTitle(report.taskTitle, report.period);
  const body = reminderMessages.reportReturnedBody(reviewer, review.comment);
  for (const userId of data.unitPeople.get(report.unitId) ?? [report.userId]) {
    batch.add('notifications', [
      ids.notifications.take(),
      data.organizationId,
      userId,
      'report_returned',
      title,
      body,
      '/workbench?tab=returned',
      review.at,
      refiling?.at ?? null,
    ]);
  }
}

/** Columns of generated report rows. */
export const REPORT_COLUMNS = [
  'id',
  'task_id',
  'unit_id',
  'period',
  'self_status',
  'percent',
  'narrative',
  'state',
  'submitted_by',
  'submitted_at',
  'revision',
  'version',
];
