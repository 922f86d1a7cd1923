import { monthLabel } from '../../shared/bulletins.ts';
// Every user-visible text of reminders (催办) and notifications, in one place.

/** Chinese texts of the reminders module. */
export const reminderMessages = {
  digestTitle: (day: string, count: number) => `督办提醒（${chineseDay(day)}）：${count}项工作需关注`,
  digestIntro: '您好！以下工作请及时办理：',
  digestOutro: '请登录督办系统查看详情并及时填报、办理。',
  headings: {
    overdue: '【已逾期】',
    due_today: '【今日到期】',
    due_soon: '【即将到期】',
    leader: '【请督促（分管要点）】',
    supervisor: '【请督办（逾期较久）】',
    assign: '【待指派（学校上报教体局的问题）】',
    verify: '【待验收】',
  },
  dueSoon: (days: number) => `还有${days}个工作日到期`,
  dueToday: '今日到期',
  overdue: (days: number) => `已逾期${days}个工作日`,
  reportOf: (periodLabel: string, title: string) => `${periodLabel}进展填报：${title}`,
  findingOf: (source: string, title: string) => `整改问题（${source}）：${title}`,
  dueLater: (days: number) => `距整改期限还有${days}个工作日`,
  awaitingVerification: '已回复整改，待验收',
  verifyLine: (count: number, titles: string[], more: boolean) =>
    `${count}个整改问题已回复整改，请及时验收：${titles.join('、')}${more ? '等' : ''}`,
  openAt: (link: string) => ` ${link}`,
  itemPrefix: (no: number) => (no > 0 ? `第${no}项 ` : ''),
  more: (n: number) => `……另有${n}项，请登录系统查看`,
  robotTitle: (day: string) => `督办日报（${chineseDay(day)}）`,
  robotSummary: (overdue: number, today: number, soon: number) =>
    `已逾期 ${overdue} 项，今日到期 ${today} 项，即将到期 ${soon} 项`,
  robotOverdueHeading: '逾期较久的工作：',
  reportReturnedTitle: (task: string, period: string) => `进展报告被退回：${task}（${monthLabel(period)}）`,
  reportReturnedBody: (reviewer: string, reason: string) =>
    `${reviewer}退回了本单位的进展报告，退回原因：${reason}\n请按原因修改后重新填报（在“我的待办 → 被退回”中重新填报）。`,
  reportAcceptedTitle: (task: string, period: string) => `进展报告已通过：${task}（${monthLabel(period)}）`,
  reportAcceptedBody: (reviewer: string, completions: number, comment: string) =>
    [
      `${reviewer}审核通过了您填报的进展报告${completions > 0 ? `及其中${completions}条完成记录，已计入进度` : ''}。`,
      comment ? `审核意见：${comment}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  urgeTitle: (title: string) => `催办：${title}`,
  urgeBody: (what: string, light: string, reason: string, note: string | undefined, by: string) =>
    [
      `${by}对以下工作进行催办，请抓紧办理并及时填报进展。`,
      `${what}（${light}：${reason}）`,
      note ? `催办说明：${note}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
  lightNames: { red: '红灯', yellow: '黄灯', green: '绿灯', grey: '未开始', done: '已办结' } as Record<
    string,
    string
  >,
  urgeOnlyRedOrYellow: (light: string) => `只有亮红灯或黄灯的工作可以催办（当前为${light}）。`,
  urgeNoOwner: '该工作没有可通知的责任单位人员，请先在“用户与角色”中为责任单位添加用户。',
  notSupervisor: '只有督办人员可以催办。',
  notAdmin: '只有管理员可以设置通知。',
  notLogReader: '只有督办人员可以查看催办记录。',
  notificationNotFound: '没有找到这条消息，可能已被删除。',
  taskNotFound: '没有找到这项任务。',
  itemNotFound: '没有找到这个要点。',
  testTitle: '督办系统测试消息',
  testBody: '这是一条来自督办系统的测试消息，收到即表示该渠道设置正确。',
  testNoEmail: '请填写测试收件邮箱（您的账号没有登记邮箱）。',
  channelOff: (name: string) => `${name}未启用或未填写完整，请先保存设置。`,
  channelNames: {
    inapp: '站内消息',
    email: '邮件',
    wecom: '企业微信机器人',
    dingtalk: '钉钉机器人',
  } as Record<string, string>,
  quietDeferred: '免打扰时段，待发送',
  superseded: '免打扰时段未发送，已由次日提醒取代',
  noEmail: '该用户没有登记邮箱',
  // Collection rounds (数据填报, issue 16).
  roundOf: (name: string) => `数据填报：${name}`,
  roundStates: { none: '尚未填报', draft: '已保存未提交', returned: '被退回待修改' } as Record<
    'none' | 'draft' | 'returned',
    string
  >,
  roundSchools: (names: string[], count: number) =>
    count > names.length ? `${names.join('、')}等${count}所学校未提交` : `${names.join('、')}未提交`,
};

function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
