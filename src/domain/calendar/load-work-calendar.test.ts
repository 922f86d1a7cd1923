import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { seedOrganization } from '../../../test/support/http.ts';
import { upsertOwnCalendarDay } from '../../db/queries/calendar-days.ts';
import { loadWorkCalendar } from './load-work-calendar.ts';

describeEachDatabase('the calendar table', (current) => {
  it('is seeded with 2024–2026 holidays and swapped working days, the national default of every bureau', async () => {
    const { organizationId } = await seedOrganization(current(), '十堰市教育局');
    const calendar = await loadWorkCalendar(current().db, organizationId);
    expect(calendar.isWorkingDay('2024-06-10')).toBe(false);
    expect(calendar.isWorkingDay('2024-09-29')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    expect(calendar.nextWorkingDay('2025-10-01')).toBe('2025-10-09');
  });

  it("gives a bureau its own days over the default and leaves every other bureau's calendar alone", async () => {
    const a = await seedOrganization(current(), '甲县教育局');
    const b = await seedOrganization(current(), '乙县教育局');
    const at = '2024-04-01T00:00:00Z';
    await upsertOwnCalendarDay(current().db, b.organizationId, {
      date: '2024-05-02',
      kind: 'workday',
      name: '本局照常上班',
      updatedAt: at,
    });
    await upsertOwnCalendarDay(current().db, b.organizationId, {
      date: '2024-04-25',
      kind: 'holiday',
      name: '本局放假',
      updatedAt: at,
    });
    // Set twice: the second replaces the first (one own row per date).
    await upsertOwnCalendarDay(current().db, b.organizationId, {
      date: '2024-04-25',
      kind: 'holiday',
      name: '本局放假（改）',
      updatedAt: at,
    });
    const ofA = await loadWorkCalendar(current().db, a.organizationId);
    const ofB = await loadWorkCalendar(current().db, b.organizationId);
    expect([ofA.isWorkingDay('2024-05-02'), ofB.isWorkingDay('2024-05-02')]).toEqual([false, true]);
    expect([ofA.isWorkingDay('2024-04-25'), ofB.isWorkingDay('2024-04-25')]).toEqual([true, false]);
    expect(ofB.exceptionOn('2024-04-25')?.name).toBe('本局放假（改）');
    expect(ofB.isWorkingDay('2024-05-03')).toBe(false);
  });
});
