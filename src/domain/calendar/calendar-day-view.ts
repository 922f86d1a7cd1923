import type { StoredCalendarDay } from '../../db/queries/calendar-days.ts';
import type { CalendarDayView } from '../../shared/calendar.ts';

/** Day of the week of a plan date, 0 = Sunday … 6 = Saturday. */
export function weekdayOfDate(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** One date as the organization sees it: its own entry over the national default. */
export function calendarDayView(
  date: string,
  layers: { national?: StoredCalendarDay | undefined; own?: StoredCalendarDay | undefined },
): CalendarDayView | undefined {
  const shown = layers.own ?? layers.national;
  if (!shown) return undefined;
  const national =
    layers.own && layers.national ? { kind: layers.national.kind, name: layers.national.name } : null;
  return {
    date,
    kind: shown.kind,
    name: shown.name,
    weekday: weekdayOfDate(date),
    own: Boolean(layers.own),
    national,
  };
}

/** Every date of the layers (sorted by date) as the organization sees it. Pure. */
export function calendarDayViews(layers: readonly StoredCalendarDay[]): CalendarDayView[] {
  const byDate = new Map<string, { national?: StoredCalendarDay; own?: StoredCalendarDay }>();
  for (const day of layers) {
    const entry = byDate.get(day.date) ?? {};
    if (day.own) entry.own = day;
    else entry.national = day;
    byDate.set(day.date, entry);
  }
  return [...byDate.entries()].flatMap(([date, entry]) => calendarDayView(date, entry) ?? []);
}
