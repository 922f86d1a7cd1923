// Chinese messages of the directory, import and publish use cases, kept in one place so wording
// stays consistent between the CLI and the web app. Append only: other areas may add entries.

/** Messages shown to users by the directory, import and publish use cases; each says what to do next. */
export const planMessages = {
  defaultOrganizationName: '本单位',
  planNotFound: (id: number) =>
    `未找到编号为 ${id} 的工作要点，或您无权查看。请用 duban plan list 查看已有的工作要点。`,
  planNotDraft: (status: string) =>
    `该工作要点当前状态为“${status}”，只有草稿可以发布。已发布的工作要点请通过任务调整修改。`,
  noItems:
    '未能从文件中识别出任何工作要点（形如“1. ……”的编号条目）。请确认上传的是工作要点通知的正文，或先用 duban parse 查看识别结果。',
  noYear:
    '无法确定工作要点的年份：标题和发文日期中都没有年份。请在标题中写明年份（如“2024年教育体育工作要点”）后重新导入。',
  unresolvedNames: (names: string) =>
    `以下责任单位在单位名录中不存在：${names}。请先用 duban unit alias 设为已有单位的别名，或允许导入时自动创建单位。`,
  mappingUnitMissing: (name: string, id: number) =>
    `“${name}”要对应的单位（编号 ${id}）不存在。请从单位列表中重新选择。`,
  unitNameEmpty: '单位名称不能为空。',
  unitExists: (name: string) => `单位“${name}”已存在，无需重复添加。`,
  aliasExists: (alias: string, unit: string) => `“${alias}”已是“${unit}”的别名。`,
  aliasTargetMissing: (name: string) =>
    `单位“${name}”不存在。请先用 duban unit list 查看单位名录，别名须指向已有单位。`,
  aliasSame: '别名与单位名称相同，无需设置。',
  aliasIsReferenced: (alias: string) =>
    `“${alias}”已是一个独立单位，并且已有任务、账号或填报记录使用它，不能直接改为别名。请先把这些记录改到正式单位后再设置。`,
  aliasOfAlias: (name: string, unit: string) => `“${name}”本身是“${unit}”的别名，请直接为“${unit}”设置别名。`,
  similarNames: (name: string, other: string) =>
    `“${name}”与“${other}”相近，可能是同一单位。如是，请运行 duban unit alias ${other} ${name} 合并后重新导入。`,
  whySubsequence: (name: string, other: string) => `“${name}”是“${other}”的简称（字序一致）`,
  whyOneCharacter: (name: string, other: string) => `“${name}”与“${other}”只差一个字`,
  whyContains: (name: string, other: string) => `“${name}”与“${other}”互相包含`,
} as const;
