import type { PlanDate } from './dates.ts';

/** One calendar period of a recurring promise or a report: a week, month, quarter, term or year. */
export interface Period {
  /** Stable key, e.g. '2024-05', '2024-Q2', '2024-W19', '2024-spring', '2024'. */
  key: string;
  /** Full label, e.g. '2024年5月'. */
  label: string;
  /** Label without the year, e.g. '5月', for reasons that name periods of one year. */
  shortLabel: string;
  /** The calendar year the label names (an autumn term belongs to the year it begins). */
  year: number;
  startOn: PlanDate;
  /** Last day of the period, inclusive. */
  endOn: PlanDate;
}
