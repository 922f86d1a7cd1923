// Chinese messages of the directory, import and publish use cases, kept in one place so wording
// stays consistent between the CLI and the web app. Append only: other areas may add entries.

/** Messages shown to users by the directory, import and publish use cases; each says what to do next. */
export const planMessages = {
  defaultOrganizationName: '本单位',
  planNotFound: (id: number) => `未找到编号为 ${id} 的工作要点，或您无权查看。请从工作要点列表中选择。`,
  planNotDraft: (status: string) =>
    `该工作要点当前状态为“${status}”，只有草稿可以发布。已发布的工作要点请通过任务调整修改。`,
  noItems: '未能从文件中识别出任何工作要点（形如“1. ……”的编号条目）。请确认上传的是工作要点通知的正文。',
  noYear:
    '无法确定工作要点的年份：标题和发文日期中都没有年份。请在标题中写明年份（如“2024年教育体育工作要点”）后重新导入。',
  unresolvedNames: (names: string) =>
    `以下责任单位在单位名录中不存在：${names}。请先把它们设为已有单位的别名，或允许导入时自动创建单位。`,
  mappingUnitMissing: (name: string, id: number) =>
    `“${name}”要对应的单位（编号 ${id}）不存在。请从单位列表中重新选择。`,
  unitNameEmpty: '单位名称不能为空。',
  unitExists: (name: string) => `单位“${name}”已存在，无需重复添加。`,
  aliasExists: (alias: string, unit: string) => `“${alias}”已是“${unit}”的别名。`,
  aliasTargetMissing: (name: string) =>
    `单位“${name}”不存在。别名须指向单位名录中已有的单位，请检查单位名称。`,
  aliasSame: '别名与单位名称相同，无需设置。',
  aliasIsReferenced: (alias: string) =>
    `“${alias}”已是一个独立单位，并且已有任务、账号或填报记录使用它，不能直接改为别名。请先把这些记录改到正式单位后再设置。`,
  aliasOfAlias: (name: string, unit: string) => `“${name}”本身是“${unit}”的别名，请直接为“${unit}”设置别名。`,
  similarNames: (name: string, other: string) =>
    `“${name}”与“${other}”相近，可能是同一单位。如是，请把“${name}”设为“${other}”的别名后重新导入。`,
  whySubsequence: (name: string, other: string) => `“${name}”是“${other}”的简称（字序一致）`,
  whyOneCharacter: (name: string, other: string) => `“${name}”与“${other}”只差一个字`,
  whyContains: (name: string, other: string) => `“${name}”与“${other}”互相包含`,
  aliasOfUnresolved: (name: string, target: string) =>
    `“${name}”要并入的“${target}”既不在单位名录中，也没有在本次导入中新建或对应到已有单位。请先决定“${target}”的处理方式。`,
  pastPlanYear: (year: number, currentYear: number) =>
    `这是${year}年的工作要点，今天已是${currentYear}年：发布后，所有到期事项都会按逾期计算、亮红灯，并向责任股室发出逾期催办。如仅为补录历史资料，这些红灯和催办并不表示当前工作滞后；如要安排今年的工作，请导入${currentYear}年的工作要点通知。`,
  duplicatePublish: (plan: {
    id: number;
    title: string;
    docNo: string | null;
    publishedOn: string | null;
    status: 'published' | 'closed';
  }) =>
    `本单位已发布过同一份工作要点“${plan.title}”（${plan.docNo ? `${plan.docNo}，` : ''}编号 ${plan.id}，${plan.publishedOn ?? '日期不详'} 发布${plan.status === 'closed' ? '，现已关闭' : ''}），再次发布会生成重复的任务。`,
  duplicateWork: (reports: number, occurrences: number) =>
    reports + occurrences > 0
      ? `原工作要点已有 ${reports} 份进展填报、${occurrences} 条完成记录，替换后这些记录保留在原工作要点中，可继续查看，但不会转到新工作要点。`
      : '原工作要点还没有填报和完成记录。',
  duplicateReplaceHint: (status: 'published' | 'closed') =>
    status === 'published'
      ? '如确需以本草稿替换它，请确认替换：原工作要点将关闭归档（不再催办和填报，已有记录保留可查），本草稿发布为新的工作要点。'
      : '如确需再次发布，请确认替换：原工作要点保持关闭，本草稿发布为新的工作要点。',
  duplicateReplaceCli: (planId: number) => `在命令行确认替换：duban plan publish ${planId} --replace。`,
  replacedPlanClosed: (planId: number) => `原工作要点 ${planId} 已关闭归档，其任务和填报记录保留可查。`,
} as const;
