import { z } from 'zod';
import { REPORTING_CYCLES, type ReportingCycle, type ReportingSettings } from './settings.ts';

// Contracts of the working-day calendar, the school calendar and the reporting overrides, shared
// by the HTTP routes and the calendar page.

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A plan date, YYYY-MM-DD. */
export const planDateSchema = z
  .string({ error: '请填写日期' })
  .regex(datePattern, { error: '日期应为 YYYY-MM-DD' });

/** The date of a calendar day in the address of PUT/DELETE /api/calendar/days/:date. */
export const calendarDayParamsSchema = z.object({ date: planDateSchema });

/** A holiday (放假) or a swapped working day (调休上班) as the administrator enters it. */
export const calendarDayInputSchema = z.object({
  kind: z.enum(['holiday', 'workday'], { error: '请选择放假或调休上班' }),
  name: z
    .string({ error: '请填写节日名称' })
    .trim()
    .min(1, { error: '请填写节日名称，如：国庆节' })
    .max(20, { error: '节日名称不超过 20 个字' }),
});

/** A holiday or swapped working day. */
export type CalendarDayInput = z.infer<typeof calendarDayInputSchema>;

/**
 * A day that differs from the Monday–Friday rule for the reader's organization, as GET
 * /api/calendar returns it: the organization's own entry where it has one, else the national default.
 */
export interface CalendarDayView extends CalendarDayInput {
  date: string;
  /** Day of the week, 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** True when this organization set the day itself (本局调整); false for the national default. */
  own: boolean;
  /** The national default of the date when the organization's own entry replaces one (恢复默认 brings it back). */
  national: CalendarDayInput | null;
}

/** One term (学期) or vacation (寒假、暑假) of a school year. */
export const schoolCalendarEntrySchema = z.object({
  kind: z.enum(['term', 'vacation'], { error: '请选择学期或假期' }),
  name: z
    .string({ error: '请填写名称' })
    .trim()
    .min(1, { error: '请填写名称，如：秋季学期' })
    .max(20, { error: '名称不超过 20 个字' }),
  startsOn: planDateSchema,
  endsOn: planDateSchema,
});

/** One term or vacation. */
export type SchoolCalendarEntry = z.infer<typeof schoolCalendarEntrySchema>;

/** The school calendar of a year, as PUT /api/school-calendar/:year takes it (an empty list restores the default). */
export const schoolCalendarInputSchema = z.object({
  terms: z.array(schoolCalendarEntrySchema).max(12, { error: '一年最多设置 12 段学期或假期' }),
});

/** The school calendar of a year. */
export type SchoolCalendarInput = z.infer<typeof schoolCalendarInputSchema>;

/** The year in the address of the calendar routes. */
export const calendarYearSchema = z.coerce
  .number({ error: '年份应为 2000–2100 的整数' })
  .int({ error: '年份应为 2000–2100 的整数' })
  .min(2000, { error: '年份应为 2000–2100 的整数' })
  .max(2100, { error: '年份应为 2000–2100 的整数' });

/** A plan's or task's own reporting rule; a missing or null field inherits from above. */
export const reportingOverrideSchema = z.object({
  cycle: z.enum(REPORTING_CYCLES, { error: '请选择填报周期（每月、每季度或每学期）' }).nullable().optional(),
  dueDay: z
    .number({ error: '截止日应为 1–28 的整数' })
    .int({ error: '截止日应为 1–28 的整数' })
    .min(1, { error: '截止日应为 1–28 的整数' })
    .max(28, { error: '截止日应为 1–28 的整数' })
    .nullable()
    .optional(),
});

/** A reporting override. */
export type ReportingOverrideInput = z.infer<typeof reportingOverrideSchema>;

/** A plan's or task's reporting rule: its own fields and the rule that applies after inheritance. */
export interface ReportingOverrideView {
  cycle: ReportingCycle | null;
  dueDay: number | null;
  effective: ReportingSettings;
}

/** One reporting period of the year under the organization's rule and when its reports are due. */
export interface ReportDueDate {
  period: string;
  label: string;
  /** The configured day, before moving off weekends and holidays. */
  nominalOn: string;
  /** The due date: nominalOn, or the next working day when it is not one. */
  dueOn: string;
}

/** GET /api/calendar?year=: the year's holidays and swapped days, school calendar and report due dates. */
export interface CalendarYearView {
  year: number;
  days: CalendarDayView[];
  school: {
    /** True when the administrator has not set the year: the entries shown are the default. */
    isDefault: boolean;
    entries: SchoolCalendarEntry[];
  };
  reporting: ReportingSettings;
  dueDates: ReportDueDate[];
}
