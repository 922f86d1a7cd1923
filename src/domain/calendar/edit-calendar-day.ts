import { deleteCalendarDay, findCalendarDay, upsertCalendarDay } from '../../db/queries/calendar-days.ts';
import type { CalendarDayInput, CalendarDayView } from '../../shared/calendar.ts';
import { requirePermission } from '../accounts/permissions.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { dateParts } from '../lights/index.ts';
import { write } from '../write.ts';
import { calendarMessages as M } from './messages.ts';

function requireAdmin(ctx: Context): void {
  requirePermission(ctx.actor, 'calendar.edit', M.notCalendarEditor);
}

function weekdayOf(date: string): number {
  try {
    dateParts(date);
  } catch {
    throw new AppError('INVALID_INPUT', M.invalidDate(date), { field: 'date' });
  }
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * An administrator marks a day as a holiday (放假) or a swapped working day (调休上班), replacing
 * what it was. The calendar is the State Council's and shared by every organization. Audited.
 */
export async function setCalendarDay(
  ctx: Context,
  date: string,
  input: CalendarDayInput,
): Promise<CalendarDayView> {
  requireAdmin(ctx);
  const weekday = weekdayOf(date);
  if (input.kind === 'workday' && weekday !== 0 && weekday !== 6) {
    throw new AppError('INVALID_INPUT', M.workdayOnWeekday(date), { field: 'kind' });
  }
  return write(ctx, async (trx, at) => {
    const before = await findCalendarDay(trx, date);
    const after = { date, kind: input.kind, name: input.name, updated_at: at };
    await upsertCalendarDay(trx, after);
    return {
      result: { date, kind: input.kind, name: input.name, weekday },
      audit: [
        {
          action: 'calendar.day.set',
          entityType: 'calendar_day',
          entityId: null,
          before: before ? { date, kind: before.kind, name: before.name } : null,
          after: { date, kind: input.kind, name: input.name },
        },
      ],
    };
  });
}

/** An administrator removes a day's holiday or swapped-day mark; it follows Monday–Friday again. Audited. */
export async function removeCalendarDay(ctx: Context, date: string): Promise<void> {
  requireAdmin(ctx);
  weekdayOf(date);
  await write(ctx, async (trx) => {
    const before = await findCalendarDay(trx, date);
    if (!before) throw new AppError('NOT_FOUND', M.dayNotFound(date), { date });
    await deleteCalendarDay(trx, date);
    return {
      result: undefined,
      audit: [
        {
          action: 'calendar.day.delete',
          entityType: 'calendar_day',
          entityId: null,
          before: { date, kind: before.kind, name: before.name },
        },
      ],
    };
  });
}
