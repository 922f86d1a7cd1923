import { describe, expect, it } from 'vitest';
import { type MeasuredReport, measureReviews, type ReportReview } from './measure-reviews.ts';

// Review quality and filing as of 2024-07-10, by hand. Instants are UTC; days are Asia/Shanghai.

const AS_OF = '2024-07-10';
const report = (id: number, unitId: number, at: string): MeasuredReport => ({
  id,
  unitId,
  submittedAt: at,
  submittedOn: at.slice(0, 10),
});
const review = (reportId: number, decision: 'accept' | 'return', at: string): ReportReview => ({
  reportId,
  decision,
  reviewedAt: at,
  reviewedOn: at.slice(0, 10),
});

describe('measureReviews', () => {
  const OFFICE = 1;
  const SUPERVISION = 2;
  const PERSONNEL = 3;
  const RESEARCH = 4;
  const measured = measureReviews(
    [
      report(1, OFFICE, '2024-03-20T02:00:00.000Z'),
      // First filed 04-20, returned 04-22, filed again 04-28 (the stored submission), accepted 04-30.
      report(2, OFFICE, '2024-04-28T02:00:00.000Z'),
      // Returned 05-26 and never filed again.
      report(3, OFFICE, '2024-05-24T02:00:00.000Z'),
      // Awaiting review.
      report(4, OFFICE, '2024-06-24T02:00:00.000Z'),
      // Returned, then filed again by the day: awaiting review again.
      report(5, SUPERVISION, '2024-05-20T02:00:00.000Z'),
      // Returned 06-12, filed again only after the day (07-15): on the day it was still returned.
      report(6, SUPERVISION, '2024-07-15T02:00:00.000Z'),
      // Filed after the day: not seen.
      report(7, PERSONNEL, '2024-07-12T02:00:00.000Z'),
      // Filed by the day, accepted after it: awaiting review on the day.
      report(8, PERSONNEL, '2024-07-01T02:00:00.000Z'),
      // Same day: returned at 03:00, filed again at 06:00 — and one returned at 03:00, not filed again.
      report(9, RESEARCH, '2024-06-10T06:00:00.000Z'),
      report(10, RESEARCH, '2024-06-11T01:00:00.000Z'),
    ],
    [
      review(1, 'accept', '2024-03-22T02:00:00.000Z'),
      review(2, 'return', '2024-04-22T02:00:00.000Z'),
      review(2, 'accept', '2024-04-30T02:00:00.000Z'),
      review(3, 'return', '2024-05-26T02:00:00.000Z'),
      review(5, 'return', '2024-05-12T02:00:00.000Z'),
      review(6, 'return', '2024-06-12T02:00:00.000Z'),
      review(8, 'accept', '2024-07-12T02:00:00.000Z'),
      review(9, 'return', '2024-06-10T03:00:00.000Z'),
      review(10, 'return', '2024-06-11T03:00:00.000Z'),
    ],
    AS_OF,
  );

  it('counts every review decision: a return and a later acceptance of one report are one of each', () => {
    // 办公室: reviews 1✓, 2✗✓, 3✗ → 2 accepted of 4; report 4 is not reviewed yet and not counted.
    expect(measured.get(OFFICE)).toEqual({
      quality: { accepted: 2, reviewed: 4 },
      filing: { filed: 4, standing: 3 },
    });
  });

  it('reads review decisions and filings as they stood on the day', () => {
    // 督导室: report 5 filed again by the day stands; report 6 was still returned on the day.
    expect(measured.get(SUPERVISION)).toEqual({
      quality: { accepted: 0, reviewed: 2 },
      filing: { filed: 2, standing: 1 },
    });
    // 人事股: report 7 comes after the day; report 8's acceptance too, so it stands unreviewed.
    expect(measured.get(PERSONNEL)).toEqual({
      quality: { accepted: 0, reviewed: 0 },
      filing: { filed: 1, standing: 1 },
    });
    // Within one day the instants decide whether the filing came after the return.
    expect(measured.get(RESEARCH)).toEqual({
      quality: { accepted: 0, reviewed: 2 },
      filing: { filed: 2, standing: 1 },
    });
  });

  it('knows nothing of a unit that filed nothing', () => {
    expect(measureReviews([], [], AS_OF).size).toBe(0);
  });
});
