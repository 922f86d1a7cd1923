// The Chinese messages of the reporting-rule setting (the light thresholds' are in workflow-messages.ts).

/** Chinese messages of the settings use cases. */
export const settingsMessages = {
  notSettingsEditor: '只有管理员可以修改系统设置，请联系系统管理员。',
  reportingCycleInvalid: '填报周期无效，请选择每月、每季度或每学期。',
  reportingDueDayInvalid: '填报截止日应为 1–28 的整数（每月都有这一天）。',
} as const;
