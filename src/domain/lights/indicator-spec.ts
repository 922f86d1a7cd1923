import type { IndicatorKind, IndicatorPeriod } from '../../notice/types.ts';
import type { PlanDate } from './dates.ts';

/** What an indicator's wording promises, with the task's dates (from the DB's indicator and task rows). */
export interface IndicatorSpec {
  kind: IndicatorKind;
  /** recurring: how often (default month); count: the period the minimum applies to (全年 → year). */
  per?: IndicatorPeriod;
  /** count: the minimum per period or over the plan; recurring and event: times per period or in all (default 1). */
  min?: number;
  /** count: the stated maximum; informational, meeting the minimum is what is required. */
  max?: number;
  /** percent: the value to reach (default 100). */
  value?: number;
  /** The current (approved) due date; defaults to endOn. An approved extension passes the new date. */
  due?: PlanDate;
  /** The day the task starts (e.g. the plan's publish date); nothing is expected before it. */
  startOn: PlanDate;
  /** The last day of the plan year, e.g. 2024-12-31. */
  endOn: PlanDate;
}

/** One accepted occurrence: its date, and optionally the period key it was logged for ('2024-05'). */
export interface AcceptedOccurrence {
  on: PlanDate;
  /** Overrides the period the date falls in, e.g. May's session held on 2024-06-02 but logged for May. */
  period?: string;
}

/** An indicator with what was achieved toward it, as accepted by review. */
export interface IndicatorProgressInput extends IndicatorSpec {
  /** Accepted occurrences only (returned or pending ones are left out by the caller). */
  occurrences?: readonly (PlanDate | AcceptedOccurrence)[];
  /** percent: the latest accepted value. */
  latestValue?: number;
  /** Completion (办结) accepted: true, or the date it was accepted (counts from that day on). */
  completionAccepted?: boolean | PlanDate;
}
