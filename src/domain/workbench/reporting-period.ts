import type { OrganizationReporting } from '../reporting/load-reporting.ts';
import { openReportingPeriod } from '../reporting/reporting-rule.ts';

/** The reporting period open on a day and the day its reports are due. */
export interface ReportingPeriod {
  /** The month a report is filed under now, YYYY-MM. */
  period: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  /** First and last day of the period (a month, quarter or term), YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
}

/**
 * The reporting period open on a Shanghai calendar day under the organization's rule (reporting/):
 * a month, quarter or term, due on the configured day moved to the next working day. Reports are
 * filed per month, so `period` is the month to file under (the day's, or the period's last).
 */
export function currentReportingPeriod(today: string, reporting: OrganizationReporting): ReportingPeriod {
  const open = openReportingPeriod(reporting.rule, today, reporting);
  return { period: open.fileAs, dueOn: open.dueOn, startsOn: open.startOn, endsOn: open.endOn };
}
