// Every user-visible text of the iCal feed.

/** Chinese texts of the iCal feed and its management. */
export const icalMessages = {
  calendarName: (name: string) => `督办 — ${name}`,
  taskDue: (title: string) => `【到期】${title}`,
  taskDescription: (itemNo: number, itemTitle: string, leadUnit: string | null) =>
    `要点${itemNo}：${itemTitle}${leadUnit ? `\n牵头单位：${leadUnit}` : ''}`,
  reportDue: (count: number) => `【填报截止】进展填报（${count}项任务）`,
  reportDescription: (titles: string[]) => `本期须填报的任务：\n${titles.map((t) => `· ${t}`).join('\n')}`,
  noticeDue: (number: string) => `【督办回复】${number}回复期限`,
  noticeDescription: (unit: string, problem: string) => `被督办单位：${unit}\n存在的问题：${problem}`,
  userOnly: '日历订阅只能由登录的用户本人管理。',
  feedNotFound: '日历订阅地址无效或已被撤销。',
} as const;
