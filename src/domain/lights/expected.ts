import type { SchoolCalendar } from './calendar.ts';
import { defaultSchoolCalendar } from './calendar.ts';
import type { PlanDate } from './dates.ts';
import { dayNumber } from './dates.ts';
import type { IndicatorSpec } from './indicator-spec.ts';
import type { Schedule, Slot } from './schedule.ts';
import { scheduleOf } from './schedule.ts';

/** What an indicator's wording requires by a date (DESIGN.md, "Indicators and lights"). */
export function expectedByDate(
  spec: IndicatorSpec,
  asOf: PlanDate,
  calendar: SchoolCalendar = defaultSchoolCalendar,
): number {
  return expectedOf(spec.kind, scheduleOf(spec, calendar), asOf);
}

/** What an indicator's wording requires over the whole plan year (its due date included). */
export function targetOf(spec: IndicatorSpec, calendar: SchoolCalendar = defaultSchoolCalendar): number {
  return scheduleOf(spec, calendar).target;
}

/** Expected by a date from a laid-out schedule; never more than the target. */
export function expectedOf(kind: IndicatorSpec['kind'], schedule: Schedule, asOf: PlanDate): number {
  const today = dayNumber(asOf);
  if (today < dayNumber(schedule.startOn)) return 0;
  switch (kind) {
    case 'recurring':
      // A period is owed once it has ended: on its last day there is still time (2024-06-01 owes May).
      return schedule.slots.filter((slot) => isClosed(slot, today)).reduce((sum, slot) => sum + slot.need, 0);
    case 'count':
      return schedule.slots.reduce((sum, slot) => sum + owedInSlot(slot, today), 0);
    default:
      // One thing by a date: nothing is owed until the due date has passed.
      return today > dayNumber(schedule.dueOn) ? schedule.target : 0;
  }
}

// Whether a slot's last day lies before the given day number.
function isClosed(slot: Slot, today: number): boolean {
  return dayNumber(slot.closeOn) < today;
}

// need × the share of the slot's days begun by `today` (today included), rounded down: the share of
// 2024 is exactly one half on 2024-07-01 (183 of 366 days) and whole on the slot's last day. It is
// measured from the period's calendar start, not the task's, so 全年不少于两次 owes one by
// mid-year even when the plan was published in February. Integer arithmetic keeps 1/2 exact.
export function owedInSlot(slot: Slot, today: number): number {
  const first = dayNumber(slot.period.startOn);
  const days = dayNumber(slot.closeOn) - first + 1;
  const elapsed = Math.min(days, Math.max(0, today - first + 1));
  return days <= 0 ? slot.need : Math.floor((slot.need * elapsed) / days);
}
