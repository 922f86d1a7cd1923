/** A plan date, 'YYYY-MM-DD': a calendar day in Asia/Shanghai, never an instant. */
export type PlanDate = string;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

/** The year, month (1–12) and day of a plan date. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

// Day numbers are computed in UTC on purpose: a calendar day has no time zone, and local-time
// Date arithmetic would shift days around daylight-saving changes on the server.
function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999; it also rolls
  // day and month overflow over (month 13 → January of the next year).
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** The parts of a plan date; throws RangeError when the text is not a real YYYY-MM-DD day. */
export function dateParts(date: PlanDate): DateParts {
  const match = datePattern.exec(date);
  if (match) {
    const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (dateOfDay(Math.round(utcMs(parts.year, parts.month, parts.day) / msPerDay)) === date) return parts;
  }
  throw new RangeError(`invalid plan date: ${JSON.stringify(date)} (expected a real YYYY-MM-DD day)`);
}

// A plan's lights compare the same few hundred dates over and over; remembering their day numbers
// (and the reverse) removes most of the cost of a plan page. Bounded so odd inputs cannot grow it.
const cacheLimit = 20_000;
const dayNumbers = new Map<PlanDate, number>();
const datesOfDays = new Map<number, PlanDate>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, value);
  return value;
}

/** Days since 1970-01-01 of a plan date, so date differences are plain subtraction. */
export function dayNumber(date: PlanDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = dateParts(date);
  return remember(dayNumbers, date, Math.round(utcMs(year, month, day) / msPerDay));
}

/** The plan date of a day number (the inverse of dayNumber). */
export function dateOfDay(days: number): PlanDate {
  const known = datesOfDays.get(days);
  if (known !== undefined) return known;
  const date = new Date(days * msPerDay);
  return remember(
    datesOfDays,
    days,
    formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()),
  );
}

/** A plan date from year, month and day; overflowing days or months roll over (2024-13-01 → 2025-01-01). */
export function planDate(year: number, month: number, day: number): PlanDate {
  if (month >= 1 && month <= 12 && day >= 1 && day <= 28) return formatDate(year, month, day);
  return dateOfDay(Math.round(utcMs(year, month, day) / msPerDay));
}

function formatDate(year: number, month: number, day: number): PlanDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date a number of days after (or, when negative, before) another. */
export function addDays(date: PlanDate, days: number): PlanDate {
  return dateOfDay(dayNumber(date) + days);
}

/** Days from one date to another: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: PlanDate, to: PlanDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The last day of a month, leap years included. */
export function lastDayOfMonth(year: number, month: number): PlanDate {
  return planDate(year, month + 1, 0);
}

/** The earlier of two plan dates. */
export function minDate(a: PlanDate, b: PlanDate): PlanDate {
  return dayNumber(a) <= dayNumber(b) ? a : b;
}

/** The later of two plan dates. */
export function maxDate(a: PlanDate, b: PlanDate): PlanDate {
  return dayNumber(a) >= dayNumber(b) ? a : b;
}
