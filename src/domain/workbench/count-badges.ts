import { countToReview } from '../../db/queries/review-queue.ts';
import { countWorkbench } from '../../db/queries/workbench.ts';
import { whatApplies } from '../../policies/work.ts';
import type { Badges } from '../../shared/work.ts';
import { countCollectionWork } from '../balance/workbench-rounds.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { loadOrganizationReporting } from '../reporting/load-reporting.ts';
import { currentReportingPeriod } from './reporting-period.ts';

/**
 * The counts beside the menu: things waiting on the user's workbench and reports waiting for their
 * review. Counts only (a few count queries), since the layout polls it every minute; zero and
 * not-applicable counts are left out.
 */
export async function countBadges(ctx: Context): Promise<Badges> {
  const { db, actor } = ctx;
  const open = currentReportingPeriod(
    shanghaiToday(ctx),
    await loadOrganizationReporting(db, actor.organizationId),
  );
  const window = { period: open.period, year: Number(open.period.slice(0, 4)), endsOn: open.endsOn };
  const applies = whatApplies(actor);
  const [counts, review, collections] = await Promise.all([
    countWorkbench(db, actor, window, applies),
    applies.extensions ? countToReview(db, actor) : 0,
    countCollectionWork(ctx),
  ]);
  // Collection rounds sit on the workbench (a school's rounds to submit, a supervisor's rows to
  // review there), not in the 待审核 queue of reports, so they count in the workbench badge.
  const workbench =
    counts.toAcknowledge +
    counts.reportsDue +
    counts.returned +
    counts.extensionsToDecide +
    counts.completionsToDecide +
    collections;
  const badges: Badges = {};
  if (workbench > 0) badges.workbench = workbench;
  if (review > 0) badges.review = review;
  return badges;
}
