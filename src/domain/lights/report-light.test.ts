import { describe, expect, it } from 'vitest';
import type { ReportSlot } from './report-light.ts';
import { computeReportLight } from './report-light.ts';

const may: ReportSlot = { period: '2024-05', dueOn: '2024-05-25' };
const april: ReportSlot = {
  period: '2024-04',
  dueOn: '2024-04-25',
  submittedOn: '2024-04-24',
  state: 'accepted',
};

describe('report light', () => {
  it('is grey while no report is due yet', () => {
    expect(computeReportLight({ periods: [may] }, '2024-05-20')).toMatchObject({ light: 'grey' });
    expect(computeReportLight({ periods: [] }, '2024-05-20')).toMatchObject({ light: 'grey' });
  });

  it('is green when every report due has been handed in, even one awaiting review', () => {
    const pending = { ...may, submittedOn: '2024-05-25', state: 'submitted' as const };
    expect(computeReportLight({ periods: [april, pending] }, '2024-06-01')).toMatchObject({
      light: 'green',
      overdue: [],
    });
  });

  it('is not late on its due day', () => {
    expect(computeReportLight({ periods: [april, may] }, '2024-05-25').light).toBe('green');
  });

  it('is yellow up to 7 days late and red from the 8th', () => {
    expect(computeReportLight({ periods: [may] }, '2024-05-26')).toMatchObject({
      light: 'yellow',
      reason: '5月报告逾期1天',
    });
    expect(computeReportLight({ periods: [may] }, '2024-06-01')).toMatchObject({
      light: 'yellow',
      reason: '5月报告逾期7天',
    });
    expect(computeReportLight({ periods: [may] }, '2024-06-02')).toMatchObject({
      light: 'red',
      reason: '5月报告逾期8天',
    });
    expect(computeReportLight({ periods: [may] }, '2024-06-03')).toMatchObject({
      light: 'red',
      reason: '5月报告逾期9天',
    });
  });

  it('does not count a returned report as submitted', () => {
    const returned = { ...may, submittedOn: '2024-05-20', state: 'returned' as const };
    expect(computeReportLight({ periods: [returned] }, '2024-06-03')).toMatchObject({
      light: 'red',
      reason: '5月报告逾期9天',
      overdue: ['2024-05'],
    });
  });

  it('counts a resubmission from its own date', () => {
    const resubmitted = { ...may, submittedOn: '2024-06-05', state: 'submitted' as const };
    expect(computeReportLight({ periods: [resubmitted] }, '2024-06-03').light).toBe('red');
    expect(computeReportLight({ periods: [resubmitted] }, '2024-06-05').light).toBe('green');
  });

  it('names the worst late reports and lists every late period', () => {
    const june = { period: '2024-06', dueOn: '2024-06-25' };
    const result = computeReportLight({ periods: [may, june] }, '2024-06-28');
    expect(result).toMatchObject({
      light: 'red',
      reason: '5月报告逾期34天',
      overdue: ['2024-05', '2024-06'],
      overdueDays: 34,
    });
  });

  it('tells late reports per unit: one period with its days, several as a range with the longest', () => {
    const slot = (unit: string, month: number, dueDay = 25) => ({
      period: `2024-${String(month).padStart(2, '0')}`,
      label: `${month}月`,
      unit,
      dueOn: `2024-${String(month).padStart(2, '0')}-${dueDay}`,
    });
    const result = computeReportLight(
      { periods: [slot('办公室', 3), slot('办公室', 4), slot('办公室', 5), slot('行政审批股', 5)] },
      '2024-06-15',
    );
    expect(result.reason).toBe('办公室：3–5月报告未交，最长逾期82天；行政审批股：5月报告逾期21天');
    expect(result.late.map((l) => [l.unit, l.period, l.dueOn, l.days])).toEqual([
      ['办公室', '2024-03', '2024-03-25', 82],
      ['办公室', '2024-04', '2024-04-25', 51],
      ['办公室', '2024-05', '2024-05-25', 21],
      ['行政审批股', '2024-05', '2024-05-25', 21],
    ]);
    // Months that do not follow each other are named apart.
    expect(computeReportLight({ periods: [slot('办公室', 3), slot('办公室', 5)] }, '2024-06-15').reason).toBe(
      '办公室：3月、5月报告未交，最长逾期82天',
    );
  });

  it('uses the label given and the grace given', () => {
    const quarter = { period: '2024-Q2', label: '第二季度', dueOn: '2024-07-05' };
    const settings = { reportGraceDays: 3, dueSoonDays: 7, redBelowShare: 0.5 };
    expect(computeReportLight({ periods: [quarter] }, '2024-07-09', settings)).toMatchObject({
      light: 'red',
      reason: '第二季度报告逾期4天',
    });
  });
});
