import {
  deleteOwnCalendarDay,
  findCalendarDayLayers,
  isDuplicateCalendarDay,
  upsertOwnCalendarDay,
} from '../../db/queries/calendar-days.ts';
import type { CalendarDayInput, CalendarDayView } from '../../shared/calendar.ts';
import { requirePermission } from '../accounts/permissions.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { dateParts } from '../lights/index.ts';
import { write } from '../write.ts';
import { calendarDayView, weekdayOfDate } from './calendar-day-view.ts';
import { calendarMessages as M } from './messages.ts';

// Several bureaus may share one server: an administrator edits only the own days of their
// organization, which override the national default of the same date for that organization alone.
// The national defaults change only through the system-level `duban calendar import`.

function requireAdmin(ctx: Context): void {
  requirePermission(ctx.actor, 'calendar.edit', M.notCalendarEditor);
}

function weekdayOf(date: string): number {
  try {
    dateParts(date);
  } catch {
    throw new AppError('INVALID_INPUT', M.invalidDate(date), { field: 'date' });
  }
  return weekdayOfDate(date);
}

const asAudited = (day: { kind: string; name: string } | undefined) =>
  day ? { kind: day.kind, name: day.name } : null;

/**
 * An administrator marks a day as a holiday (放假) or a worked day (上班) for their organization,
 * replacing its own entry of the date; a weekday can be marked worked only where the national
 * default makes it a holiday (本局不放假). Audited in the organization.
 */
export async function setCalendarDay(
  ctx: Context,
  date: string,
  input: CalendarDayInput,
): Promise<CalendarDayView> {
  requireAdmin(ctx);
  const weekday = weekdayOf(date);
  const organizationId = ctx.actor.organizationId;
  try {
    return await storeCalendarDay(ctx, organizationId, date, weekday, input);
  } catch (error) {
    // Two administrators setting the same new day at once (PostgreSQL): the later one is told.
    if (isDuplicateCalendarDay(error)) throw new AppError('CONFLICT', M.dayConflict(date), { date });
    throw error;
  }
}

function storeCalendarDay(
  ctx: Context,
  organizationId: number,
  date: string,
  weekday: number,
  input: CalendarDayInput,
): Promise<CalendarDayView> {
  return write(ctx, async (trx, at) => {
    const { national, own } = await findCalendarDayLayers(trx, organizationId, date);
    const weekend = weekday === 0 || weekday === 6;
    if (input.kind === 'workday' && !weekend && national?.kind !== 'holiday') {
      throw new AppError('INVALID_INPUT', M.workdayOnWeekday(date), { field: 'kind' });
    }
    await upsertOwnCalendarDay(trx, organizationId, { date, ...input, updatedAt: at });
    const after = { date, kind: input.kind, name: input.name, own: true } as const;
    return {
      result: calendarDayView(date, { national, own: after }) as CalendarDayView,
      audit: [
        {
          action: 'calendar.day.set',
          entityType: 'calendar_day',
          entityId: null,
          before: { date, own: asAudited(own), national: asAudited(national) },
          after: { date, kind: input.kind, name: input.name },
        },
      ],
    };
  });
}

/**
 * An administrator removes their organization's own entry of a day: the national default applies
 * again (恢复国家默认), or Monday–Friday where there is none. Audited in the organization.
 */
export async function removeCalendarDay(ctx: Context, date: string): Promise<void> {
  requireAdmin(ctx);
  weekdayOf(date);
  const organizationId = ctx.actor.organizationId;
  await write(ctx, async (trx) => {
    const { national, own } = await findCalendarDayLayers(trx, organizationId, date);
    if (!own) throw new AppError('NOT_FOUND', M.dayNotFound(date), { date });
    await deleteOwnCalendarDay(trx, organizationId, date);
    return {
      result: undefined,
      audit: [
        {
          action: 'calendar.day.delete',
          entityType: 'calendar_day',
          entityId: null,
          before: { date, kind: own.kind, name: own.name },
          after: { date, national: asAudited(national) },
        },
      ],
    };
  });
}
