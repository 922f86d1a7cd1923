// What a unit's progress reports show as of the evaluation day: the review quality (审核质量) and
// whether any report of the unit stands. Pure.
//
// Review quality counts review decisions, not reports: every decision on a report of the unit made
// on or before the day is one review, an acceptance a passed one. So one return among many reports
// costs only its share (9 accepted + 1 returned = 90 %); a report returned, filed again and then
// accepted counts one return and one acceptance (half of it passed: the return is not forgotten,
// the correction is not ignored); a report returned twice counts twice. A report nobody has
// reviewed yet tells nothing about quality and is left out; with no review at all the measure
// cannot be assessed (it is never 0 nor full marks then).
//
// A report stands on the day when it was filed by then and is not in the returned state: accepted,
// awaiting review, or returned and filed again by the day. Only the latest submission of a report
// is stored, so a report filed again after the day counts as still returned on the day.

/** A report of the plan as the review measures read it. */
export interface MeasuredReport {
  id: number;
  unitId: number;
  /** The Asia/Shanghai day of the latest submission. */
  submittedOn: string;
  /** The instant of the latest submission (ISO, UTC), to tell a re-filing from the return before it. */
  submittedAt: string;
}

/** One review decision on a report. */
export interface ReportReview {
  reportId: number;
  decision: 'accept' | 'return';
  /** The instant of the decision (ISO, UTC). */
  reviewedAt: string;
  /** Its Asia/Shanghai day. */
  reviewedOn: string;
}

/** A unit's review quality and filing as of a day. */
export interface ReviewMeasures {
  /** Review decisions on the unit's reports made by the day, and how many accepted. */
  quality: { accepted: number; reviewed: number };
  /** Reports filed by the day, and how many of them stand (not in the returned state). */
  filing: { filed: number; standing: number };
}

/** Counts review quality and filing per unit as of a day (units without a filed report are absent). */
export function measureReviews(
  reports: readonly MeasuredReport[],
  reviews: readonly ReportReview[],
  asOf: string,
): Map<number, ReviewMeasures> {
  const decisions = new Map<number, ReportReview[]>();
  for (const review of reviews) {
    if (review.reviewedOn > asOf) continue;
    const list = decisions.get(review.reportId);
    if (list) list.push(review);
    else decisions.set(review.reportId, [review]);
  }
  const result = new Map<number, ReviewMeasures>();
  for (const report of reports) {
    const made = (decisions.get(report.id) ?? []).sort((a, b) => a.reviewedAt.localeCompare(b.reviewedAt));
    // A re-filed report's stored submission may fall after the day; a review by the day proves an
    // earlier one.
    if (report.submittedOn > asOf && made.length === 0) continue;
    let m = result.get(report.unitId);
    if (!m) {
      m = { quality: { accepted: 0, reviewed: 0 }, filing: { filed: 0, standing: 0 } };
      result.set(report.unitId, m);
    }
    m.filing.filed += 1;
    m.quality.reviewed += made.length;
    m.quality.accepted += made.filter((d) => d.decision === 'accept').length;
    const last = made.at(-1);
    const filedAgain =
      last !== undefined && report.submittedAt > last.reviewedAt && report.submittedOn <= asOf;
    if (last?.decision !== 'return' || filedAgain) m.filing.standing += 1;
  }
  return result;
}
