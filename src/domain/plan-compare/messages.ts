// Every user-visible message of the year-on-year comparison and carry-over (结转).

/** Chinese messages of the plan-compare module. */
export const compareMessages = {
  planNotFound: '工作要点不存在，或您无权查看。请刷新后重试。',
  baseNotFound: '要对比的上一年度工作要点不存在，或您无权查看。请重新选择。',
  noBase: '还没有可对比的上一年度工作要点。请先导入并发布上一年度的工作要点，或选择要对比的工作要点。',
  sameAsBase: '不能与自身对比，请选择另一份工作要点。',
  supervisorOnly: '只有督办人员可以设置上一年度工作要点或结转任务。',
  previousNotEarlier: (year: number) => `上一年度工作要点的年度须早于 ${year} 年，请重新选择。`,
  baseOfOtherOrganization: '只能结转本单位上一年度工作要点中的任务，请选择本单位的工作要点。',
  planNotPublished: '本年度工作要点尚未发布，请先发布后再结转任务（结转的任务随发布后的任务一起督办）。',
  taskNotInBase: (id: number) => `任务（编号 ${id}）不属于上一年度工作要点，请刷新后重新选择。`,
  taskIsSchoolCopy: (title: string) => `“${title}”是下发到学校的任务副本，请结转其上级任务。`,
  taskDone: (title: string) => `“${title}”已办结，无需结转。`,
  taskRepeated: (id: number) => `任务（编号 ${id}）被重复选择，请只选一次。`,
  alreadyCarried: (title: string) => `“${title}”已结转到本年度工作要点，不能重复结转。`,
  carriedMeanwhile: '所选任务刚刚已被他人结转，请刷新后查看。',
  noTarget: (title: string) => `“${title}”所属要点在本年度没有对应要点，请为它选择本年度的要点。`,
  itemNotInPlan: (id: number) => `所选要点（编号 ${id}）不属于本年度工作要点，请重新选择。`,
} as const;
