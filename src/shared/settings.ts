import { z } from 'zod';

// Contracts of the organization settings, shared by the HTTP routes and the settings page.

/** Light thresholds (亮灯阈值); the bounds keep a mistyped value from turning every light red or none. */
export const lightSettingsSchema = z.object({
  reportGraceDays: z
    .number({ error: '报告宽限天数应为 0–60 的整数' })
    .int({ error: '报告宽限天数应为 0–60 的整数' })
    .min(0, { error: '报告宽限天数应为 0–60 的整数' })
    .max(60, { error: '报告宽限天数应为 0–60 的整数' }),
  dueSoonDays: z
    .number({ error: '临期预警天数应为 0–60 的整数' })
    .int({ error: '临期预警天数应为 0–60 的整数' })
    .min(0, { error: '临期预警天数应为 0–60 的整数' })
    .max(60, { error: '临期预警天数应为 0–60 的整数' }),
  redBelowShare: z
    .number({ error: '红灯进度比例应在 0 到 1 之间' })
    .min(0, { error: '红灯进度比例应在 0 到 1 之间' })
    .max(1, { error: '红灯进度比例应在 0 到 1 之间' }),
});

/** Light thresholds. */
export type LightSettingsInput = z.infer<typeof lightSettingsSchema>;

/** How often units file progress reports: monthly, quarterly or each school term. */
export const REPORTING_CYCLES = ['month', 'quarter', 'term'] as const;

/** A reporting cycle. */
export type ReportingCycle = (typeof REPORTING_CYCLES)[number];

/** The organization's reporting rule: the cycle and the day of the month reports are due. */
export const reportingSettingsSchema = z.object({
  cycle: z.enum(REPORTING_CYCLES, { error: '请选择填报周期（每月、每季度或每学期）' }),
  dueDay: z
    .number({ error: '截止日应为 1–28 的整数' })
    .int({ error: '截止日应为 1–28 的整数' })
    .min(1, { error: '截止日应为 1–28 的整数' })
    .max(28, { error: '截止日应为 1–28 的整数' }),
});

/** The reporting rule. */
export type ReportingSettings = z.infer<typeof reportingSettingsSchema>;

/** Every setting of the organization, as GET /api/settings returns it. */
export const settingsViewSchema = z.object({
  lights: lightSettingsSchema,
  reporting: reportingSettingsSchema,
});

/** Every setting of the organization. */
export type SettingsView = z.infer<typeof settingsViewSchema>;
