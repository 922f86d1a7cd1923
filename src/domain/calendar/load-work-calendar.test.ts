import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { loadWorkCalendar } from './load-work-calendar.ts';

describeEachDatabase('the calendar table', (current) => {
  it('is seeded with 2024–2026 holidays and swapped working days', async () => {
    const calendar = await loadWorkCalendar(current().db);
    expect(calendar.isWorkingDay('2024-06-10')).toBe(false);
    expect(calendar.isWorkingDay('2024-09-29')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.nextWorkingDay('2025-10-01')).toBe('2025-10-09');
  });
});
