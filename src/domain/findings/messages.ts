// Chinese messages of findings to rectify (问题整改) and monthly inspections (月度检查), in one place
// so the wording stays consistent; each says what to do next.

/** Messages shown to users by the findings use cases. */
export const findingMessages = {
  notFound: '未找到该问题，或您无权查看。请刷新问题台账后重试。',
  unitNotFound: '整改单位不存在或已停用，请从单位列表中重新选择。',
  departmentRequired: '只能指派给教体局的股室，请重新选择承办股室。',
  itemNotFound: '关联的要点不存在，或不属于本单位，请重新选择或不关联要点。',
  planNotFound: '关联的工作要点不存在，或不属于本单位，请重新选择或不关联。',
  itemNotOwned: '本单位在这条要点下没有承办任务，只能关联本单位承办的要点。请重新选择或不关联要点。',
  planNotOwned: '本单位在这份工作要点中没有承办任务，只能关联本单位承办的工作要点。请重新选择或不关联。',
  dateInvalid: (label: string) => `${label}不是有效日期，请按 YYYY-MM-DD 选择。`,
  dueBeforeToday: '整改期限不能早于今天，请重新选择。',
  notRecorder: '只有督办人员可以登记其他单位的问题；股室和学校只能登记本单位自查发现的问题。',
  notOwner: '只有负责整改的单位可以回复整改情况，请联系该单位办理。',
  notSupervisor: '只有督办人员可以验收、退回或指派问题，请联系督办室。',
  notSchool: '只有负责整改的学校可以把问题上报教体局。股室如需协调，请直接联系督办室。',
  notInspector: '只有股室或学校的账号可以填报本单位的月度检查。',
  rectifyStatus: '该问题当前不是待整改状态，不能回复整改。请刷新后查看最新状态。',
  verifyStatus: '该问题尚未回复整改，或已验收，不能验收。请刷新后查看最新状态。',
  escalateStatus: '只有待整改的问题可以上报教体局。请刷新后查看最新状态。',
  assignStatus: '只有已上报教体局的问题可以指派股室。请刷新后查看最新状态。',
  returnReason: '退回时请填写退回原因，告诉整改单位还需做什么。',
  conflict: '该问题已被他人办理，请刷新后查看最新状态再操作。',
  periodInFuture: (period: string) => `${period} 尚未到来，不能填报该月的检查。`,
  inspectionFiled: (period: string) =>
    `本单位 ${period} 的月度检查已填报，不能重复填报。如有遗漏的问题，请在问题台账中登记。`,
  noFindingsNote: '本月检查未发现问题',
  findingsNote: (count: number) => `本月检查发现问题 ${count} 个`,
  light: {
    closed: '已验收销号',
    rectified: '已回复整改，待验收',
    overdue: (days: number) => `已超过整改期限 ${days} 天`,
    dueToday: '今天到期',
    dueSoon: (days: number) => `${days} 天后到期`,
    onTime: (days: number) => `距整改期限还有 ${days} 天`,
    escalated: '已上报教体局，待指派',
  },
} as const;
