import { describe, expect, it } from 'vitest';
import { combineLights } from './combine.ts';
import { computeIndicatorLight } from './indicator-light.ts';
import type { IndicatorProgressInput } from './indicator-spec.ts';
import type { ReportSlot } from './report-light.ts';
import { computeReportLight } from './report-light.ts';
import { rollUp } from './roll-up.ts';

// The Yunxi 2024 plan, published on 2024-02-23, walked through the year with a fixed date.
const plan = { startOn: '2024-02-23', endOn: '2024-12-31' };
const reports = (asOf: string, slots: ReportSlot[]) => computeReportLight({ periods: slots }, asOf);
const monthlyReport = (month: number, submittedOn?: string, state?: ReportSlot['state']): ReportSlot => {
  const period = `2024-${String(month).padStart(2, '0')}`;
  return { period, dueOn: `${period}-25`, ...(submittedOn ? { submittedOn, state } : {}) };
};

describe('item 1: the monthly study session, held in March and April but not May', () => {
  const study: IndicatorProgressInput = {
    kind: 'recurring',
    per: 'month',
    ...plan,
    occurrences: ['2024-03-15', '2024-04-12'],
  };

  it('lights item 1 yellow or red on 2024-06-01 with a reason naming 5月', () => {
    const asOf = '2024-06-01';
    const indicator = computeIndicatorLight(study, asOf);
    expect(indicator).toMatchObject({ expected: 3, actual: 2, target: 10, missing: ['2024年5月'] });
    const task = combineLights({
      indicators: [indicator],
      report: reports(asOf, [
        monthlyReport(3, '2024-03-25', 'accepted'),
        monthlyReport(4, '2024-04-22', 'accepted'),
        monthlyReport(5, '2024-05-24', 'accepted'),
      ]),
    });
    const item = rollUp([{ ...task, weight: 1 }]);
    expect(['yellow', 'red']).toContain(item.light);
    expect(item.reason).toContain('5月');
    // Two of the three months owed are held: progress is the share of what is owed so far.
    expect(indicator).toMatchObject({ credited: 2, owed: 3 });
    expect(item.progress).toBeCloseTo(2 / 3);
  });

  it('was green on 2024-05-31, before May had ended', () => {
    expect(computeIndicatorLight(study, '2024-05-31').light).toBe('green');
  });
});

describe('item 23: the canteen rules, a deliverable due 2024-06-30', () => {
  const canteen: IndicatorProgressInput = { kind: 'deliverable', due: '2024-06-30', ...plan };

  it('is grey before the plan, green well before the due date, yellow within 7 days, red after', () => {
    expect(computeIndicatorLight(canteen, '2024-02-01').light).toBe('grey');
    expect(computeIndicatorLight(canteen, '2024-05-01').light).toBe('green');
    expect(computeIndicatorLight(canteen, '2024-06-23').light).toBe('yellow');
    expect(computeIndicatorLight(canteen, '2024-06-30').light).toBe('yellow');
    expect(computeIndicatorLight(canteen, '2024-07-01')).toMatchObject({
      light: 'red',
      reason: '应于2024-06-30前完成，已逾期1天',
    });
  });

  it('is done on 2024-07-01 when its completion was accepted', () => {
    expect(computeIndicatorLight({ ...canteen, completionAccepted: '2024-06-28' }, '2024-07-01').light).toBe(
      'done',
    );
  });

  it('leaves red once an approved extension moves the due date from 2024-06-30 to 2024-09-30', () => {
    expect(computeIndicatorLight(canteen, '2024-07-05').light).toBe('red');
    const extended = computeIndicatorLight({ ...canteen, due: '2024-09-30' }, '2024-07-05');
    expect(extended).toMatchObject({ light: 'green', dueOn: '2024-09-30' });
    // Moved only a little, it is still due soon: yellow, not red.
    expect(computeIndicatorLight({ ...canteen, due: '2024-07-10' }, '2024-07-05').light).toBe('yellow');
  });
});

describe('全年不少于两次', () => {
  const twice: IndicatorProgressInput = { kind: 'count', per: 'year', min: 2, ...plan };

  it('is green on 2024-07-01 with one accepted occurrence (one owed by mid-year)', () => {
    expect(computeIndicatorLight({ ...twice, occurrences: ['2024-04-18'] }, '2024-07-01')).toMatchObject({
      light: 'green',
      expected: 1,
      actual: 1,
      progress: 0.5,
    });
  });

  it('is red on 2024-07-01 with none', () => {
    expect(computeIndicatorLight(twice, '2024-07-01')).toMatchObject({
      light: 'red',
      reason: '应完成1次，已完成0次',
    });
  });
});

describe('reports', () => {
  it('does not count a returned report: the task goes red once it is more than 7 days late', () => {
    const indicator = computeIndicatorLight(
      { kind: 'recurring', per: 'month', ...plan, occurrences: ['2024-03-15', '2024-04-12', '2024-05-16'] },
      '2024-06-03',
    );
    expect(indicator.light).toBe('green');
    const report = reports('2024-06-03', [monthlyReport(5, '2024-05-24', 'returned')]);
    const task = combineLights({ indicators: [indicator], report });
    expect(task).toMatchObject({ light: 'red', reason: '5月报告逾期9天' });
  });
});
