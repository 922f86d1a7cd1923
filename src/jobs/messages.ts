// Chinese messages of the job runner and the jobs administration (stored as a job's error or shown by the API).

/** Messages of the job runner. */
export const jobMessages = {
  unknownKind: (kind: string) =>
    `未知的任务类型“${kind}”：本服务没有登记它的处理程序，请确认服务版本后在“后台任务”中重试。`,
  leaseExpired: '执行该任务的服务在完成前停止，且已用完重试次数；请查明原因后在“后台任务”中重试。',
  handlerFailed: '任务执行出错（未给出原因）',
  notFound: '找不到该后台任务，可能已被清理；请刷新列表。',
  notFailed: '只有“失败”的任务可以重试；该任务当前不是失败状态，请刷新列表。',
} as const;
