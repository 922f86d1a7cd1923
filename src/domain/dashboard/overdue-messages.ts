// The words of the overdue list (逾期事项), shared by the dashboard and the bulletin.

/** How many schools a lapse names before it only counts the rest. */
const SCHOOLS_NAMED = 3;

export const overdueMessages = {
  taskItself: '任务办结',
  taskOverdue: (dueOn: string, days: number) => `应于${dueOn}前办结，已逾期${days}天`,
  reports: (periods: string) => `${periods}报告`,
  schools: (n: number) => `${n}所学校`,
  schoolsReason: (schools: readonly string[], what: string, days: number) =>
    `${schools.slice(0, SCHOOLS_NAMED).join('、')}${schools.length > SCHOOLS_NAMED ? `等${schools.length}所学校` : ''}：${what}未完成，最长逾期${days}天`,
} as const;
