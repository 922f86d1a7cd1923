import { describe, expect, it } from 'vitest';
import { defaultSchoolCalendar } from '../lights/index.ts';
import { indicatorCompletion } from './measure-units.ts';

// What one indicator owes by a day and how much accepted work covers, per kind: the lights' credit
// (credited / owed), the same numbers the board shows as progress.

const base = { startOn: '2024-03-01', endOn: '2024-12-31' } as const;
const at = (input: Parameters<typeof indicatorCompletion>[0], asOf: string) =>
  indicatorCompletion(input, asOf, defaultSchoolCalendar);

describe('indicatorCompletion', () => {
  it('counts a recurring promise period by period: a later session never makes up a missed month', () => {
    // Mar–Jun owed on 07-10; held Mar, Jun and twice in May (May's second does not cover April).
    // July's session, held early, counts on both sides: 3 of 4 owed plus 1 of 1 done ahead.
    const input = {
      ...base,
      kind: 'recurring' as const,
      per: 'month' as const,
      occurrences: ['2024-03-05', '2024-05-06', '2024-05-20', '2024-06-03', '2024-07-02'],
    };
    expect(at(input, '2024-07-10')).toEqual({ achieved: 4, expected: 5 });
    // On the last day of June, June is not yet owed but its session is held: 2 of 3 owed, plus June.
    expect(at(input, '2024-06-30')).toEqual({ achieved: 3, expected: 4 });
  });

  it('owes a percent target once, fulfilled by reaching the value or by accepted completion', () => {
    const input = { ...base, kind: 'percent' as const, value: 95, due: '2024-09-30' };
    expect(at(input, '2024-09-30')).toEqual({ achieved: 0, expected: 0 });
    expect(at(input, '2024-10-08')).toEqual({ achieved: 0, expected: 1 });
    expect(at({ ...input, latestValue: 96 }, '2024-10-08')).toEqual({ achieved: 1, expected: 1 });
    expect(at({ ...input, completionAccepted: '2024-10-01' }, '2024-10-08')).toEqual({
      achieved: 1,
      expected: 1,
    });
  });

  it('counts the whole promise as done once completion (办结) was accepted by the day, not before', () => {
    const input = {
      ...base,
      kind: 'recurring' as const,
      per: 'month' as const,
      completionAccepted: '2024-08-15',
    };
    expect(at(input, '2024-07-10')).toEqual({ achieved: 0, expected: 4 });
    // March to December: ten months, all counted done.
    expect(at(input, '2024-08-20')).toEqual({ achieved: 10, expected: 10 });
  });

  it('owes a one-off deliverable only after its due date, and a late one still counts', () => {
    const input = { ...base, kind: 'deliverable' as const, due: '2024-05-31', occurrences: ['2024-06-12'] };
    expect(at(input, '2024-05-31')).toEqual({ achieved: 0, expected: 0 });
    expect(at(input, '2024-06-10')).toEqual({ achieved: 0, expected: 1 });
    expect(at(input, '2024-06-20')).toEqual({ achieved: 1, expected: 1 });
  });

  it('counts a deliverable issued before its due date as done ahead of time', () => {
    const input = { ...base, kind: 'deliverable' as const, due: '2024-06-30', occurrences: ['2024-04-12'] };
    expect(at(input, '2024-05-01')).toEqual({ achieved: 1, expected: 1 });
  });
});
