import type { ItemIndicatorRow } from '../../db/queries/plan-items.ts';
import { defaultSchoolCalendar } from '../lights/calendar.ts';
import { maxDate, minDate } from '../lights/dates.ts';
import { countedPeriods } from '../lights/schedule.ts';

/** A reporting slot of a recurring indicator. */
export interface SlotSpec {
  label: string;
  startsOn: string;
  endsOn: string;
}

/**
 * A published task's start: the publish day, kept inside the plan year. A plan published before
 * its year starts on 1 January; one entered after its year is over (back-filling a past year's
 * record) starts on its issue date, or 1 January when that date lies outside the year.
 */
export function taskStartOn(publishedOn: string, year: number, issuedOn: string | null): string {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  if (publishedOn <= yearEnd) return maxDate(publishedOn, yearStart);
  return issuedOn !== null && issuedOn >= yearStart && issuedOn <= yearEnd ? issuedOn : yearStart;
}

/**
 * A task's due date: the latest stated due date of its indicators when every indicator states
 * one (a task of only 6月底前 promises is due then), else the plan year's end.
 */
export function taskDueOn(indicators: readonly ItemIndicatorRow[], year: number, startOn: string): string {
  const yearEnd = `${year}-12-31`;
  const dues = indicators.map((i) => i.due_on).filter((d): d is string => d !== null);
  const due =
    indicators.length > 0 && dues.length === indicators.length
      ? dues.reduce(maxDate)
      : dues.reduce(maxDate, yearEnd);
  return maxDate(due, startOn);
}

/**
 * The slots of a recurring indicator from the task's start to its due date (at most the year end),
 * by the lights' own rule (countedPeriods: a period counts when at least half of it lies inside),
 * so the stored slots and the computed lights never disagree.
 */
export function recurringSlots(
  per: NonNullable<ItemIndicatorRow['per']>,
  startOn: string,
  dueOn: string,
  year: number,
): SlotSpec[] {
  const endOn = minDate(dueOn, `${year}-12-31`);
  return countedPeriods(per, startOn, maxDate(endOn, startOn), defaultSchoolCalendar).map((p) => ({
    label: p.label,
    startsOn: p.startOn,
    endsOn: p.endOn,
  }));
}
