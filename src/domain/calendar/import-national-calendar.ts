import { replaceNationalDays } from '../../db/queries/calendar-days.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { dateParts } from '../lights/index.ts';
import { write } from '../write.ts';
import { calendarMessages as M } from './messages.ts';
import { addDays } from './work-calendar.ts';

// The national default every bureau shares (the State Council's yearly announcement) is changed
// only here, by whoever runs the server's command line (`duban calendar import FILE`): no bureau's
// administrator can change another bureau's working days through the web app or the API.

/** One national day off or worked weekend day. */
export interface NationalDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const KINDS: Record<string, NationalDay['kind']> = {
  放假: 'holiday',
  holiday: 'holiday',
  上班: 'workday',
  调休上班: 'workday',
  workday: 'workday',
};

function checkDate(date: string, line: number): void {
  try {
    dateParts(date);
  } catch {
    throw new AppError('INVALID_INPUT', M.importBadLine(line, M.invalidDate(date)));
  }
}

/**
 * Reads an announcement as lines `FROM [TO] 放假|上班 名称` (e.g. `2027-10-01 2027-10-07 放假 国庆节`);
 * blank lines and lines starting with # are skipped. Pure; throws INVALID_INPUT naming the line.
 */
export function parseNationalCalendar(text: string): NationalDay[] {
  const days = new Map<string, NationalDay>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const words = raw.trim().split(/\s+/);
    if (words[0] === '' || words[0]?.startsWith('#')) return;
    const [from = '', ...rest] = words;
    const to = /^\d{4}-\d{2}-\d{2}$/.test(rest[0] ?? '') ? (rest.shift() as string) : from;
    const kind = KINDS[rest[0] ?? ''];
    const name = rest.slice(1).join(' ');
    if (!kind || name === '' || name.length > 20)
      throw new AppError('INVALID_INPUT', M.importBadLine(line, M.importFormat));
    checkDate(from, line);
    checkDate(to, line);
    if (to < from || addDays(from, 31) < to)
      throw new AppError('INVALID_INPUT', M.importBadLine(line, M.importSpan));
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (kind === 'workday' && weekday !== 0 && weekday !== 6) {
        throw new AppError('INVALID_INPUT', M.importBadLine(line, M.workdayOnWeekday(date)));
      }
      days.set(date, { date, kind, name });
    }
  });
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Replaces the national defaults of every year the list covers (a year not in it is untouched);
 * every bureau's own days stay as they are. Audited; renews every organization's cached reads.
 */
export async function importNationalCalendar(
  ctx: Context,
  days: readonly NationalDay[],
): Promise<{ years: number[]; days: number }> {
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort();
  if (years.length === 0) throw new AppError('INVALID_INPUT', M.importEmpty);
  return write(ctx, async (trx, at) => {
    await replaceNationalDays(trx, years, days, at);
    return {
      result: { years, days: days.length },
      // entityType calendar_day renews the shared data version too (domain/cache/data-version.ts).
      audit: [
        {
          action: 'calendar.national.import',
          entityType: 'calendar_day',
          entityId: null,
          after: { years, days: days.length },
        },
      ],
    };
  });
}
