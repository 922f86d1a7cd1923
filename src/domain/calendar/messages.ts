/** Every user-visible message of the calendar, school calendar and reporting overrides. */
export const calendarMessages = {
  summerVacation: '暑假',
  notCalendarEditor: '只有系统管理员可以调整本单位的节假日和调休安排。',
  notSchoolCalendarEditor: '只有系统管理员或督办人员可以修改校历。',
  notReportingEditor: '只有督办人员可以设置填报规则。',
  dayNotFound: (date: string) => `本单位没有单独设置 ${date}，它已按全国统一安排计算，无需恢复。`,
  dayConflict: (date: string) => `${date} 刚被其他管理员修改，请刷新后查看并重试。`,
  invalidDate: (date: string) => `${date} 不是有效日期，请按 YYYY-MM-DD 填写。`,
  workdayOnWeekday: (date: string) =>
    `${date} 本来就是工作日。调休上班只能设在周六或周日，或设在全国统一放假的日子（本单位照常上班）。`,
  entryBackwards: (name: string) => `“${name}”的结束日期早于开始日期，请检查。`,
  entryOutsideYear: (name: string, year: number) => `“${name}”应在 ${year} 年内开始。`,
  entryTooLong: (name: string, nextYear: number) => `“${name}”应在 ${nextYear} 年 3 月 31 日前结束。`,
  entriesOverlap: (a: string, b: string) => `“${a}”和“${b}”的日期重叠，请调整。`,
  importBadLine: (line: number, why: string) => `第 ${line} 行：${why}`,
  importFormat:
    '格式应为“开始日期 [结束日期] 放假|上班 节日名称”，如：2027-10-01 2027-10-07 放假 国庆节（节日名称不超过 20 个字）。',
  importSpan: '结束日期应在开始日期当天或之后，且一段不超过 31 天。',
  importEmpty: '文件中没有任何日期。每行一段：开始日期 [结束日期] 放假|上班 节日名称。',
  planNotFound: '找不到这份工作要点，或您无权查看。',
  taskNotFound: '找不到这项任务，或您无权查看。',
} as const;
