import { describe, expect, it } from 'vitest';
import { schoolCalendarFromTerms } from './calendar.ts';
import { expectedByDate, targetOf } from './expected.ts';
import type { IndicatorSpec } from './indicator-spec.ts';

const year = { startOn: '2024-02-23', endOn: '2024-12-31' };

describe('expected by date: recurring', () => {
  const monthly: IndicatorSpec = { kind: 'recurring', per: 'month', ...year };

  it('owes a month once it has ended: March, April and May on 2024-06-01, not February', () => {
    expect(expectedByDate(monthly, '2024-05-31')).toBe(2);
    expect(expectedByDate(monthly, '2024-06-01')).toBe(3);
    expect(targetOf(monthly)).toBe(10);
  });

  it('owes February once a plan published by mid-February has seen it end on the leap day', () => {
    const early: IndicatorSpec = { ...monthly, startOn: '2024-02-10' };
    expect(expectedByDate(early, '2024-02-29')).toBe(0);
    expect(expectedByDate(early, '2024-03-01')).toBe(1);
  });

  it('owes everything after the year end, and December only from 2025-01-01', () => {
    expect(expectedByDate(monthly, '2024-12-31')).toBe(9);
    expect(expectedByDate(monthly, '2025-01-01')).toBe(10);
    expect(expectedByDate(monthly, '2026-06-01')).toBe(10);
  });

  it('owes nothing before the task starts', () => {
    expect(expectedByDate(monthly, '2023-12-01')).toBe(0);
  });

  it('counts quarters, weeks, terms and years', () => {
    expect(expectedByDate({ ...monthly, per: 'quarter' }, '2024-07-01')).toBe(1);
    expect(targetOf({ ...monthly, per: 'quarter' })).toBe(3);
    // Weeks from Monday 2024-02-26; on Saturday 2024-03-09 two weeks have ended.
    expect(expectedByDate({ ...monthly, per: 'week' }, '2024-03-09')).toBe(1);
    expect(expectedByDate({ ...monthly, per: 'week' }, '2024-03-11')).toBe(2);
    expect(expectedByDate({ ...monthly, per: 'term' }, '2024-08-01')).toBe(1);
    // The autumn term closes with the plan year, not in January.
    expect(expectedByDate({ ...monthly, per: 'term' }, '2025-01-01')).toBe(2);
    expect(expectedByDate({ ...monthly, per: 'year' }, '2024-12-31')).toBe(0);
    expect(expectedByDate({ ...monthly, per: 'year' }, '2025-01-01')).toBe(1);
  });

  it('takes n per period from min (每月不少于2次)', () => {
    expect(expectedByDate({ ...monthly, min: 2 }, '2024-06-01')).toBe(6);
    expect(targetOf({ ...monthly, min: 2 })).toBe(20);
  });

  it('follows an edited school calendar', () => {
    const calendar = schoolCalendarFromTerms([
      {
        key: '2024-spring',
        label: '2024年春季学期',
        shortLabel: '春季学期',
        year: 2024,
        startOn: '2024-02-26',
        endOn: '2024-07-05',
      },
    ]);
    expect(expectedByDate({ ...monthly, per: 'term' }, '2024-07-05', calendar)).toBe(0);
    expect(expectedByDate({ ...monthly, per: 'term' }, '2024-07-06', calendar)).toBe(1);
  });
});

describe('expected by date: count', () => {
  const twice: IndicatorSpec = { kind: 'count', per: 'year', min: 2, ...year };

  it('owes 全年不少于两次 one by mid-year and both by the last day', () => {
    expect(expectedByDate(twice, '2024-06-30')).toBe(0);
    expect(expectedByDate(twice, '2024-07-01')).toBe(1);
    expect(expectedByDate(twice, '2024-12-30')).toBe(1);
    expect(expectedByDate(twice, '2024-12-31')).toBe(2);
    expect(targetOf(twice)).toBe(2);
  });

  it('spreads a count without a period over the task from its start', () => {
    const spec: IndicatorSpec = { kind: 'count', min: 3, startOn: '2024-01-01', endOn: '2024-12-31' };
    expect(expectedByDate(spec, '2024-05-01')).toBe(1);
    expect(expectedByDate(spec, '2024-12-31')).toBe(3);
  });

  it('counts per term when the promise is per term', () => {
    const spec: IndicatorSpec = { kind: 'count', per: 'term', min: 2, ...year };
    expect(targetOf(spec)).toBe(4);
    expect(expectedByDate(spec, '2024-07-31')).toBe(2);
    expect(expectedByDate(spec, '2024-12-31')).toBe(4);
  });

  it('uses an earlier due date as the end of the count', () => {
    const spec: IndicatorSpec = {
      kind: 'count',
      min: 2,
      due: '2024-06-30',
      startOn: '2024-01-01',
      endOn: '2024-12-31',
    };
    expect(expectedByDate(spec, '2024-06-30')).toBe(2);
  });
});

describe('expected by date: one thing by a date', () => {
  it('owes nothing until the due date has passed, then the target', () => {
    for (const kind of ['deliverable', 'project', 'deadline', 'event'] as const) {
      const spec: IndicatorSpec = { kind, due: '2024-06-30', ...year };
      expect(expectedByDate(spec, '2024-06-30')).toBe(0);
      expect(expectedByDate(spec, '2024-07-01')).toBe(1);
    }
  });

  it('defaults the due date to the year end and the percent target to its value', () => {
    expect(expectedByDate({ kind: 'project', ...year }, '2024-12-31')).toBe(0);
    expect(expectedByDate({ kind: 'project', ...year }, '2025-01-01')).toBe(1);
    expect(expectedByDate({ kind: 'percent', value: 95, ...year }, '2025-01-01')).toBe(95);
    expect(targetOf({ kind: 'event', min: 3, ...year })).toBe(3);
  });
});
