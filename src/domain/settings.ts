import type { Kysely } from 'kysely';
import { readSetting, writeSetting } from '../db/queries/settings.ts';
import type { DB } from '../db/schema.ts';
import type { ReportingSettings } from '../shared/settings.ts';
import { requirePermission } from './accounts/permissions.ts';
import type { Context } from './context.ts';
import { defaultLightSettings, type LightSettings } from './lights/index.ts';
import { settingsMessages as S } from './settings-messages.ts';
import { invalid } from './workflow-input.ts';
import { workflowMessages as M } from './workflow-messages.ts';
import { write } from './write.ts';

/** The settings key the light thresholds are stored under (JSON of LightSettings, fields optional). */
export const lightSettingsKey = 'lights';

type Rule = { min: number; max: number; whole: boolean; label: string };

// Bounds keep a mistyped setting from turning every light red or none: grace and warning windows
// of up to two months, a red share strictly between 0 and 1.
const rules: Record<keyof LightSettings, Rule> = {
  reportGraceDays: { min: 0, max: 60, whole: true, label: '报告宽限天数应为 0–60 的整数' },
  dueSoonDays: { min: 0, max: 60, whole: true, label: '临期预警天数应为 0–60 的整数' },
  redBelowShare: { min: 0, max: 1, whole: false, label: '红灯进度比例应在 0 到 1 之间' },
};

function isValid(key: keyof LightSettings, value: unknown): value is number {
  const rule = rules[key];
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= rule.min &&
    value <= rule.max &&
    (!rule.whole || Number.isInteger(value))
  );
}

/**
 * The organization's light thresholds: the stored 'lights' JSON over the lights module's defaults.
 * A stored field that is missing or out of range falls back to its default, so a damaged setting
 * never stops the dashboards.
 */
export async function loadLightSettings(db: Kysely<DB>, organizationId: number): Promise<LightSettings> {
  const stored = parseObject(await readSetting(db, organizationId, lightSettingsKey));
  const settings = { ...defaultLightSettings };
  for (const key of Object.keys(rules) as Array<keyof LightSettings>) {
    const value = stored[key];
    if (isValid(key, value)) settings[key] = value;
  }
  return settings;
}

/** An administrator changes some light thresholds; the rest keep their current values. Audited. */
export async function updateLightSettings(
  ctx: Context,
  patch: Partial<LightSettings>,
): Promise<LightSettings> {
  requirePermission(ctx.actor, 'settings.edit', M.notSettingsEditor);
  for (const key of Object.keys(patch) as Array<keyof LightSettings>) {
    if (!(key in rules)) invalid(M.settingsInvalid(String(key)), { field: key });
    if (!isValid(key, patch[key])) invalid(M.settingsInvalid(rules[key].label), { field: key });
  }
  return write(ctx, async (trx) => {
    const organizationId = ctx.actor.organizationId;
    const before = await loadLightSettings(trx, organizationId);
    const after: LightSettings = { ...before, ...patch };
    await writeSetting(trx, organizationId, lightSettingsKey, JSON.stringify(after));
    return {
      result: after,
      audit: [{ action: 'settings.lights', entityType: 'settings', entityId: null, before, after }],
    };
  });
}

/** The settings key the reporting rule is stored under (JSON of ReportingSettings). */
export const reportingSettingsKey = 'reporting';

/** The reporting rule DESIGN.md names: monthly, due the 25th. */
export const defaultReportingSettings: ReportingSettings = Object.freeze({ cycle: 'month', dueDay: 25 });

const cycles: ReadonlyArray<ReportingSettings['cycle']> = ['month', 'quarter', 'term'];

function isDueDay(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 28;
}

/**
 * The organization's reporting rule (how often units report, and the day of the month it is due):
 * the stored 'reporting' JSON over the defaults, field by field, like the light thresholds.
 */
export async function loadReportingSettings(
  db: Kysely<DB>,
  organizationId: number,
): Promise<ReportingSettings> {
  const stored = parseObject(await readSetting(db, organizationId, reportingSettingsKey));
  const cycle = cycles.find((c) => c === stored.cycle) ?? defaultReportingSettings.cycle;
  const dueDay = isDueDay(stored.dueDay) ? stored.dueDay : defaultReportingSettings.dueDay;
  return { cycle, dueDay };
}

/** An administrator sets the reporting rule. Audited with the rule before and after. */
export async function updateReportingSettings(
  ctx: Context,
  input: ReportingSettings,
): Promise<ReportingSettings> {
  requirePermission(ctx.actor, 'settings.edit', S.notSettingsEditor);
  if (!cycles.includes(input.cycle)) invalid(S.reportingCycleInvalid, { field: 'cycle' });
  if (!isDueDay(input.dueDay)) invalid(S.reportingDueDayInvalid, { field: 'dueDay' });
  return write(ctx, async (trx) => {
    const organizationId = ctx.actor.organizationId;
    const before = await loadReportingSettings(trx, organizationId);
    const after: ReportingSettings = { cycle: input.cycle, dueDay: input.dueDay };
    await writeSetting(trx, organizationId, reportingSettingsKey, JSON.stringify(after));
    return {
      result: after,
      audit: [{ action: 'settings.reporting', entityType: 'settings', entityId: null, before, after }],
    };
  });
}

function parseObject(text: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = text === undefined ? {} : JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
