// The reporting rule (填报规则), the one place it lives: how often a task's owners report and when
// each period's report is due. Pure: the caller loads the calendars and the rules (load-reporting.ts).
import type { ReportingCycle, ReportingSettings } from '../../shared/settings.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import type { Period, PlanDate, SchoolCalendar } from '../lights/index.ts';
import { countedPeriods, dateParts, lastDayOfMonth, periodsOverlapping, planDate } from '../lights/index.ts';

/** A cycle and due day (the organization's settings, or what applies to a plan or task). */
export type ReportingRule = ReportingSettings;

/** A plan's or task's own fields; null inherits. */
export interface ReportingOverride {
  cycle: ReportingCycle | null;
  dueDay: number | null;
}

/** The calendars a due date depends on. */
export interface ReportingCalendars {
  work: WorkCalendar;
  school: SchoolCalendar;
}

/** One reporting period with its due date and the monthly report keys that count for it. */
export interface ReportingPeriod extends Period {
  /** The configured day of the month, before moving off days off. */
  nominalOn: PlanDate;
  /** The due date: nominalOn, or the next working day. */
  dueOn: PlanDate;
  /**
   * Reports are filed per month ('YYYY-MM'); a quarter's or term's report is the one filed for any
   * of its months, so a unit files as it always does whatever its cycle.
   */
  months: string[];
}

/** The rule after overrides: the task's own fields over the plan's over the organization's. */
export function resolveRule(
  base: ReportingRule,
  ...overrides: Array<ReportingOverride | undefined>
): ReportingRule {
  let rule = base;
  for (const o of overrides) {
    if (o) rule = { cycle: o.cycle ?? rule.cycle, dueDay: o.dueDay ?? rule.dueDay };
  }
  return rule;
}

/**
 * The day a period's report is due. A month's report is due on the due day of that month (每月25日前
 * 报送当月进展); a quarter's or term's after it ends, on the due day of the month that follows
 * (季度结束后次月25日前). A due day on a weekend or holiday moves to the next working day.
 */
export function periodDueOn(
  rule: ReportingRule,
  period: Pick<Period, 'startOn' | 'endOn'>,
  work: WorkCalendar,
): { nominalOn: PlanDate; dueOn: PlanDate } {
  const anchor = dateParts(rule.cycle === 'month' ? period.startOn : period.endOn);
  const month = rule.cycle === 'month' ? anchor.month : anchor.month + 1;
  const year = anchor.year + (month > 12 ? 1 : 0);
  const nominalOn = planDate(year, ((month - 1) % 12) + 1, rule.dueDay);
  return { nominalOn, dueOn: work.nextWorkingDay(nominalOn) };
}

/** The reporting periods a task owes between its start and end (the lights' counting rule). */
export function reportingPeriods(
  rule: ReportingRule,
  startOn: PlanDate,
  endOn: PlanDate,
  calendars: ReportingCalendars,
): ReportingPeriod[] {
  return countedPeriods(rule.cycle, startOn, endOn, calendars.school).map((p) => withDue(rule, p, calendars));
}

/** Every reporting period that overlaps a span (a year's due dates for the calendar page). */
export function periodsOfSpan(
  rule: ReportingRule,
  fromOn: PlanDate,
  toOn: PlanDate,
  calendars: ReportingCalendars,
): ReportingPeriod[] {
  return periodsOverlapping(rule.cycle, fromOn, toOn, calendars.school).map((p) =>
    withDue(rule, p, calendars),
  );
}

/**
 * The period whose reports are collected on a day: the latest one begun by then (in a vacation, the
 * term just ended), with the month key to file under — the day's month, or the period's last month
 * once it has ended, so a report is never filed for a future month.
 */
export function openReportingPeriod(
  rule: ReportingRule,
  today: PlanDate,
  calendars: ReportingCalendars,
): ReportingPeriod & { fileAs: string } {
  const { year } = dateParts(today);
  const begun = periodsOfSpan(rule, planDate(year - 1, 1, 1), today, calendars).filter(
    (p) => p.startOn <= today,
  );
  const period =
    begun.at(-1) ??
    withDue(
      rule,
      { key: today.slice(0, 7), label: '', shortLabel: '', year, startOn: today, endOn: today },
      calendars,
    );
  const thisMonth = today.slice(0, 7);
  const fileAs = period.months.includes(thisMonth) ? thisMonth : (period.months.at(-1) ?? thisMonth);
  return { ...period, fileAs };
}

function withDue(rule: ReportingRule, period: Period, calendars: ReportingCalendars): ReportingPeriod {
  return { ...period, ...periodDueOn(rule, period, calendars.work), months: monthsOf(period) };
}

/** The month keys from a period's first month to its last. */
export function monthsOf(period: Pick<Period, 'startOn' | 'endOn'>): string[] {
  const months: string[] = [];
  const from = dateParts(period.startOn);
  const to = dateParts(period.endOn);
  for (let index = from.year * 12 + from.month - 1; index <= to.year * 12 + to.month - 1; index++) {
    months.push(lastDayOfMonth(Math.floor(index / 12), (index % 12) + 1).slice(0, 7));
  }
  return months;
}
