import { describe, expect, it } from 'vitest';
import { computeIndicatorLight } from './indicator-light.ts';
import type { IndicatorProgressInput } from './indicator-spec.ts';

const year = { startOn: '2024-02-23', endOn: '2024-12-31' };
const monthly: IndicatorProgressInput = { kind: 'recurring', per: 'month', ...year };
const months = (...ms: number[]) => ms.map((m) => `2024-${String(m).padStart(2, '0')}-10`);

describe('what counts as achieved', () => {
  it('counts a completion accepted on a date from that date on', () => {
    const input: IndicatorProgressInput = {
      kind: 'deliverable',
      due: '2024-06-30',
      ...year,
      completionAccepted: '2024-07-03',
    };
    expect(computeIndicatorLight(input, '2024-07-02').light).toBe('red');
    expect(computeIndicatorLight(input, '2024-07-03').light).toBe('done');
  });

  it('ignores occurrences dated after asOf, so a past day is judged as it was', () => {
    const result = computeIndicatorLight({ ...monthly, occurrences: months(3, 4, 5, 6) }, '2024-06-01');
    expect(result.actual).toBe(3);
  });

  it('lets an occurrence logged for May but held on 2 June cover May', () => {
    const late = { ...monthly, occurrences: [...months(3, 4), { on: '2024-06-02', period: '2024-05' }] };
    expect(computeIndicatorLight(late, '2024-06-03')).toMatchObject({ light: 'green', missing: [] });
    // Unlabelled, the same session covers June instead and May stays missing.
    const june = { ...monthly, occurrences: [...months(3, 4), '2024-06-02'] };
    expect(computeIndicatorLight(june, '2024-06-03')).toMatchObject({
      light: 'yellow',
      missing: ['2024年5月'],
    });
  });

  it('counts two sessions in one month once toward a once-a-month promise', () => {
    const result = computeIndicatorLight(
      { ...monthly, occurrences: ['2024-03-01', '2024-03-20'] },
      '2024-04-01',
    );
    expect(result).toMatchObject({ actual: 1, expected: 1, light: 'green' });
  });

  it('turns an overdue deliverable back to green, awaiting completion, once its issue is accepted', () => {
    const input: IndicatorProgressInput = {
      kind: 'deliverable',
      due: '2024-06-30',
      ...year,
      occurrences: ['2024-07-04'],
    };
    expect(computeIndicatorLight(input, '2024-07-05')).toMatchObject({
      light: 'green',
      reason: '已完成，待办结',
      progress: 1,
    });
  });

  it('is green once a percent target is reached, even before its due date', () => {
    const input: IndicatorProgressInput = { kind: 'percent', value: 95, ...year, latestValue: 96 };
    expect(computeIndicatorLight(input, '2024-12-30')).toMatchObject({
      light: 'green',
      reason: '已达到95%',
      progress: 1,
    });
  });

  it('honours changed thresholds', () => {
    const lagging = { ...monthly, occurrences: months(3) };
    expect(computeIndicatorLight(lagging, '2024-06-01').light).toBe('red');
    const lenient = { reportGraceDays: 7, dueSoonDays: 7, redBelowShare: 0.3 };
    expect(computeIndicatorLight(lagging, '2024-06-01', lenient).light).toBe('yellow');
    const early = { reportGraceDays: 7, dueSoonDays: 14, redBelowShare: 0.5 };
    expect(
      computeIndicatorLight({ kind: 'deadline', due: '2024-06-30', ...year }, '2024-06-16', early).light,
    ).toBe('yellow');
  });
});
