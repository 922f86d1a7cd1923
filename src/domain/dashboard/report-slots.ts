import { filingForPeriod } from '../reporting/filing.ts';
import type { PlanReporting } from '../reporting/load-reporting.ts';
import { reportingPeriods } from '../reporting/reporting-rule.ts';

/** How a due (or already handed-in) report stands as of a day; 'notDue' is neither. */
export type ReportOutcome = 'onTime' | 'late' | 'missing' | 'notDue';

/** One expected report: a unit owes it on a task for a reporting period. */
export interface ExpectedReport {
  taskId: number;
  unitId: number;
  /** The period key: the month 'YYYY-MM', or a quarter or term ('2024-Q2', '2024-spring'). */
  period: string;
  dueOn: string;
  /** The month keys a report answering for the period may be filed under. */
  months: string[];
  /** The month of the trend it is counted in: the period's own month, else the month it is due. */
  trendMonth: string;
}

/** An owner of a task as the reporting tally reads it. */
export interface ReportOwner {
  taskId: number;
  unitId: number;
  startOn: string;
  dueOn: string;
  /** The Asia/Shanghai day completion was accepted, for done tasks. */
  completedOn: string | null;
}

/** A report as handed in: its latest submission day (Asia/Shanghai) and review state. */
export interface ReportFiling {
  taskId: number;
  unitId: number;
  period: string;
  submittedOn: string;
  state: 'submitted' | 'accepted' | 'returned';
}

/**
 * The reports an owner owes on a task: the periods of the task's reporting rule the lights count (at
 * least half inside the task, up to the plan year's end or the task's due date), due as the rule and
 * the working-day calendar say, less those due after the task's completion was accepted — finished
 * work owes no further reports.
 */
export function expectedReports(
  owner: ReportOwner,
  year: number,
  reporting: PlanReporting,
): ExpectedReport[] {
  const yearEnd = `${year}-12-31`;
  const endOn = owner.dueOn < yearEnd ? owner.dueOn : yearEnd;
  return reportingPeriods(reporting.ruleOfTask(owner.taskId), owner.startOn, endOn, reporting)
    .map((period) => ({
      taskId: owner.taskId,
      unitId: owner.unitId,
      period: period.key,
      dueOn: period.dueOn,
      months: period.months,
      trendMonth: period.months.length === 1 ? period.key : period.dueOn.slice(0, 7),
    }))
    .filter((slot) => owner.completedOn === null || slot.dueOn <= owner.completedOn);
}

/** The filing that answers for an expected report, from filings keyed 'task/unit/month'. */
export function filingOf(
  slot: ExpectedReport,
  filed: ReadonlyMap<string, ReportFiling>,
): ReportFiling | undefined {
  return filingForPeriod(slot.months, (month) => filed.get(`${slot.taskId}/${slot.unitId}/${month}`));
}

/**
 * How an expected report stands as of a day: on time when handed in by its due day, late when
 * handed in after it, missing when its due day has passed without one. A returned report counts
 * as not handed in (as in the lights); a submission after the day is not seen yet.
 */
export function reportOutcome(
  slot: ExpectedReport,
  filing: ReportFiling | undefined,
  asOf: string,
): ReportOutcome {
  const handedIn = filing !== undefined && filing.state !== 'returned' && filing.submittedOn <= asOf;
  if (handedIn) return filing.submittedOn <= slot.dueOn ? 'onTime' : 'late';
  return slot.dueOn < asOf ? 'missing' : 'notDue';
}
