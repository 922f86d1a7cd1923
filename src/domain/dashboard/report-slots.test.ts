import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { defaultSchoolCalendar } from '../lights/index.ts';
import { planReportingOf } from '../reporting/load-reporting.ts';
import { expectedReports, reportOutcome } from './report-slots.ts';
import { trendMonths } from './reporting-tally.ts';

const owner = { taskId: 1, unitId: 2, startOn: '2024-02-23', dueOn: '2024-12-31', completedOn: null };
// Weekends only: the seeded holidays are tested with the database in reporting/.
const monthly = planReportingOf(
  { work: new WorkCalendar([]), school: defaultSchoolCalendar, rule: { cycle: 'month', dueDay: 25 } },
  [],
);

describe('report slots', () => {
  it('owes a report for each counted month, due on the 25th or the next working day, none after completion', () => {
    // 2024-05-25 is a Saturday: due the Monday after.
    expect(expectedReports(owner, 2024, monthly).find((s) => s.period === '2024-05')?.dueOn).toBe(
      '2024-05-27',
    );
    // February has 7 of 29 days inside the task: not counted, as in the lights.
    expect(expectedReports(owner, 2024, monthly).map((s) => s.period)).toEqual([
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
    ]);
    const finished = expectedReports({ ...owner, completedOn: '2024-04-25' }, 2024, monthly);
    expect(finished.map((s) => s.dueOn)).toEqual(['2024-03-25', '2024-04-25']);
  });

  it('judges a report on time by its due day, late after it, missing once the day has passed', () => {
    const [slot] = expectedReports(owner, 2024, monthly);
    const filed = (submittedOn: string, state: 'submitted' | 'accepted' | 'returned' = 'accepted') => ({
      taskId: 1,
      unitId: 2,
      period: '2024-03',
      submittedOn,
      state,
    });
    expect(reportOutcome(slot!, filed('2024-03-25'), '2024-04-01')).toBe('onTime');
    expect(reportOutcome(slot!, filed('2024-03-26'), '2024-04-01')).toBe('late');
    expect(reportOutcome(slot!, filed('2024-03-26'), '2024-03-25')).toBe('notDue');
    expect(reportOutcome(slot!, filed('2024-03-20', 'returned'), '2024-04-01')).toBe('missing');
    expect(reportOutcome(slot!, undefined, '2024-03-26')).toBe('missing');
  });

  it('lists the months of the plan year up to the day', () => {
    expect(trendMonths(2024, '2024-03-01')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(trendMonths(2024, '2023-12-31')).toEqual([]);
    expect(trendMonths(2024, '2025-02-01')).toHaveLength(12);
  });
});
