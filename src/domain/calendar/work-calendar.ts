// Working-day arithmetic over plan dates (YYYY-MM-DD, Asia/Shanghai calendar days). Pure: the days
// that differ from Monday–Friday come from the calendar table (see loadWorkCalendar).

/** A day that differs from the Monday–Friday rule: a holiday on a weekday, or a working weekend day. */
export interface CalendarDay {
  /** YYYY-MM-DD. */
  date: string;
  kind: 'holiday' | 'workday';
  /** The holiday it belongs to, e.g. 春节; for a workday, the holiday it makes up for. */
  name: string;
}

/** Working days: Monday–Friday, except holidays, plus swapped working weekend days (调休). */
export class WorkCalendar {
  private readonly exceptions: Map<string, CalendarDay>;

  constructor(days: readonly CalendarDay[]) {
    this.exceptions = new Map(days.map((d) => [d.date, d]));
  }

  /** Whether people work on the day. */
  isWorkingDay(date: string): boolean {
    const exception = this.exceptions.get(date);
    if (exception) return exception.kind === 'workday';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The holiday or swapped workday a date is, if any. */
  exceptionOn(date: string): CalendarDay | undefined {
    return this.exceptions.get(date);
  }

  /** The day itself when it is a working day, else the next working day after it. */
  nextWorkingDay(date: string): string {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /**
   * The working day `n` working days after `date` (before it when n is negative); n = 0 gives
   * nextWorkingDay(date). E.g. 3 working days before a due date: addWorkingDays(due, -3).
   */
  addWorkingDays(date: string, n: number): string {
    if (n === 0) return this.nextWorkingDay(date);
    const step = n > 0 ? 1 : -1;
    let day = date;
    let left = Math.abs(n);
    while (left > 0) {
      day = addDays(day, step);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (0 when to ≤ from). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count++;
    return count;
  }
}

/** A plan date moved by whole calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
