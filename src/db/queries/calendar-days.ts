import type { Kysely } from 'kysely';
import type { CalendarDayTable, DB } from '../schema.ts';

/** Every holiday and swapped working day, by date. */
export function listCalendarDays(db: Kysely<DB>): Promise<CalendarDayTable[]> {
  return db.selectFrom('calendar_days').selectAll().orderBy('date').execute();
}

/** The holidays and swapped working days of one year, by date. */
export function listCalendarDaysOfYear(db: Kysely<DB>, year: number): Promise<CalendarDayTable[]> {
  return db
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
}

/** One day's entry, if it has one. */
export function findCalendarDay(db: Kysely<DB>, date: string): Promise<CalendarDayTable | undefined> {
  return db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst();
}

/** Sets a day's entry, replacing the one it had. */
export async function upsertCalendarDay(db: Kysely<DB>, day: CalendarDayTable): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values(day)
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({ kind: day.kind, name: day.name, updated_at: day.updated_at }),
    )
    .execute();
}

/** Removes a day's entry (it becomes an ordinary weekday or weekend day again). */
export async function deleteCalendarDay(db: Kysely<DB>, date: string): Promise<void> {
  await db.deleteFrom('calendar_days').where('date', '=', date).execute();
}
