// Chinese messages of draft review (editing and discarding a plan draft), each saying what to do next.

/** Messages shown by the draft review use cases. */
export const draftMessages = {
  notDraft: '该工作要点已发布，不能再按草稿修改。请到工作要点中调整具体任务。',
  notDraftDiscard: '该工作要点已发布，不能放弃。已发布的工作要点会保留全部任务和填报记录。',
  itemNotFound: (id: number) => `该草稿中没有编号为 ${id} 的要点，请刷新页面后重试。`,
  nothingToEdit: '没有要修改的内容。请至少修改标题、权重、责任领导、责任股室或指标时限中的一项。',
  titleEmpty: '要点标题不能为空。',
  weightPositive: '权重须为大于 0 的数字。',
  leaderEmpty: '责任领导姓名不能为空。',
  duplicateLeader: (name: string) => `责任领导“${name}”重复，请删除重复项。`,
  duplicateUnit: '同一单位不能重复列为责任股室，请删除重复项。',
  oneLead: '请指定且只指定一个牵头股室，其余为配合股室。',
  unitMissing: (id: number) => `编号为 ${id} 的单位不存在或已停用，请从单位列表中重新选择。`,
  indicatorNotInItem: (id: number) => `编号为 ${id} 的指标不属于该要点，请刷新页面后重试。`,
} as const;
