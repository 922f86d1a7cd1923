// The public API of lights: pure functions from data the caller loaded to lights, reasons and
// progress. Nothing here reads the clock or the database; the caller passes asOf.
export type { IndicatorKind, IndicatorPeriod } from '../../notice/types.ts';
export type { SchoolCalendar } from './calendar.ts';
export { defaultSchoolCalendar, defaultTermsOfYear, schoolCalendarFromTerms } from './calendar.ts';
export type { CombinedLight, LightPart, TaskLightInput } from './combine.ts';
export { combineLights } from './combine.ts';
export type { Credit } from './credit.ts';
export { creditOf, creditShare, sumCredits } from './credit.ts';
export type { PlanDate } from './dates.ts';
export { addDays, dateParts, dayNumber, daysBetween, lastDayOfMonth, planDate } from './dates.ts';
export { expectedByDate, targetOf } from './expected.ts';
export type { IndicatorLight } from './indicator-light.ts';
export { computeIndicatorLight, isCompletionAccepted } from './indicator-light.ts';
export type { AcceptedOccurrence, IndicatorProgressInput, IndicatorSpec } from './indicator-spec.ts';
export type { Light, LightCounts } from './light.ts';
export { countLights, isWorse, lights, worstLight } from './light.ts';
export {
  labelClauses,
  messages,
  periodLabels,
  periodUnits,
  summariseClauses,
  timesUnit,
} from './messages.ts';
export type { Period } from './period.ts';
export { periodContaining, periodsOverlapping } from './periods.ts';
export type { LateReport, ReportLight, ReportLightInput, ReportSlot, ReportState } from './report-light.ts';
export { computeReportLight, lateReportReasons, periodRange } from './report-light.ts';
export type { RollUp, RollUpChild } from './roll-up.ts';
export { rollUp, weightedShare } from './roll-up.ts';
export type { Schedule, Slot } from './schedule.ts';
export { countedPeriods, scheduleOf } from './schedule.ts';
export type { LightSettings } from './settings.ts';
export { defaultLightSettings } from './settings.ts';
export type { LightRow, LightSummary } from './summarise.ts';
export { summarise } from './summarise.ts';
