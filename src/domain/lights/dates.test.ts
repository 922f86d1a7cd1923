import { describe, expect, it } from 'vitest';
import { addDays, dateParts, dayNumber, daysBetween, lastDayOfMonth, planDate } from './dates.ts';

describe('plan dates', () => {
  it('counts days across month ends and the 2024 leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-04-30', 1)).toBe('2024-05-01');
    expect(daysBetween('2024-02-23', '2024-03-01')).toBe(7);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
  });

  it('crosses the year boundary both ways', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-12-25', '2025-01-03')).toBe(9);
    expect(daysBetween('2025-01-03', '2024-12-25')).toBe(-9);
  });

  it('knows the last day of every kind of month', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2025, 2)).toBe('2025-02-28');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
    expect(lastDayOfMonth(2024, 4)).toBe('2024-04-30');
    expect(lastDayOfMonth(2024, 12)).toBe('2024-12-31');
  });

  it('rolls overflowing months and days over', () => {
    expect(planDate(2024, 13, 1)).toBe('2025-01-01');
    expect(planDate(2024, 3, 0)).toBe('2024-02-29');
  });

  it('is independent of the server time zone (day numbers are UTC calendar days)', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-31') - dayNumber('2024-03-30')).toBe(1);
    expect(dayNumber('2024-10-28') - dayNumber('2024-10-26')).toBe(2);
  });

  it('rejects text that is not a real day', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-6-1', '2024/06/01', '']) {
      expect(() => dateParts(bad)).toThrow(RangeError);
    }
    expect(dateParts('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
