import { describe, expect, it } from 'vitest';
import { addDays, type CalendarDay, WorkCalendar } from './work-calendar.ts';

// 2024's Dragon Boat and National Day holidays as the State Council announced them.
const holiday = (date: string, name: string): CalendarDay => ({ date, kind: 'holiday', name });
const calendar = new WorkCalendar([
  ...['2024-06-08', '2024-06-09', '2024-06-10'].map((d) => holiday(d, '端午节')),
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => holiday(`2024-10-${d}`, '国庆节')),
  { date: '2024-09-29', kind: 'workday', name: '国庆节' },
  { date: '2024-10-12', kind: 'workday', name: '国庆节' },
]);

describe('working days', () => {
  it('knows weekends, holidays and swapped working days', () => {
    expect(calendar.isWorkingDay('2024-06-07')).toBe(true); // Friday before the Dragon Boat holiday
    expect(calendar.isWorkingDay('2024-06-10')).toBe(false); // 端午节, a Monday
    expect(calendar.isWorkingDay('2024-09-29')).toBe(true); // Sunday worked for 国庆节
    expect(calendar.isWorkingDay('2024-10-07')).toBe(false);
    expect(calendar.isWorkingDay('2024-10-12')).toBe(true); // Saturday worked
    expect(calendar.isWorkingDay('2024-10-13')).toBe(false);
  });

  it('moves a due day on a holiday to the next working day', () => {
    expect(calendar.nextWorkingDay('2024-06-08')).toBe('2024-06-11');
    expect(calendar.nextWorkingDay('2024-10-01')).toBe('2024-10-08');
    expect(calendar.nextWorkingDay('2024-05-24')).toBe('2024-05-24');
  });

  it('counts working days across holidays in both directions', () => {
    // Three working days before 2024-06-12 (Wed): 06-11, 06-07, 06-06 (06-08..10 are off).
    expect(calendar.addWorkingDays('2024-06-12', -3)).toBe('2024-06-06');
    // Three working days before 2024-10-09 (Wed): 10-08, 09-30, 09-29 (a worked Sunday).
    expect(calendar.addWorkingDays('2024-10-09', -3)).toBe('2024-09-29');
    expect(calendar.addWorkingDays('2024-09-30', 2)).toBe('2024-10-09');
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-08')).toBe(3);
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
