import { achievedOf } from './achieved.ts';
import type { SchoolCalendar } from './calendar.ts';
import { defaultSchoolCalendar } from './calendar.ts';
import { creditOf } from './credit.ts';
import type { PlanDate } from './dates.ts';
import { dateOfDay, dayNumber, daysBetween } from './dates.ts';
import { expectedOf } from './expected.ts';
import type { IndicatorProgressInput } from './indicator-spec.ts';
import type { Light } from './light.ts';
import { clampShare } from './light.ts';
import { messages } from './messages.ts';
import { indicatorReasons } from './reasons.ts';
import { type Schedule, scheduleOf } from './schedule.ts';
import type { LightSettings } from './settings.ts';
import { defaultLightSettings } from './settings.ts';

/** An indicator's light with the numbers behind it. */
export interface IndicatorLight {
  light: Light;
  /** What the wording requires by asOf. */
  expected: number;
  /**
   * What accepted work adds up to by asOf (percent: the latest accepted value). For recurring it
   * includes the current period, but the light weighs only ended periods against `expected`.
   */
  actual: number;
  /** What the wording requires over the plan year. */
  target: number;
  /** Share of the target achieved, 0..1 (1 once done). */
  progress: number;
  /** Accepted work that counts toward what is owed so far (see credit.ts). */
  credited: number;
  /** What is owed so far, plus work done ahead of time; 0 when nothing is owed or done yet. */
  owed: number;
  /** Why, in Chinese. */
  reason: string;
  /** The current due date (the stated one, else the plan year's end). */
  dueOn: PlanDate;
  /** recurring: full labels of the ended periods not covered, e.g. '2024年5月'. */
  missing?: string[];
  /**
   * When the light is red or yellow for work not done in time: the day the oldest unmet part fell
   * due (the due date; a missed period's last day; the day a count's share was due), so "逾期N天"
   * is always measured from a date that can be printed beside it.
   */
  lateSince?: PlanDate;
}

/** Computes an indicator's light as of a day from accepted work, by the rules of DESIGN.md. */
export function computeIndicatorLight(
  input: IndicatorProgressInput,
  asOf: PlanDate,
  settings: LightSettings = defaultLightSettings,
  calendar: SchoolCalendar = defaultSchoolCalendar,
): IndicatorLight {
  const schedule = scheduleOf(input, calendar);
  const expected = expectedOf(input.kind, schedule, asOf);
  const { actual, perSlot } = achievedOf(input, schedule, asOf);
  const { target, dueOn } = schedule;
  const progress = target > 0 ? clampShare(actual / target) : 0;
  const today = dayNumber(asOf);
  const closed = schedule.slots.map((slot) => dayNumber(slot.closeOn) < today);
  const missing = schedule.slots
    .filter((slot, index) => input.kind === 'recurring' && closed[index] && (perSlot[index] ?? 0) < slot.need)
    .map((slot) => slot.period);
  // A recurring promise is judged period by period: May's missed session stays missed even if
  // June's is already held, so only ended periods are weighed against what is expected.
  const counted =
    input.kind === 'recurring' ? perSlot.reduce((sum, n, index) => sum + (closed[index] ? n : 0), 0) : actual;
  const done = isCompletionAccepted(input.completionAccepted, asOf);
  const credit = creditOf(input, schedule, { actual, perSlot }, asOf, done);
  const result = (light: Light, reason: string): IndicatorLight => ({
    light,
    expected,
    actual,
    target,
    progress: light === 'done' ? 1 : progress,
    credited: credit.credited,
    owed: credit.owed,
    reason,
    dueOn,
    ...(input.kind === 'recurring' ? { missing: missing.map((period) => period.label) } : {}),
  });

  if (done) return result('done', messages.done());
  if (today < dayNumber(input.startOn)) return result('grey', messages.notStarted(input.startOn));
  const words = indicatorReasons(input, { expected, actual, counted, target, dueOn, missing });
  const open = actual < target;
  const daysLeft = daysBetween(asOf, dueOn);
  if (open && daysLeft < 0) return { ...result('red', words.overdue(-daysLeft)), lateSince: dueOn };
  const lagging = (light: Light): IndicatorLight => {
    const since = lateSinceOf(input.kind, schedule, perSlot, closed);
    return { ...result(light, words.lagging()), ...(since ? { lateSince: since } : {}) };
  };
  if (expected > 0 && counted < settings.redBelowShare * expected) return lagging('red');
  if (counted < expected) return lagging('yellow');
  if (open && daysLeft <= settings.dueSoonDays) return result('yellow', words.dueSoon(daysLeft));
  return result('green', words.onTrack());
}

/** Whether completion counts as accepted on a day: true, or a date on or before it. */
export function isCompletionAccepted(accepted: boolean | PlanDate | undefined, asOf: PlanDate): boolean {
  if (typeof accepted === 'string') return dayNumber(accepted) <= dayNumber(asOf);
  return accepted === true;
}

/**
 * The day the oldest unmet part of a lagging promise fell due: a recurring promise's first missed
 * period's last day; for a count, the last day before the share owed first passed what is done.
 */
function lateSinceOf(
  kind: IndicatorProgressInput['kind'],
  schedule: Schedule,
  perSlot: readonly number[],
  closed: readonly boolean[],
): PlanDate | undefined {
  if (kind === 'recurring') {
    const index = schedule.slots.findIndex((slot, i) => closed[i] && (perSlot[i] ?? 0) < slot.need);
    return index >= 0 ? schedule.slots[index]?.closeOn : undefined;
  }
  if (kind === 'count') {
    for (const [i, slot] of schedule.slots.entries()) {
      const done = perSlot[i] ?? 0;
      if (done >= slot.need) continue;
      // owedInSlot reaches done + 1 on the first day d with need × (d − start + 1) ≥ (done + 1) × days.
      const first = dayNumber(slot.period.startOn);
      const days = dayNumber(slot.closeOn) - first + 1;
      const owedFrom = first + Math.ceil(((done + 1) * days) / slot.need) - 1;
      return dateOfDay(owedFrom - 1);
    }
  }
  return undefined;
}
