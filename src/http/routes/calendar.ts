import { z } from 'zod';
import { removeCalendarDay, setCalendarDay } from '../../domain/calendar/edit-calendar-day.ts';
import { getCalendarYear } from '../../domain/calendar/get-calendar-year.ts';
import { setSchoolYear } from '../../domain/calendar/set-school-year.ts';
import {
  getPlanReporting,
  getTaskReporting,
  setPlanReporting,
  setTaskReporting,
} from '../../domain/reporting/set-reporting-override.ts';
import {
  type CalendarYearView,
  calendarDayInputSchema,
  calendarDayParamsSchema,
  calendarYearSchema,
  type ReportingOverrideView,
  reportingOverrideSchema,
  schoolCalendarInputSchema,
} from '../../shared/calendar.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

const tag = '工作日历';

/**
 * The working-day calendar (holidays, 调休), the school calendar and reporting overrides: anyone
 * signed in reads them; administrators edit holidays, administrators and supervisors the school
 * calendar, supervisors the reporting overrides of plans and tasks.
 */
export const calendarRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/calendar',
    summary: '一年的节假日与调休上班日、本单位校历（未设置时为默认）和按填报规则推算的各期截止日',
    tag,
    auth: true,
    query: z.object({ year: calendarYearSchema }),
    handler: async ({ ctx, query }): Promise<CalendarYearView> => getCalendarYear(ctx, query.year),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/calendar/days/:date',
    summary: '把某天设为放假或调休上班（仅管理员；记入操作记录）',
    tag,
    auth: true,
    params: calendarDayParamsSchema,
    body: calendarDayInputSchema,
    handler: async ({ ctx, params, body }) => setCalendarDay(ctx, params.date, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/calendar/days/:date',
    summary: '取消某天的放假或调休设置，恢复按周一至周五计算（仅管理员；记入操作记录）',
    tag,
    auth: true,
    params: calendarDayParamsSchema,
    status: 204,
    handler: async ({ ctx, params }) => {
      await removeCalendarDay(ctx, params.date);
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/school-calendar/:year',
    summary: '设置一年的校历（学期和寒暑假，整体替换；空列表恢复默认；管理员或督办人员；记入操作记录）',
    tag,
    auth: true,
    params: z.object({ year: calendarYearSchema }),
    body: schoolCalendarInputSchema,
    handler: async ({ ctx, params, body }) => setSchoolYear(ctx, params.year, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/plans/:id/reporting',
    summary: '工作要点自己的填报规则和实际适用的规则',
    tag,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }): Promise<ReportingOverrideView> => getPlanReporting(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/plans/:id/reporting',
    summary: '为工作要点单独设置填报周期或截止日（督办人员；空值表示沿用本单位设置；记入操作记录）',
    tag,
    auth: true,
    params: idParams,
    body: reportingOverrideSchema,
    handler: async ({ ctx, params, body }): Promise<ReportingOverrideView> =>
      setPlanReporting(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/tasks/:id/reporting',
    summary: '任务自己的填报规则和实际适用的规则',
    tag,
    auth: true,
    params: idParams,
    handler: async ({ ctx, params }): Promise<ReportingOverrideView> => getTaskReporting(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/tasks/:id/reporting',
    summary: '为单项任务单独设置填报周期或截止日，如按季度填报（督办人员；空值表示沿用；记入操作记录）',
    tag,
    auth: true,
    params: idParams,
    body: reportingOverrideSchema,
    handler: async ({ ctx, params, body }): Promise<ReportingOverrideView> =>
      setTaskReporting(ctx, params.id, body),
  }),
];
