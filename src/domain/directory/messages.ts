// The Chinese messages of the directory use cases (units, aliases, leaders), kept together.

/** Chinese messages of the directory use cases. */
export const directoryMessages = {
  notDirectoryEditor: '只有管理员和督办人员可以维护单位与领导名录；如需修改，请联系他们。',
  unitNotFound: '找不到该单位，可能已被合并或删除，请刷新后重试。',
  aliasNotFound: '找不到该别名，可能已被删除，请刷新后重试。',
  nameTakenByUnit: (name: string) => `已有名为“${name}”的单位，请换一个名称。`,
  nameTakenByAlias: (name: string, unit: string) =>
    `“${name}”已是“${unit}”的别名；如要改用此名，请先删除该别名。`,
  schoolKindForDepartment: '股室没有学校类型，只有学校需要选择学校类型。',
  unitHasOpenTasks: (name: string, count: number) =>
    `“${name}”还有 ${count} 项未办结的任务（牵头或配合），不能停用。请先把这些任务改由其他单位负责，或办结后再停用。`,
  leaderNotFound: '找不到该领导，请刷新后重试。',
  leaderExists: (name: string) => `已有名为“${name}”的局领导，请勿重复添加；同名领导请在姓名后加以区分。`,
} as const;
