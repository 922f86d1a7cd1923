/** Every user-visible message of the calendar, school calendar and reporting overrides. */
export const calendarMessages = {
  summerVacation: '暑假',
  notCalendarEditor: '只有系统管理员可以修改节假日和调休安排。',
  notSchoolCalendarEditor: '只有系统管理员或督办人员可以修改校历。',
  notReportingEditor: '只有督办人员可以设置填报规则。',
  dayNotFound: (date: string) => `${date} 不是已设置的节假日或调休日，无需删除。`,
  invalidDate: (date: string) => `${date} 不是有效日期，请按 YYYY-MM-DD 填写。`,
  workdayOnWeekday: (date: string) => `${date} 本来就是工作日，调休上班只能设在周六或周日。`,
  entryBackwards: (name: string) => `“${name}”的结束日期早于开始日期，请检查。`,
  entryOutsideYear: (name: string, year: number) => `“${name}”应在 ${year} 年内开始。`,
  entryTooLong: (name: string, nextYear: number) => `“${name}”应在 ${nextYear} 年 3 月 31 日前结束。`,
  entriesOverlap: (a: string, b: string) => `“${a}”和“${b}”的日期重叠，请调整。`,
  planNotFound: '找不到这份工作要点，或您无权查看。',
  taskNotFound: '找不到这项任务，或您无权查看。',
} as const;
