import type { IndicatorPeriod } from '../../notice/types.ts';
import type { SchoolCalendar } from './calendar.ts';
import type { PlanDate } from './dates.ts';
import { dateOfDay, dateParts, dayNumber, lastDayOfMonth, planDate } from './dates.ts';
import { periodLabels } from './messages.ts';
import type { Period } from './period.ts';

/** The periods of one kind that share at least one day with fromOn..toOn, in date order. */
export function periodsOverlapping(
  per: IndicatorPeriod,
  fromOn: PlanDate,
  toOn: PlanDate,
  calendar: SchoolCalendar,
): Period[] {
  if (dayNumber(toOn) < dayNumber(fromOn)) return [];
  switch (per) {
    case 'week':
      return weeks(fromOn, toOn);
    case 'month':
      return months(fromOn, toOn, 1);
    case 'quarter':
      return months(fromOn, toOn, 3);
    case 'term':
      return calendar.termsOverlapping(fromOn, toOn);
    case 'year':
      return years(fromOn, toOn);
  }
}

/** The period of one kind that contains a date, if any (a summer day is in no term). */
export function periodContaining(
  per: IndicatorPeriod,
  date: PlanDate,
  calendar: SchoolCalendar,
): Period | undefined {
  return periodsOverlapping(per, date, date, calendar)[0];
}

/** Days of a period from its first to its last, inclusive. */
export function periodLength(period: Period): number {
  return dayNumber(period.endOn) - dayNumber(period.startOn) + 1;
}

function months(fromOn: PlanDate, toOn: PlanDate, size: 1 | 3): Period[] {
  const from = dateParts(fromOn);
  const to = dateParts(toOn);
  const periods: Period[] = [];
  // Count months from year 0 so quarters and year ends need no special case.
  const first = from.year * 12 + Math.floor((from.month - 1) / size) * size;
  for (let index = first; index <= to.year * 12 + to.month - 1; index += size) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const quarter = (month + 2) / 3;
    periods.push({
      key: size === 1 ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${quarter}`,
      ...(size === 1 ? periodLabels.month(year, month) : periodLabels.quarter(year, quarter)),
      year,
      startOn: planDate(year, month, 1),
      endOn: lastDayOfMonth(year, month + size - 1),
    });
  }
  return periods;
}

function years(fromOn: PlanDate, toOn: PlanDate): Period[] {
  const periods: Period[] = [];
  for (let year = dateParts(fromOn).year; year <= dateParts(toOn).year; year++) {
    periods.push({
      key: String(year),
      ...periodLabels.year(year),
      year,
      startOn: planDate(year, 1, 1),
      endOn: planDate(year, 12, 31),
    });
  }
  return periods;
}

// Weeks run Monday to Sunday and are numbered as ISO 8601 does: week 1 holds the year's first
// Thursday, so 2024-12-30 falls in 2025年第1周.
function weeks(fromOn: PlanDate, toOn: PlanDate): Period[] {
  const periods: Period[] = [];
  const first = dayNumber(fromOn);
  // Day 0 (1970-01-01) was a Thursday, so (day + 3) mod 7 is 0 on Mondays.
  const firstMonday = first - ((((first + 3) % 7) + 7) % 7);
  for (let monday = firstMonday; monday <= dayNumber(toOn); monday += 7) {
    const thursday = dateParts(dateOfDay(monday + 3));
    const week = Math.floor((monday + 3 - dayNumber(planDate(thursday.year, 1, 1))) / 7) + 1;
    periods.push({
      key: `${thursday.year}-W${String(week).padStart(2, '0')}`,
      ...periodLabels.week(thursday.year, week),
      year: thursday.year,
      startOn: dateOfDay(monday),
      endOn: dateOfDay(monday + 6),
    });
  }
  return periods;
}
