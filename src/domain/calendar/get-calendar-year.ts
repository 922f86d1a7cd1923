import { listCalendarLayersOfYear } from '../../db/queries/calendar-days.ts';
import { listSchoolYear } from '../../db/queries/school-calendar.ts';
import type { CalendarYearView } from '../../shared/calendar.ts';
import type { Context } from '../context.ts';
import { loadOrganizationReporting } from '../reporting/load-reporting.ts';
import { periodsOfSpan } from '../reporting/reporting-rule.ts';
import { calendarDayViews } from './calendar-day-view.ts';
import { defaultSchoolYear } from './school-calendar.ts';

/**
 * A year of the calendar for anyone signed in: the holidays and swapped working days of the
 * reader's organization (its own days over the national defaults, each marked), the
 * organization's school calendar (the default when nobody set it) and the report due dates the
 * organization's rule gives that year, so the effect of a holiday is visible where it is edited.
 */
export async function getCalendarYear(ctx: Context, year: number): Promise<CalendarYearView> {
  const organizationId = ctx.actor.organizationId;
  const [days, school, reporting] = await Promise.all([
    listCalendarLayersOfYear(ctx.db, organizationId, year),
    listSchoolYear(ctx.db, organizationId, year),
    loadOrganizationReporting(ctx.db, organizationId),
  ]);
  const periods = periodsOfSpan(reporting.rule, `${year}-01-01`, `${year}-12-31`, reporting).filter(
    // A term begun the year before belongs to that year's list.
    (p) => p.startOn >= `${year}-01-01`,
  );
  return {
    year,
    days: calendarDayViews(days),
    school: {
      isDefault: school.length === 0,
      entries:
        school.length === 0
          ? defaultSchoolYear(year)
          : school.map(({ kind, name, startsOn, endsOn }) => ({ kind, name, startsOn, endsOn })),
    },
    reporting: reporting.rule,
    dueDates: periods.map((p) => ({ period: p.key, label: p.label, nominalOn: p.nominalOn, dueOn: p.dueOn })),
  };
}
