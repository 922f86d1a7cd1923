import type { PlanDate } from './dates.ts';
import type { IndicatorSpec } from './indicator-spec.ts';
import { messages, periodUnits, timesUnit } from './messages.ts';
import type { Period } from './period.ts';

/** The numbers a reason is made from. */
export interface ReasonFacts {
  expected: number;
  actual: number;
  /** What counts against `expected`: for recurring, ended periods covered; else the actual. */
  counted: number;
  target: number;
  dueOn: PlanDate;
  /** recurring: ended periods not covered. */
  missing: readonly Period[];
}

/** The reason for each outcome of an indicator's light, worded for its kind. */
export interface IndicatorReasons {
  overdue(days: number): string;
  lagging(): string;
  dueSoon(daysLeft: number): string;
  onTrack(): string;
}

// Long lists of missed weeks would drown the reason; three names and a total say enough.
const namedAtMost = 3;

/** Words for an indicator's light, built from its kind and numbers. */
export function indicatorReasons(spec: IndicatorSpec, facts: ReasonFacts): IndicatorReasons {
  const { expected, actual, counted, target, dueOn } = facts;
  const unit =
    spec.kind === 'recurring' && target > 0 && (spec.min ?? 1) <= 1
      ? periodUnits[spec.per ?? 'month']
      : timesUnit;
  const soFar = messages.soFar(actual, target, unit);
  const lag = (): string => {
    if (spec.kind === 'percent') return messages.percentBelow(target, actual);
    if (spec.kind === 'recurring' && facts.missing.length > 0) {
      return messages.clauses([missedText(facts.missing, unit), messages.lagging(expected, counted)]);
    }
    return messages.lagging(expected, counted);
  };
  const oneThing = spec.kind === 'deliverable' || spec.kind === 'project' || spec.kind === 'deadline';
  return {
    overdue: (days) =>
      messages.clauses(oneThing ? [messages.overdue(dueOn, days)] : [messages.overdue(dueOn, days), lag()]),
    lagging: lag,
    dueSoon: (daysLeft) => {
      if (oneThing) return messages.dueSoon(daysLeft);
      if (spec.kind === 'percent')
        return messages.clauses([messages.dueSoon(daysLeft), messages.percentOnTrack(target, actual)]);
      return messages.clauses([messages.dueSoon(daysLeft), soFar]);
    },
    onTrack: () => {
      if (spec.kind === 'percent') {
        return actual >= target ? messages.percentReached(target) : messages.percentOnTrack(target, actual);
      }
      if (actual >= target && spec.kind !== 'recurring' && spec.kind !== 'count')
        return messages.awaitingCompletion();
      if (oneThing) return messages.notDueYet(dueOn);
      if (spec.kind === 'event') return messages.clauses([messages.notDueYet(dueOn), soFar]);
      // Recurring and counted promises read against what is owed so far, the year's whole beside it.
      return expected > 0
        ? messages.owedDone(expected, counted, target, unit)
        : messages.nothingOwedYet(actual, target, unit);
    },
  };
}

// Short labels ('5月') when the missed periods share a year, full ones ('2024年12月') otherwise.
function missedText(missing: readonly Period[], unit: string): string {
  const sameYear = missing.every((period) => period.year === missing[0]?.year);
  const labels = missing.slice(0, namedAtMost).map((period) => (sameYear ? period.shortLabel : period.label));
  return messages.missed(labels, missing.length - labels.length, unit);
}
