import { describe, expect, it } from 'vitest';
import { computeIndicatorLight } from './indicator-light.ts';
import type { IndicatorProgressInput } from './indicator-spec.ts';

// Progress is the accepted share of what is owed so far (credited / owed), hand-counted here.
const year = { startOn: '2024-03-01', endOn: '2024-12-31' };
const monthly: IndicatorProgressInput = { kind: 'recurring', per: 'month', ...year };
const credit = (input: IndicatorProgressInput, asOf: string) => {
  const { credited, owed } = computeIndicatorLight(input, asOf);
  return { credited, owed };
};

describe('credit: the accepted share of what is owed so far', () => {
  it('owes each ended month and credits the covered ones; a month under way counts only with work done', () => {
    // 2024-06-15: March, April, May are owed; June is under way.
    expect(credit(monthly, '2024-06-15')).toEqual({ credited: 0, owed: 3 });
    expect(credit({ ...monthly, occurrences: ['2024-04-10', '2024-05-10'] }, '2024-06-15')).toEqual({
      credited: 2,
      owed: 3,
    });
    // June's session held early raises both numbers: 3 of 4, not 3 of 3.
    expect(
      credit({ ...monthly, occurrences: ['2024-03-10', '2024-05-10', '2024-06-05'] }, '2024-06-15'),
    ).toEqual({ credited: 3, owed: 4 });
  });

  it('owes nothing before the start and nothing before a one-thing due date unless it is done', () => {
    expect(credit(monthly, '2024-02-20')).toEqual({ credited: 0, owed: 0 });
    const plan: IndicatorProgressInput = { kind: 'deliverable', due: '2024-06-30', ...year };
    expect(credit(plan, '2024-05-01')).toEqual({ credited: 0, owed: 0 });
    expect(credit({ ...plan, occurrences: ['2024-04-20'] }, '2024-05-01')).toEqual({ credited: 1, owed: 1 });
    expect(credit(plan, '2024-07-01')).toEqual({ credited: 0, owed: 1 });
  });

  it('owes a yearly count by the share of the year gone, or what was done when more', () => {
    const twice: IndicatorProgressInput = { kind: 'count', per: 'year', min: 2, ...year };
    // 2024-06-15: 167 of 366 days → floor(2 × 167 / 366) = 0 owed; one session held counts.
    expect(credit(twice, '2024-06-15')).toEqual({ credited: 0, owed: 0 });
    expect(credit({ ...twice, occurrences: ['2024-04-02'] }, '2024-06-15')).toEqual({ credited: 1, owed: 1 });
    // 2024-07-01: 183 of 366 → one owed.
    expect(credit(twice, '2024-07-01')).toEqual({ credited: 0, owed: 1 });
  });

  it('credits a percent once the value is reached, owed from its due date', () => {
    const rate: IndicatorProgressInput = { kind: 'percent', value: 95, ...year };
    expect(credit({ ...rate, latestValue: 76 }, '2024-06-01')).toEqual({ credited: 0, owed: 0 });
    expect(credit({ ...rate, latestValue: 96 }, '2024-06-01')).toEqual({ credited: 1, owed: 1 });
    expect(credit({ ...rate, latestValue: 76 }, '2025-01-01')).toEqual({ credited: 0, owed: 1 });
  });

  it('counts a project done at its completion, not at an earlier milestone', () => {
    const works: IndicatorProgressInput = {
      kind: 'project',
      due: '2024-08-31',
      ...year,
    };
    expect(credit(works, '2024-06-01')).toEqual({ credited: 0, owed: 0 });
    expect(credit(works, '2024-09-02')).toEqual({ credited: 0, owed: 1 });
    expect(credit({ ...works, occurrences: ['2024-08-20'] }, '2024-09-02')).toEqual({ credited: 1, owed: 1 });
  });

  it('credits the whole promise once completion is accepted', () => {
    expect(credit({ ...monthly, completionAccepted: '2024-05-20' }, '2024-06-15')).toEqual({
      credited: 10,
      owed: 10,
    });
  });
});

describe('lateSince: the date a lagging or overdue promise is measured from', () => {
  it('is the due date when overdue, a missed month’s last day, or the day a count’s share fell due', () => {
    const plan: IndicatorProgressInput = { kind: 'deliverable', due: '2024-06-30', ...year };
    expect(computeIndicatorLight(plan, '2024-07-05').lateSince).toBe('2024-06-30');
    expect(computeIndicatorLight({ ...monthly, occurrences: ['2024-03-10'] }, '2024-06-15').lateSince).toBe(
      '2024-04-30',
    );
    // 全年不少于两次: the first is owed from 2024-07-01 (183 of 366 days), so it fell due on 06-30.
    const twice: IndicatorProgressInput = { kind: 'count', per: 'year', min: 2, ...year };
    expect(computeIndicatorLight(twice, '2024-07-10')).toMatchObject({
      light: 'red',
      lateSince: '2024-06-30',
    });
    expect(computeIndicatorLight(monthly, '2024-03-20').lateSince).toBeUndefined();
  });
});
