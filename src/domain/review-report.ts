import { reviewReportOccurrences } from '../db/queries/occurrences.ts';
import { findVisibleReport, setReportState } from '../db/queries/reports.ts';
import { insertReview } from '../db/queries/reviews.ts';
import { canReview, requireVisibleTask } from '../policies/tasks.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { deliverPendingReminders } from './reminders/deliver-reminders.ts';
import { loadNotificationSettings } from './reminders/notification-settings.ts';
import { recordReviewNotice } from './reminders/review-notices.ts';
import { checkDecision, type ReviewDecision } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { assertUpdated, write } from './write.ts';

/** A review (审核) of a submitted report. */
export interface ReviewReportInput {
  reportId: number;
  decision: ReviewDecision;
  /** Required when returning: what the unit should change. */
  comment?: string;
  /** The version the reviewer saw; a newer filing since then gives CONFLICT. */
  version?: number;
}

/** The report's state after review. */
export interface ReviewedReport {
  reportId: number;
  reviewId: number;
  state: 'accepted' | 'returned';
  version: number;
  /** The completions filed with the report, reviewed with it. */
  completions: number[];
}

/**
 * A supervisor, admin or the item's leader accepts or returns (退回) a submitted report, and with it
 * the completions filed in it. The unit is told: a return with its reason, an acceptance to the filer.
 */
export async function reviewReport(ctx: Context, input: ReviewReportInput): Promise<ReviewedReport> {
  const comment = checkDecision(input.decision, input.comment);
  const settings = await loadNotificationSettings(ctx.db, ctx.actor.organizationId);
  const reviewed = await write(ctx, async (trx, at) => {
    const report = await findVisibleReport(trx, ctx.actor, input.reportId);
    if (!report) throw new AppError('NOT_FOUND', M.reportNotFound, { reportId: input.reportId });
    const task = await requireVisibleTask(trx, ctx.actor, report.taskId);
    if (!canReview(ctx.actor, task.organizationId, task.actorLeadsItem)) {
      throw new AppError('FORBIDDEN', M.notReviewer, { reportId: report.id });
    }
    if (report.state !== 'submitted') throw new AppError('CONFLICT', M.notSubmitted, { state: report.state });
    if (input.version !== undefined && input.version !== report.version) {
      throw new AppError('CONFLICT', M.notSubmitted, { version: report.version });
    }
    const state: ReviewedReport['state'] = input.decision === 'accept' ? 'accepted' : 'returned';
    assertUpdated(await setReportState(trx, report.id, report.version, state), '进展报告');
    const reviewId = await insertReview(trx, {
      targetType: 'report',
      targetId: report.id,
      decision: input.decision,
      comment,
      reviewerId: ctx.actor.userId,
      createdAt: at,
    });
    // The completions filed with the report are reviewed with it: they count only if it is accepted.
    const occurrenceIds = await reviewReportOccurrences(trx, report.id, state);
    for (const occurrenceId of occurrenceIds) {
      await insertReview(trx, {
        targetType: 'occurrence',
        targetId: occurrenceId,
        decision: input.decision,
        comment,
        reviewerId: ctx.actor.userId,
        createdAt: at,
      });
    }
    const emails = await recordReviewNotice(
      trx,
      {
        organizationId: task.organizationId,
        reportId: report.id,
        taskTitle: task.title,
        period: report.period,
        unitId: report.unitId,
        filedBy: report.submittedBy,
        link: state === 'returned' ? '/workbench?tab=returned' : `/plans/${task.planId}/items/${task.itemId}`,
        completions: occurrenceIds.length,
      },
      { decision: input.decision, comment, reviewer: ctx.actor.label, at },
      settings,
    );
    const version = report.version + 1;
    return {
      result: { reportId: report.id, reviewId, state, version, completions: occurrenceIds, emails },
      audit: [
        {
          action: `report.${input.decision}`,
          entityType: 'report',
          entityId: report.id,
          before: { state: report.state, version: report.version, revision: report.revision },
          after: { state, version, revision: report.revision, reviewId, comment, completions: occurrenceIds },
        },
      ],
    };
  });
  const { emails, ...result } = reviewed;
  // E-mail leaves after the review is committed; a failed delivery is recorded, never undoes it.
  if (emails.length > 0) await deliverPendingReminders(ctx, settings);
  return result;
}
