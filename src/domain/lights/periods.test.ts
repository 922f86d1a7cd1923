import { describe, expect, it } from 'vitest';
import { defaultSchoolCalendar, defaultTermsOfYear, schoolCalendarFromTerms } from './calendar.ts';
import { periodContaining, periodsOverlapping } from './periods.ts';
import { countedPeriods } from './schedule.ts';

const calendar = defaultSchoolCalendar;
const keys = (periods: { key: string }[]) => periods.map((period) => period.key);

describe('periods', () => {
  it('lists months with their real last days', () => {
    const months = periodsOverlapping('month', '2024-01-15', '2024-03-02', calendar);
    expect(keys(months)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(months[1]).toMatchObject({
      label: '2024年2月',
      shortLabel: '2月',
      startOn: '2024-02-01',
      endOn: '2024-02-29',
    });
  });

  it('lists quarters across a year end', () => {
    const quarters = periodsOverlapping('quarter', '2024-11-01', '2025-02-01', calendar);
    expect(keys(quarters)).toEqual(['2024-Q4', '2025-Q1']);
    expect(quarters[0]).toMatchObject({ label: '2024年第4季度', startOn: '2024-10-01', endOn: '2024-12-31' });
  });

  it('numbers weeks Monday to Sunday as ISO 8601 does', () => {
    expect(periodContaining('week', '2024-06-01', calendar)).toMatchObject({
      key: '2024-W22',
      startOn: '2024-05-27',
      endOn: '2024-06-02',
    });
    // 2024-12-30 is a Monday whose Thursday is in 2025.
    expect(periodContaining('week', '2024-12-31', calendar)).toMatchObject({
      key: '2025-W01',
      label: '2025年第1周',
    });
    expect(periodContaining('week', '2024-01-01', calendar)).toMatchObject({
      key: '2024-W01',
      startOn: '2024-01-01',
    });
  });

  it('uses spring (Feb–Jul) and autumn (Sep–Jan) terms, with none in August', () => {
    expect(periodContaining('term', '2024-08-15', calendar)).toBeUndefined();
    expect(periodContaining('term', '2025-01-20', calendar)).toMatchObject({
      key: '2024-autumn',
      label: '2024年秋季学期',
    });
    expect(keys(periodsOverlapping('term', '2024-01-01', '2024-12-31', calendar))).toEqual([
      '2023-autumn',
      '2024-spring',
      '2024-autumn',
    ]);
  });

  it('takes terms from an edited school calendar', () => {
    const edited = schoolCalendarFromTerms([
      { ...defaultTermsOfYear(2024)[1]!, startOn: '2024-08-30', endOn: '2025-01-17' },
      { ...defaultTermsOfYear(2024)[0]!, startOn: '2024-02-26', endOn: '2024-07-05' },
    ]);
    expect(periodContaining('term', '2024-08-30', edited)?.key).toBe('2024-autumn');
    expect(periodContaining('term', '2024-07-10', edited)).toBeUndefined();
    expect(keys(edited.termsOverlapping('2024-01-01', '2024-12-31'))).toEqual(['2024-spring', '2024-autumn']);
  });
});

describe('counted periods (a period counts when the task holds at least half of it)', () => {
  it('skips February for a plan published on 2024-02-23 (7 of 29 days)', () => {
    const months = countedPeriods('month', '2024-02-23', '2024-12-31', calendar);
    expect(months).toHaveLength(10);
    expect(months[0]?.key).toBe('2024-03');
  });

  it('keeps February when published on its 15th (15 of 29 days)', () => {
    expect(countedPeriods('month', '2024-02-15', '2024-12-31', calendar)[0]?.key).toBe('2024-02');
  });

  it('keeps the year and both terms of a plan published in late February', () => {
    expect(keys(countedPeriods('year', '2024-02-23', '2024-12-31', calendar))).toEqual(['2024']);
    // The autumn term runs into 2025 but 122 of its 153 days fall in 2024.
    expect(keys(countedPeriods('term', '2024-02-23', '2024-12-31', calendar))).toEqual([
      '2024-spring',
      '2024-autumn',
    ]);
    expect(keys(countedPeriods('quarter', '2024-02-23', '2024-12-31', calendar))).toEqual([
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
    ]);
  });

  it('keeps the one period with most days when the task is shorter than half of any', () => {
    expect(keys(countedPeriods('year', '2024-10-01', '2024-12-31', calendar))).toEqual(['2024']);
    expect(keys(countedPeriods('month', '2024-03-10', '2024-03-20', calendar))).toEqual(['2024-03']);
  });
});
