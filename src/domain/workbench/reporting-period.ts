/** The reporting period open on a day and the day its reports are due. */
export interface ReportingPeriod {
  /** YYYY-MM. */
  period: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  /** First and last day of the period, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
}

/** Day of the month monthly reports are due by default (DESIGN.md, "Report"). */
export const DEFAULT_REPORT_DUE_DAY = 25;

/**
 * The reporting period open on a Shanghai calendar day: its month, due on the 25th. The one place
 * the rule lives, so configurable periods (quarterly, another due day) can replace it later.
 */
export function currentReportingPeriod(today: string): ReportingPeriod {
  const period = today.slice(0, 7);
  const [year, month] = period.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return {
    period,
    dueOn: `${period}-${String(DEFAULT_REPORT_DUE_DAY).padStart(2, '0')}`,
    startsOn: `${period}-01`,
    endsOn: `${period}-${String(lastDay).padStart(2, '0')}`,
  };
}
