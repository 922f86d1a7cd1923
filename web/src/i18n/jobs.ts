// Strings of the background jobs page (后台任务), for administrators.

/** Chinese strings of the jobs area. */
export const jobs = {
  menu: '后台任务',
  title: '后台任务',
  subtitle: '系统按计划自动执行的催办、通知等任务。失败的任务会保留错误原因，排除问题后可在此重试。',
  refresh: '刷新',
  filterLabel: '按状态筛选',
  all: '全部',
  states: { queued: '排队中', running: '执行中', done: '已完成', failed: '失败' },
  kinds: {
    'reminders.daily': '每日催办提醒',
  } as Record<string, string>,
  columns: {
    state: '状态',
    kind: '任务',
    organization: '所属机构',
    runAt: '计划时间',
    attempts: '已尝试',
    lastError: '最近错误',
  },
  attempts: (done: number, max: number) => `${done} / ${max} 次`,
  wholeSystem: '全系统',
  noError: '无',
  details: {
    id: '任务编号',
    payload: '任务参数',
    createdAt: '创建时间',
    updatedAt: '最近更新',
    finishedAt: '结束时间',
    lockedBy: '执行服务',
    leaseUntil: '占用至',
    lastError: '错误原因',
  },
  retry: '重试',
  retryConfirm: '重新排队并立即执行该任务？',
  retryHint: '请先排除错误原因（如邮件服务器设置），否则任务可能再次失败。',
  retried: '已重新排队，稍后自动执行',
  empty: '暂无后台任务。系统每天按计划自动创建催办等任务，创建后会显示在这里。',
  emptyState: (state: string) => `没有“${state}”的任务。选择“全部”查看其他任务。`,
  emptyFailed: '没有失败的任务，一切正常。',
  limited: (limit: number) => `仅显示最近 ${limit} 条（失败的任务总是排在最前）。`,
} as const;
