// Chinese messages of the task workflow (签收, 填报, 审核, 办结, 延期, 编辑, 亮灯), kept in one place so
// wording stays consistent and a translator or reviewer finds them all together.

/** Messages shown to users by the task workflow use cases; each says what to do next. */
export const workflowMessages = {
  taskNotFound: '未找到该任务，或您无权查看。请刷新任务列表后重试。',
  indicatorNotFound: '未找到该指标，或您无权查看。请刷新后重试。',
  reportNotFound: '未找到该进展报告，或您无权查看。请刷新后重试。',
  occurrenceNotFound: '未找到该完成记录，或您无权查看。请刷新后重试。',
  completionNotFound: '未找到该办结申请，或您无权查看。请刷新后重试。',
  extensionNotFound: '未找到该延期申请，或您无权查看。请刷新后重试。',
  planNotFound: '未找到该工作要点，或您无权查看。请刷新后重试。',
  evidenceNotFound: '未找到该佐证材料，或您无权查看。请刷新后重试。',
  unitNotFound: (id: number) => `责任单位（编号 ${id}）不存在或已停用，请从单位列表中重新选择。`,

  notOwner: '只有该任务的牵头或配合单位可以办理此事项，请联系牵头单位办理。',
  notReviewer: '只有本单位的督办人员或该要点的责任领导可以审核，请联系督办室。',
  notCompletionReviewer: '办结申请只能由本单位的督办人员审核，请联系督办室。',
  notExtensionDecider: '延期申请只能由该要点的责任领导或本单位的督办人员审批，请联系责任领导。',
  notEditor: '只有本单位的督办人员可以调整任务，请联系督办室。',
  notSettingsEditor: '只有管理员可以修改亮灯阈值，请联系系统管理员。',

  planNotPublished: '该工作要点尚未发布或已关闭，不能办理。请待督办室发布后再操作。',
  taskDone: '该任务已办结，不能再办理此事项。如需补充，请联系督办室。',
  taskCompletionPending: '该任务已申请办结，正在审核中。请等待审核结果后再操作。',
  alreadyAcknowledged: '该任务已签收，无需重复签收。',
  reportAccepted: (period: string) =>
    `${period} 的进展报告已审核通过，不能再修改。如有新进展请在下一期填报。`,
  reportPending: (period: string) =>
    `${period} 的进展报告已提交、正在审核。请等待审核结果；如需修改，请联系审核人退回后再填报。`,
  notSubmitted: '该记录已审核过（或已被退回），不能重复审核。请刷新后查看最新状态。',
  completionNotSubmitted: '该办结申请已处理过，不能重复审核。请刷新后查看最新状态。',
  extensionNotPending: '该延期申请已处理过，不能重复审批。请刷新后查看最新状态。',
  extensionPendingExists: '该任务已有一项延期申请在审批中，请等待审批结果后再申请。',
  extensionStale: '任务的完成时限在申请后已被调整，本延期申请已不适用。请退回后按新的时限重新申请。',

  periodFormat: '填报期次应为“YYYY-MM”格式（如 2024-05），请重新选择。',
  periodOutsidePlan: (year: number) => `填报期次应在 ${year} 年内，请重新选择。`,
  periodInFuture: (period: string) => `${period} 尚未开始，不能提前填报。请到该月再填报。`,
  selfStatus: '自评状态应为“正常推进”“存在风险”或“滞后”之一，请重新选择。',
  percentRange: '自报进度应为 0 到 100 之间的数字，请重新填写。',
  narrativeRequired: '请填写进展情况说明。',
  dateFormat: (label: string) => `${label}应为有效日期（YYYY-MM-DD），请重新选择。`,
  dateOutsidePlan: (label: string, year: number) => `${label}应在 ${year} 年内，请重新选择。`,
  dateInFuture: (label: string) => `${label}不能晚于今天，请在事项完成后再登记。`,
  noteRequired: '请填写说明。',
  returnReasonRequired: '退回时请填写退回原因，告诉填报单位需要如何修改。',
  decision: '审核结论应为“通过”或“退回”，请重新选择。',
  extensionDecision: '审批结论应为“同意”或“不同意”，请重新选择。',
  reasonRequired: '请填写延期理由。',
  newDueNotLater: (due: string) => `新的完成时限应晚于当前时限 ${due}，请重新选择。`,
  dueBeforeStart: (start: string) => `完成时限不能早于任务开始日期 ${start}，请重新选择。`,
  nothingToEdit: '没有需要修改的内容。请修改完成时限或责任单位后再保存。',
  leadAlsoCo: '牵头单位不能同时作为配合单位，请调整后再保存。',
  duplicateCo: '配合单位有重复，请调整后再保存。',
  versionRequired: '缺少版本号，请刷新后重试。',

  fileName: '附件缺少文件名，请重新选择文件。',
  fileEmpty: (name: string) => `附件“${name}”是空文件，请检查后重新上传。`,
  fileTooLarge: (name: string, limitMb: number) => `附件“${name}”超过 ${limitMb} MB，请压缩或拆分后再上传。`,
  tooManyFiles: (limit: number) => `一次最多上传 ${limit} 个附件，请分批上传。`,

  completionIndicator: (id: number) =>
    `完成记录所填的指标（编号 ${id}）不属于该任务，请刷新填报页面后重新选择。`,
  completionValueRequired: (text: string) => `“${text}”请填写达到的百分比（0 到 100 之间的数字）。`,
  completionMilestoneRequired: (text: string) => `“${text}”请选择工程进度节点（开工、主体完工或竣工验收）。`,
  completionDocumentRequired: (text: string) => `“${text}”请上传文件本身（如印发的方案、文件或行事历）。`,
  completionFileMissing: (name: string) =>
    `完成记录引用的附件“${name}”没有随填报一起上传，请重新选择该文件。`,
  completionFileTwice: (name: string) =>
    `附件“${name}”被多条完成记录同时引用，或有多个同名附件，请为每条记录分别选择文件。`,
  completionNotReturned: '只能重新提交本报告中被退回的完成记录，请刷新后重试。',
  completionsTooMany: (limit: number) => `一次填报最多登记 ${limit} 条完成记录，请分次登记。`,
  completionsFormat: '完成记录格式不正确，请刷新填报页面后重试。',
  occurrenceInReport: '该完成记录随进展报告一并填报，请在审核该报告时一并通过或退回。',

  settingsInvalid: (detail: string) => `亮灯阈值设置无效：${detail}。请检查后重新保存。`,
} as const;
