import type { PlanDate } from './dates.ts';
import { dayNumber } from './dates.ts';
import type { AcceptedOccurrence, IndicatorProgressInput } from './indicator-spec.ts';
import type { Schedule } from './schedule.ts';

/** What accepted work adds up to: the total toward the target and, per slot, what counts for it. */
export interface Achieved {
  actual: number;
  /** Occurrences counted toward each slot of the schedule, capped at the slot's need. */
  perSlot: number[];
}

/** Counts accepted occurrences (those dated up to asOf) toward an indicator's schedule. */
export function achievedOf(input: IndicatorProgressInput, schedule: Schedule, asOf: PlanDate): Achieved {
  const today = dayNumber(asOf);
  const occurrences = (input.occurrences ?? []).map(toOccurrence).filter((o) => dayNumber(o.on) <= today);
  if (input.kind === 'percent') {
    const value =
      input.latestValue !== undefined && Number.isFinite(input.latestValue) ? input.latestValue : 0;
    return { actual: Math.max(0, value), perSlot: [] };
  }
  if (input.kind !== 'recurring' && input.kind !== 'count') {
    // One thing (or n events) by a date: any accepted occurrence counts, even one logged before the
    // task started, and a late one still fulfils the promise (timeliness is scored at year end).
    const actual = Math.min(schedule.target, occurrences.length);
    return { actual, perSlot: [actual] };
  }
  const counts = schedule.slots.map(() => 0);
  for (const occurrence of occurrences) {
    const index = slotIndexOf(schedule, occurrence);
    if (index >= 0) counts[index] = (counts[index] ?? 0) + 1;
  }
  const perSlot = counts.map((count, index) => Math.min(count, schedule.slots[index]?.need ?? 0));
  return { actual: perSlot.reduce((sum, n) => sum + n, 0), perSlot };
}

// An occurrence covers the period it was logged for, else the one its date falls in. A date past
// the last slot's close counts for the last slot, so work done late still turns a light back.
function slotIndexOf(schedule: Schedule, occurrence: AcceptedOccurrence): number {
  const { slots } = schedule;
  if (occurrence.period !== undefined)
    return slots.findIndex((slot) => slot.period.key === occurrence.period);
  const day = dayNumber(occurrence.on);
  const index = slots.findIndex(
    (slot) => day >= dayNumber(slot.period.startOn) && day <= dayNumber(slot.closeOn),
  );
  const last = slots[slots.length - 1];
  if (index < 0 && last && day > dayNumber(last.closeOn)) return slots.length - 1;
  return index;
}

function toOccurrence(occurrence: PlanDate | AcceptedOccurrence): AcceptedOccurrence {
  return typeof occurrence === 'string' ? { on: occurrence } : occurrence;
}
