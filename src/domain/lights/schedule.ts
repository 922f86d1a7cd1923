import type { IndicatorPeriod } from '../../notice/types.ts';
import type { SchoolCalendar } from './calendar.ts';
import type { PlanDate } from './dates.ts';
import { dayNumber, maxDate, minDate } from './dates.ts';
import type { IndicatorSpec } from './indicator-spec.ts';
import { periodLabels } from './messages.ts';
import type { Period } from './period.ts';
import { periodLength, periodsOverlapping } from './periods.ts';

/** One stretch of time the indicator expects something in, and how much. */
export interface Slot {
  period: Period;
  /** The day the slot closes: its period's end, or the due date for a last period that reaches it. */
  closeOn: PlanDate;
  /** How many occurrences the slot needs. */
  need: number;
}

/** An indicator's dates and slots, with its inputs made safe (start ≤ end, positive minimums). */
export interface Schedule {
  startOn: PlanDate;
  /** The current due date: the stated one, else the plan year's end. */
  dueOn: PlanDate;
  /** recurring and count: the slots; other kinds: one slot over the whole task. */
  slots: Slot[];
  target: number;
}

/** Lays an indicator's promise out over the calendar; the basis of expected, actual and target. */
export function scheduleOf(spec: IndicatorSpec, calendar: SchoolCalendar): Schedule {
  const startOn = spec.startOn;
  const endOn = maxDate(spec.endOn, startOn);
  const dueOn = maxDate(spec.due ?? endOn, startOn);
  const times = positiveWhole(spec.min, 1);
  const whole: Period = {
    key: 'plan',
    ...periodLabels.wholePlan(),
    year: 0,
    startOn,
    endOn: dueOn,
  };
  switch (spec.kind) {
    case 'recurring':
    case 'count': {
      const per = spec.kind === 'recurring' ? (spec.per ?? 'month') : spec.per;
      // A due date before the year end narrows the periods (6月底前每月…); a later one (an approved
      // extension) adds no periods but keeps the last one open until it.
      const spanEnd = minDate(endOn, dueOn);
      const periods = per ? countedPeriods(per, startOn, spanEnd, calendar) : [whole];
      const slots = periods.map((period, index) => {
        // A period running past the plan (the autumn term into January) closes with it.
        const closeOn = minDate(period.endOn, spanEnd);
        const last = index === periods.length - 1 && closeOn === spanEnd;
        return { period, closeOn: last ? dueOn : closeOn, need: times };
      });
      return { startOn, dueOn, slots, target: times * slots.length };
    }
    case 'percent': {
      const value =
        spec.value !== undefined && Number.isFinite(spec.value) && spec.value > 0 ? spec.value : 100;
      return { startOn, dueOn, slots: [{ period: whole, closeOn: dueOn, need: 1 }], target: value };
    }
    case 'event':
      return { startOn, dueOn, slots: [{ period: whole, closeOn: dueOn, need: times }], target: times };
    default:
      // deliverable, project, deadline: one thing done by the due date.
      return { startOn, dueOn, slots: [{ period: whole, closeOn: dueOn, need: 1 }], target: 1 };
  }
}

/**
 * The periods a recurring or counted promise covers between the task's start and end.
 *
 * A period counts when at least half of its days lie inside the task: published on 2024-02-23,
 * a monthly promise skips February (7 of 29 days) but a yearly or per-term one still counts 2024
 * and the spring term. When no period reaches half (a task shorter than half a period), the one
 * with the most days inside counts, so a promise never has nothing to do.
 */
export function countedPeriods(
  per: IndicatorPeriod,
  startOn: PlanDate,
  endOn: PlanDate,
  calendar: SchoolCalendar,
): Period[] {
  const inside = (period: Period) =>
    Math.min(dayNumber(period.endOn), dayNumber(endOn)) -
    Math.max(dayNumber(period.startOn), dayNumber(startOn)) +
    1;
  const overlapping = periodsOverlapping(per, startOn, endOn, calendar);
  const counted = overlapping.filter((period) => inside(period) * 2 >= periodLength(period));
  if (counted.length > 0 || overlapping.length === 0) return counted;
  const best = overlapping.reduce((a, b) => (inside(b) > inside(a) ? b : a));
  return [best];
}

function positiveWhole(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}
