import { listSchoolYear, replaceSchoolYear } from '../../db/queries/school-calendar.ts';
import type { SchoolCalendarEntry, SchoolCalendarInput } from '../../shared/calendar.ts';
import { requirePermission } from '../accounts/permissions.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { calendarMessages as M } from './messages.ts';
import { defaultSchoolYear, schoolYearProblem } from './school-calendar.ts';

/** What PUT /api/school-calendar/:year answers: the year's entries as now in force. */
export interface SchoolYearView {
  year: number;
  isDefault: boolean;
  entries: SchoolCalendarEntry[];
}

/**
 * An administrator or supervisor sets the terms and vacations of a year, replacing the year's list;
 * an empty list goes back to the default terms. Entries must begin in the year, end by the next
 * March and not overlap. Audited with the list before and after.
 */
export async function setSchoolYear(
  ctx: Context,
  year: number,
  input: SchoolCalendarInput,
): Promise<SchoolYearView> {
  requirePermission(ctx.actor, 'schoolCalendar.edit', M.notSchoolCalendarEditor);
  const entries = [...input.terms].sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1));
  const problem = schoolYearProblem(year, input.terms);
  if (problem) {
    throw new AppError('INVALID_INPUT', problem.message, { field: 'terms', index: problem.index });
  }
  const organizationId = ctx.actor.organizationId;
  return write(ctx, async (trx) => {
    const before = await listSchoolYear(trx, organizationId, year);
    await replaceSchoolYear(trx, organizationId, year, entries);
    return {
      result: {
        year,
        isDefault: entries.length === 0,
        entries: entries.length === 0 ? defaultSchoolYear(year) : entries,
      },
      audit: [
        {
          action: 'calendar.school.set',
          entityType: 'school_calendar',
          entityId: year,
          before: before.map(({ year: _year, ...entry }) => entry),
          after: entries,
        },
      ],
    };
  });
}
