import type { PlanDate } from './dates.ts';
import { dayNumber, daysBetween } from './dates.ts';
import type { Light } from './light.ts';
import { messages, reportPeriodLabel } from './messages.ts';
import type { LightSettings } from './settings.ts';
import { defaultLightSettings } from './settings.ts';

/** The review state of a report's latest submission (the DB's ReviewState). */
export type ReportState = 'submitted' | 'accepted' | 'returned';

/** One reporting period of a task and where its report stands. */
export interface ReportSlot {
  /** The period key, e.g. '2024-05'. */
  period: string;
  /** Named in reasons; defaults to '5月' for '2024-05', else the key. */
  label?: string;
  /** The unit that owes it, when the task has several owners (reasons are told per unit). */
  unit?: string;
  /** The current due date of the report. */
  dueOn: PlanDate;
  /** The date of the latest submission (Asia/Shanghai day), if any. */
  submittedOn?: PlanDate;
  /** The latest submission's review state; a returned report counts as not submitted. */
  state?: ReportState;
}

/** A task's reporting periods due so far or later. */
export interface ReportLightInput {
  periods: readonly ReportSlot[];
}

/** One report outstanding past its due day. */
export interface LateReport {
  period: string;
  label: string;
  unit?: string;
  dueOn: PlanDate;
  /** Days since the due day. */
  days: number;
}

/** The light of a task's reporting, with the reason and the late periods. */
export interface ReportLight {
  light: Light;
  /** Per unit, e.g. '办公室：3–5月报告未交，最长逾期82天；行政审批股：5月报告逾期19天'. */
  reason: string;
  /** Keys of the periods whose report is overdue as of the day. */
  overdue: string[];
  /** Days the oldest overdue report is late (0 when none is). */
  overdueDays: number;
  /** Every report outstanding past its due day, oldest first. */
  late: LateReport[];
}

/**
 * Computes the light of a task's reporting: yellow while a report is up to reportGraceDays late,
 * red when later; green when every report due has been handed in; grey when none is due yet.
 */
export function computeReportLight(
  input: ReportLightInput,
  asOf: PlanDate,
  settings: LightSettings = defaultLightSettings,
): ReportLight {
  const today = dayNumber(asOf);
  // Only reports outstanding today make the light: one handed in late no longer is, and its
  // lateness belongs to the year-end evaluation, not to today's light.
  const late: LateReport[] = input.periods
    .filter((slot) => dayNumber(slot.dueOn) < today && !isHandedIn(slot, today))
    .map((slot) => ({
      period: slot.period,
      label: slot.label ?? reportPeriodLabel(slot.period),
      ...(slot.unit !== undefined ? { unit: slot.unit } : {}),
      dueOn: slot.dueOn,
      days: daysBetween(slot.dueOn, asOf),
    }))
    .sort((a, b) => b.days - a.days || a.period.localeCompare(b.period));
  if (late.length > 0) {
    const red = late.filter((entry) => entry.days > settings.reportGraceDays);
    const worst = red.length > 0 ? red : late;
    return {
      light: red.length > 0 ? 'red' : 'yellow',
      reason: messages.join(lateReportReasons(worst)),
      overdue: late.map((entry) => entry.period),
      overdueDays: late[0]?.days ?? 0,
      late,
    };
  }
  const anyDue = input.periods.some((slot) => dayNumber(slot.dueOn) < today || isHandedIn(slot, today));
  return anyDue
    ? { light: 'green', reason: messages.reportsInOrder(), overdue: [], overdueDays: 0, late: [] }
    : { light: 'grey', reason: messages.noReportDue(), overdue: [], overdueDays: 0, late: [] };
}

/**
 * Late reports in words, one clause per unit (first-seen order, the worst first): one period reads
 * '5月报告逾期19天', several '3–5月报告未交，最长逾期82天', prefixed with the unit when named.
 */
export function lateReportReasons(late: readonly LateReport[]): string[] {
  const byUnit = new Map<string, LateReport[]>();
  for (const entry of late) {
    const key = entry.unit ?? '';
    byUnit.set(key, [...(byUnit.get(key) ?? []), entry]);
  }
  return [...byUnit].map(([unit, entries]) => {
    const oldest = Math.max(...entries.map((e) => e.days));
    const text =
      entries.length === 1
        ? messages.reportOverdue(entries[0]?.label ?? '', oldest)
        : messages.reportsMissing(periodRange(entries), oldest);
    return unit ? messages.labelled(unit, text) : text;
  });
}

/** Several periods as one phrase: consecutive months of a year as '3–5月', others joined with '、'. */
export function periodRange(entries: ReadonlyArray<Pick<LateReport, 'period' | 'label'>>): string {
  const sorted = [...entries].sort((a, b) => a.period.localeCompare(b.period));
  const months = sorted.map((e) => /^(\d{4})-(\d{2})$/.exec(e.period));
  if (months.every((m) => m !== null)) {
    const runs: string[] = [];
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      const prev = months[i - 1];
      const here = months[i];
      const consecutive = here && prev && here[1] === prev[1] && Number(here[2]) === Number(prev[2]) + 1;
      if (!consecutive) {
        const first = Number(months[start]?.[2]);
        const last = Number(prev?.[2]);
        runs.push(first === last ? `${first}月` : `${first}–${last}月`);
        start = i;
      }
    }
    return runs.join('、');
  }
  return sorted.map((e) => e.label).join('、');
}

// Submitted and awaiting review counts: the department did its part; a returned one does not.
function isHandedIn(slot: ReportSlot, today: number): boolean {
  return slot.submittedOn !== undefined && slot.state !== 'returned' && dayNumber(slot.submittedOn) <= today;
}
