import type { ParsedNotice, ParseWarning } from '../../notice/types.ts';
import { planMessages } from '../plan-messages.ts';

/** The year a notice plans for: the parsed plan year, else the year of its issue date. */
export function planYearOf(parsed: Pick<ParsedNotice, 'year' | 'issuedOn'>): number | null {
  if (parsed.year !== null) return parsed.year;
  const match = parsed.issuedOn ? /^(\d{4})-/.exec(parsed.issuedOn) : null;
  return match ? Number(match[1]) : null;
}

/**
 * A warning when the notice plans for a year already past on `today` (YYYY-MM-DD, Asia/Shanghai):
 * published, every due date of it is overdue at once. Next year's plan, imported in December, is
 * normal and gets none. `at` is 0: the warning is about the notice as a whole.
 */
export function pastYearWarning(year: number | null, today: string): ParseWarning[] {
  const currentYear = Number(today.slice(0, 4));
  if (year === null || year >= currentYear) return [];
  return [{ code: 'past-plan-year', message: planMessages.pastPlanYear(year, currentYear), at: 0 }];
}
