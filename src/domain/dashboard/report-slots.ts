import { countedPeriods, defaultSchoolCalendar, planDate } from '../lights/index.ts';
import { reportDueDay } from '../plan-lights-build.ts';

/** How a due (or already handed-in) report stands as of a day; 'notDue' is neither. */
export type ReportOutcome = 'onTime' | 'late' | 'missing' | 'notDue';

/** One expected report: a unit owes it on a task for a month. */
export interface ExpectedReport {
  taskId: number;
  unitId: number;
  /** The month, 'YYYY-MM'. */
  period: string;
  dueOn: string;
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
 * The day a month's report is due: the 25th of that month (DESIGN.md: monthly, due the 25th).
 * The one place the rule lives for the dashboard; the lights use the same reportDueDay.
 */
export function reportDueOn(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return planDate(year ?? 0, month ?? 1, reportDueDay);
}

/**
 * The monthly reports an owner owes on a task: the months the lights count (at least half inside
 * the task, up to the plan year's end or the task's due date), less those due after the task's
 * completion was accepted — finished work owes no further reports.
 */
export function expectedReports(owner: ReportOwner, year: number): ExpectedReport[] {
  const yearEnd = `${year}-12-31`;
  const endOn = owner.dueOn < yearEnd ? owner.dueOn : yearEnd;
  return countedPeriods('month', owner.startOn, endOn, defaultSchoolCalendar)
    .map((period) => ({
      taskId: owner.taskId,
      unitId: owner.unitId,
      period: period.key,
      dueOn: reportDueOn(period.key),
    }))
    .filter((slot) => owner.completedOn === null || slot.dueOn <= owner.completedOn);
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
