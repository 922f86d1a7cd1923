import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { defaultSchoolCalendar, expectedByDate, type IndicatorSpec } from '../lights/index.ts';
import { openReportingPeriod, periodsOfSpan, reportingPeriods, resolveRule } from './reporting-rule.ts';

// 2024's National Day holiday and its swapped Sundays/Saturdays, as the State Council announced them.
const work = new WorkCalendar([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
    date: `2024-10-${d}`,
    kind: 'holiday' as const,
    name: '国庆节',
  })),
  { date: '2024-09-29', kind: 'workday', name: '国庆节' },
  { date: '2024-10-12', kind: 'workday', name: '国庆节' },
]);
const calendars = { work, school: defaultSchoolCalendar };
const monthly = { cycle: 'month' as const, dueDay: 25 };

describe('the reporting rule', () => {
  it('moves a due day off weekends and holidays', () => {
    const dues = new Map(
      periodsOfSpan(monthly, '2024-01-01', '2024-12-31', calendars).map((p) => [p.key, p]),
    );
    expect(dues.get('2024-05')).toMatchObject({ nominalOn: '2024-05-25', dueOn: '2024-05-27' });
    expect(dues.get('2024-04')?.dueOn).toBe('2024-04-25');
    const first = new Map(
      periodsOfSpan({ cycle: 'month', dueDay: 1 }, '2024-10-01', '2024-10-31', calendars).map((p) => [
        p.key,
        p.dueOn,
      ]),
    );
    expect(first.get('2024-10')).toBe('2024-10-08');
  });

  it('makes a quarter due after it ends and lets any of its months answer for it', () => {
    const quarters = reportingPeriods(
      { cycle: 'quarter', dueDay: 25 },
      '2024-02-23',
      '2024-12-31',
      calendars,
    );
    // Q1 has 38 of 91 days inside the task: not counted, like a month with less than half.
    expect(quarters.map((q) => [q.key, q.dueOn, q.months.join(',')])).toEqual([
      ['2024-Q2', '2024-07-25', '2024-04,2024-05,2024-06'],
      ['2024-Q3', '2024-10-25', '2024-07,2024-08,2024-09'],
      ['2024-Q4', '2025-01-27', '2024-10,2024-11,2024-12'],
    ]);
  });

  it('takes the task over the plan over the organization, field by field', () => {
    expect(resolveRule(monthly, { cycle: 'quarter', dueDay: null }, { cycle: null, dueDay: 10 })).toEqual({
      cycle: 'quarter',
      dueDay: 10,
    });
    expect(resolveRule(monthly, undefined, undefined)).toEqual(monthly);
  });

  it('files a quarter under the current month, or its last month once it has ended', () => {
    const quarterly = { cycle: 'quarter' as const, dueDay: 25 };
    expect(openReportingPeriod(quarterly, '2024-05-20', calendars)).toMatchObject({
      key: '2024-Q2',
      fileAs: '2024-05',
      dueOn: '2024-07-25',
    });
    expect(openReportingPeriod(monthly, '2024-05-20', calendars)).toMatchObject({
      key: '2024-05',
      fileAs: '2024-05',
      dueOn: '2024-05-27',
    });
  });
});

describe('what the wording promises by a date', () => {
  const base = { startOn: '2024-02-23', endOn: '2024-12-31' };
  it('每月… expects one occurrence per elapsed month', () => {
    const spec: IndicatorSpec = { ...base, kind: 'recurring', per: 'month' };
    // Published 2024-02-23: February has too few days to count; March and April have ended by May 20.
    expect(expectedByDate(spec, '2024-05-20')).toBe(2);
    expect(expectedByDate(spec, '2024-06-01')).toBe(3);
    expect(expectedByDate(spec, '2025-01-01')).toBe(10);
  });

  it('全年不少于两次 expects one by mid-year and two by the year end', () => {
    const spec: IndicatorSpec = { ...base, kind: 'count', per: 'year', min: 2 };
    expect(expectedByDate(spec, '2024-06-30')).toBe(0);
    expect(expectedByDate(spec, '2024-07-01')).toBe(1);
    expect(expectedByDate(spec, '2024-12-31')).toBe(2);
  });

  it('a deliverable or project without a date is due at the year end', () => {
    for (const kind of ['deliverable', 'project'] as const) {
      const spec: IndicatorSpec = { ...base, kind };
      expect(expectedByDate(spec, '2024-12-31')).toBe(0);
      expect(expectedByDate(spec, '2025-01-01')).toBe(1);
      expect(expectedByDate({ ...spec, due: '2024-06-30' }, '2024-07-01')).toBe(1);
    }
  });
});
