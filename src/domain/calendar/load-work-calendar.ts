import type { Kysely } from 'kysely';
import { listCalendarDays } from '../../db/queries/calendar-days.ts';
import type { DB } from '../../db/schema.ts';
import { WorkCalendar } from './work-calendar.ts';

/** The working-day calendar as the administrator keeps it (holidays and swapped days in the database). */
export async function loadWorkCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  return new WorkCalendar(await listCalendarDays(db));
}
