import type { Achieved } from './achieved.ts';
import type { PlanDate } from './dates.ts';
import { dayNumber } from './dates.ts';
import { owedInSlot } from './expected.ts';
import type { IndicatorProgressInput } from './indicator-spec.ts';
import { clampShare } from './light.ts';
import type { Schedule } from './schedule.ts';

/**
 * Progress as a share of what is owed so far: `credited / owed`, the numbers every page, the
 * bulletin, the ledger and the evaluation show. Nothing owed yet and nothing done early gives
 * 0 / 0, which is "no progress to judge yet", not 0 % and not 100 %.
 */
export interface Credit {
  /** Accepted work that counts, in the indicator's units (times, months, 1 for one thing). */
  credited: number;
  /** What is owed by the day, plus whatever was done ahead of time (so early work shows). */
  owed: number;
}

/**
 * The credit of one indicator as of a day, from its laid-out schedule and accepted work.
 *
 * - recurring: every ended period owes its need and is credited with what it got; a period not yet
 *   ended counts only with the work already done in it (early work raises both numbers).
 * - count: per slot, the share of the need owed by the day (as the lights expect it), or more when
 *   more was done.
 * - one thing (deliverable, event, project, deadline): owed once its due date has passed, or once
 *   done; a project is done at its completion (竣工验收), its earlier milestones are told, not counted.
 * - percent: one result owed at the due date (or once reached), credited once the value is reached.
 *
 * Credits are whole numbers, so the evaluation counts exactly what the board shows.
 * - completion (办结) accepted: the whole promise, credited in full.
 */
export function creditOf(
  input: IndicatorProgressInput,
  schedule: Schedule,
  achieved: Achieved,
  asOf: PlanDate,
  completionAccepted: boolean,
): Credit {
  const units = input.kind === 'percent' ? 1 : schedule.target;
  if (completionAccepted) return { credited: units, owed: units };
  const today = dayNumber(asOf);
  if (today < dayNumber(schedule.startOn)) return { credited: 0, owed: 0 };
  switch (input.kind) {
    case 'recurring': {
      let credited = 0;
      let owed = 0;
      schedule.slots.forEach((slot, index) => {
        const got = achieved.perSlot[index] ?? 0;
        credited += got;
        owed += dayNumber(slot.closeOn) < today ? slot.need : got;
      });
      return { credited, owed };
    }
    case 'count': {
      let credited = 0;
      let owed = 0;
      schedule.slots.forEach((slot, index) => {
        const got = achieved.perSlot[index] ?? 0;
        credited += got;
        owed += Math.max(owedInSlot(slot, today), got);
      });
      return { credited, owed };
    }
    case 'percent': {
      // One result, reached or not: whole numbers keep the evaluation's arithmetic exact.
      const reached = schedule.target > 0 && achieved.actual >= schedule.target;
      if (reached) return { credited: 1, owed: 1 };
      return today > dayNumber(schedule.dueOn) ? { credited: 0, owed: 1 } : { credited: 0, owed: 0 };
    }
    default: {
      // One thing (or n events): a project counts only its completion (竣工验收), not its milestones.
      const due = today > dayNumber(schedule.dueOn);
      const got = Math.min(schedule.target, achieved.actual);
      return { credited: got, owed: Math.max(due ? schedule.target : 0, got) };
    }
  }
}

/** Adds credits up. */
export function sumCredits(credits: Iterable<Credit>): Credit {
  let credited = 0;
  let owed = 0;
  for (const c of credits) {
    credited += c.credited;
    owed += c.owed;
  }
  return { credited, owed };
}

/** The share a credit makes, or null when nothing is owed yet. */
export function creditShare(credit: Credit): number | null {
  return credit.owed > 0 ? clampShare(credit.credited / credit.owed) : null;
}
