// The words of what a task's indicators owe in a period (the report form's 本期应完成 lines).

const perNames: Record<string, string> = {
  week: '周',
  month: '月',
  quarter: '季度',
  term: '学期',
  year: '年',
};

/** Chinese lines of obligations; each names the promise and its measure. */
export const obligationMessages = {
  periodOwes: (label: string, need: number, slot: string) => `本期应完成：${label} ${need} 次（${slot}）`,
  periodOwesNothing: (label: string, per: string | null, first: string | null) =>
    `${label}：本期无应完成${first ? `（按${perNames[per ?? 'month'] ?? '期'}计，${first}起）` : ''}`,
  count: (label: string, target: number, month: string, owed: number) =>
    `${label}：全年不少于 ${target} 次，截至${month}底应完成 ${owed} 次`,
  event: (label: string, target: number, dueOn: string) => `${label}：应于 ${dueOn} 前完成 ${target} 次`,
  deliverable: (label: string, dueOn: string) => `${label}：应于 ${dueOn} 前完成（请上传文件本身）`,
  project: (label: string, dueOn: string) =>
    `${label}：应于 ${dueOn} 前竣工验收（按开工、主体完工、竣工验收登记进度节点）`,
  percent: (label: string, target: number, dueOn: string) => `${label}：应于 ${dueOn} 前达到 ${target}%`,
  deadline: (label: string, dueOn: string) => `${label}：应于 ${dueOn} 前完成`,
  periodFormat: '期次应为“YYYY-MM”格式（如 2024-05）。',
  periodOutsidePlan: (year: number) => `期次应在 ${year} 年内。`,
} as const;
