import type { Kysely } from 'kysely';
import { listCalendarLayers, type StoredCalendarDay } from '../../db/queries/calendar-days.ts';
import type { DB } from '../../db/schema.ts';
import { type CalendarDay, WorkCalendar } from './work-calendar.ts';

/**
 * The days that differ from Monday–Friday for one organization: its own entry of a date where it
 * has one, else the national default. Pure; the layers come sorted by date.
 */
export function effectiveDays(layers: readonly StoredCalendarDay[]): CalendarDay[] {
  const byDate = new Map<string, StoredCalendarDay>();
  for (const day of layers) {
    const seen = byDate.get(day.date);
    if (!seen || (day.own && !seen.own)) byDate.set(day.date, day);
  }
  return [...byDate.values()].map(({ date, kind, name }) => ({ date, kind, name }));
}

/** An organization's working-day calendar: the national defaults with its own days over them. */
export async function loadWorkCalendar(db: Kysely<DB>, organizationId: number): Promise<WorkCalendar> {
  return new WorkCalendar(effectiveDays(await listCalendarLayers(db, organizationId)));
}
