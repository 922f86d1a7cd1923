// Every user-visible message of supervision notices (督办单) and the supervision center.

/** Chinese messages of the supervision module. */
export const supervisionMessages = {
  noticeArrived: (number: string) => `收到督办单 ${number}，请按期回复`,
  replyBy: (date: string) => `回复期限：${date}`,
  supervisorOnly: '只有督办人员可以签发、退回或办结督办单。',
  noticeNotFound: '督办单不存在，或不是发给本单位的。',
  targetNotFound: '要督办的要点或任务不存在，请刷新后重试。',
  planNotPublished: '工作要点尚未发布，不能签发督办单。',
  unitRequired: '该要点或任务没有牵头单位，请指定督办单发往的单位。',
  unitNotFound: '所选单位不存在，请重新选择。',
  replyDueInPast: (today: string) => `回复期限不能早于今天（${today}）。`,
  numberBusy: '督办单编号分配繁忙，请稍后重试。',
  notAddressee: '只有被督办单位的人员可以回复督办单。',
  notAwaitingReply: '督办单当前不在待回复状态，不能回复。',
  notAwaitingDecision: '督办单尚未回复或已办结，不能办结或退回。',
  planNotFound: '工作要点不存在，请刷新后重试。',
} as const;
