const cycles: Record<string, string> = { month: '每月', quarter: '每季度', term: '每学期' };

/** Strings of the reporting rule (填报规则) of a plan or a task, set by supervisors. */
export const reporting = {
  button: '填报规则',
  buttonTitle: '设置填报周期和截止日',
  titlePlan: '工作要点的填报规则',
  titleTask: (task: string) => `任务的填报规则：${task}`,
  effective: '当前适用',
  inherits: '沿用的规则',
  inheritedFrom: (parent: string, rule: string) => `${parent}：${rule}`,
  parentPlan: '本单位设置',
  parentTask: '工作要点的设置',
  cycle: '填报周期',
  dueDay: '截止日',
  cycles,
  inheritWith: (parent: string, value: string) => `沿用${parent}（${value}）`,
  day: (day: number) => `${day}日`,
  dueDayHelp:
    '每期在截止月份的这一天前报送（1–28）；按季度、按学期填报的，截止在该季度或学期结束后的下一个月。',
  /** A rule in words, e.g. 每月，25日前；遇节假日顺延. */
  rule: (cycle: string, day: number) => {
    const when =
      cycle === 'quarter'
        ? `季度结束后次月${day}日前`
        : cycle === 'term'
          ? `学期结束后次月${day}日前`
          : `${day}日前`;
    return `${cycles[cycle] ?? cycle}，${when}；遇节假日顺延`;
  },
  after: '保存后适用',
  save: '保存',
  cancel: '取消',
  saved: '填报规则已保存，亮灯和截止日已按新规则推算',
} as const;
