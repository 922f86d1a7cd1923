// Every user-visible message of ledgers (台账): the .xlsx export and the decomposition import.

/** Chinese messages of the ledger module. */
export const ledgerMessages = {
  planNotFound: '工作要点不存在，请刷新后重试。',
  planNotPublished: '工作要点尚未发布，还没有任务，不能导出台账或导入任务分解。',
  planClosed: '工作要点已结束，不能再导入任务分解。',
  importerOnly: '只有督办人员可以导入任务分解。',
  notXlsx: (fileName: string) =>
    `“${fileName}”不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中“另存为 .xlsx”后再上传。`,
  brokenXlsx: (fileName: string) =>
    `“${fileName}”无法打开：文件已损坏或不是完整的 .xlsx 工作簿。请重新保存后再上传。`,
  unpacksTooLarge: (fileName: string) =>
    `“${fileName}”解压后过大，不像任务分解表。请只保留任务分解的工作表后再上传。`,
  tooLarge: (mb: number) => `文件超过 ${mb} MB，请拆分后再上传。`,
  noSheet: '工作簿中没有工作表。',
  noHeader: (missing: string[]) =>
    `未在工作表前 10 行找到表头：缺少“${missing.join('”“')}”列。请把表头放在第一行，列名如 要点序号、任务内容、牵头单位、配合单位、完成时限。`,
  duplicateHeader: (name: string, first: string) => `表头“${name}”与“${first}”表示同一列，请只保留一列。`,
  noRows: '工作表中没有任务行。',
  tooManyRows: (max: number) => `任务行超过 ${max} 行，请拆分后再导入。`,
  // Per-row reasons.
  itemNoMissing: '要点序号为空。',
  itemNoInvalid: (text: string) => `要点序号“${text}”不是数字。`,
  itemNotFound: (no: number) => `要点序号 ${no} 在本工作要点中不存在。`,
  titleMissing: '任务内容为空。',
  titleTooLong: (max: number) => `任务内容超过 ${max} 字。`,
  taskIdInvalid: (text: string) => `任务编号“${text}”不是数字。`,
  taskNotInPlan: (id: number) => `任务编号 ${id} 不属于本工作要点（可清空该格，作为新任务导入）。`,
  taskMovedItem: (id: number, from: number, to: number) =>
    `任务编号 ${id} 属于要点 ${from}，不能改到要点 ${to}。`,
  duplicateTask: (row: number) => `与第 ${row} 行是同一任务，请合并为一行。`,
  leadMissing: '牵头单位为空。',
  leadCleared: (name: string) => `牵头单位为空；如不更改，请填写原牵头单位“${name}”。`,
  unitUnknown: (name: string, suggestion?: string) =>
    suggestion
      ? `单位“${name}”不在单位名录中，是否指“${suggestion}”？`
      : `单位“${name}”不在单位名录中，请先在“单位与领导”中添加或设置别名。`,
  unitInactive: (name: string) => `单位“${name}”已停用。`,
  leadAlsoCo: (name: string) => `“${name}”已是牵头单位，不能同时是配合单位。`,
  dateInvalid: (text: string) => `完成时限“${text}”不是有效日期，请写成 2024-06-30 或 2024年6月30日。`,
  dateOutsideYear: (date: string, year: number) => `完成时限 ${date} 不在 ${year} 年内。`,
  dueBeforeStart: (date: string, start: string) => `完成时限 ${date} 早于任务开始日期 ${start}。`,
  taskDone: '该任务已办结，不能通过导入修改。',
  // Confirm.
  previewStale: '预览之后，文件或工作要点的任务已有变动，请重新预览后再确认导入。',
  mustSkipUnreadable: (rows: number[]) =>
    `第 ${rows.join('、')} 行无法读取。确认只导入可以读取的行时，请勾选“跳过无法读取的行”。`,
  nothingToImport: '文件与工作要点一致，没有需要导入的变更。',
  // Sheets and cells of the export.
  totalSheet: '总台账',
  sheetTitle: (plan: string, asOf: string) => `${plan}台账（截至 ${asOf}）`,
  fileName: (plan: string, asOf: string) => `${plan}台账-${asOf}.xlsx`,
  lights: { grey: '未开始', green: '绿', yellow: '黄', red: '红', done: '办结' },
  nothingOwed: '暂无到期',
  taskStatus: { pending: '待签收', acknowledged: '已签收', completion_requested: '申请办结', done: '已办结' },
  reviewState: { submitted: '待审核', accepted: '已通过', returned: '已退回' },
  selfStatus: { on_track: '按计划推进', at_risk: '存在风险', delayed: '滞后' },
  reportLine: (period: string, status: string, percent: number, narrative: string) =>
    `${period}：${status}，${percent}%。${narrative}`,
  indicatorLine: (text: string, light: string, reason: string) => `${text}【${light}】${reason}`,
} as const;
