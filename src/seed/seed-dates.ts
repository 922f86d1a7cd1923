// Plan dates ('YYYY-MM-DD', Asia/Shanghai calendar days) and the UTC timestamps of moments on them.

const DAY = 86_400_000;

/** A plan date moved by n days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from one plan date to another. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

const midnights = new Map<string, number>();

/** The UTC ISO timestamp of a Shanghai wall-clock time (minutes after midnight) on a plan date. */
export function shanghaiMoment(date: string, minuteOfDay: number): string {
  let midnight = midnights.get(date);
  if (midnight === undefined) {
    midnight = Date.parse(`${date}T00:00:00Z`);
    midnights.set(date, midnight);
  }
  // China has no daylight saving time: Shanghai is UTC+8 all year.
  return new Date(midnight + (minuteOfDay - 8 * 60) * 60_000).toISOString();
}

/** The later of two plan dates. */
export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two plan dates. */
export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}
