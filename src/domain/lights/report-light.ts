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

/** The light of a task's reporting, with the reason and the late periods. */
export interface ReportLight {
  light: Light;
  reason: string;
  /** Keys of the periods whose report is overdue as of the day. */
  overdue: string[];
  /** Days the oldest overdue report is late (0 when none is). */
  overdueDays: number;
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
  const late = input.periods
    .filter((slot) => dayNumber(slot.dueOn) < today && !isHandedIn(slot, today))
    .map((slot) => ({ slot, days: daysBetween(slot.dueOn, asOf) }))
    .sort((a, b) => b.days - a.days);
  if (late.length > 0) {
    const red = late.filter((entry) => entry.days > settings.reportGraceDays);
    const worst = red.length > 0 ? red : late;
    return {
      light: red.length > 0 ? 'red' : 'yellow',
      reason: messages.join(
        worst.map(({ slot, days }) =>
          messages.reportOverdue(slot.label ?? reportPeriodLabel(slot.period), days),
        ),
      ),
      overdue: late.map((entry) => entry.slot.period),
      overdueDays: late[0]?.days ?? 0,
    };
  }
  const anyDue = input.periods.some((slot) => dayNumber(slot.dueOn) < today || isHandedIn(slot, today));
  return anyDue
    ? { light: 'green', reason: messages.reportsInOrder(), overdue: [], overdueDays: 0 }
    : { light: 'grey', reason: messages.noReportDue(), overdue: [], overdueDays: 0 };
}

// Submitted and awaiting review counts: the department did its part; a returned one does not.
function isHandedIn(slot: ReportSlot, today: number): boolean {
  return slot.submittedOn !== undefined && slot.state !== 'returned' && dayNumber(slot.submittedOn) <= today;
}
