import {
  loadLightSettings,
  loadReportingSettings,
  updateLightSettings,
  updateReportingSettings,
} from '../../domain/settings.ts';
import { lightSettingsSchema, reportingSettingsSchema, settingsViewSchema } from '../../shared/settings.ts';
import { defineRoute, type Route } from '../route.ts';

/** Organization settings: anyone signed in reads them (lights explain themselves by them); administrators change them. */
export const settingsRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/settings',
    summary: '本单位的设置：亮灯阈值和填报规则（未设置的取默认值）',
    tag: '系统设置',
    auth: true,
    response: settingsViewSchema,
    handler: async ({ ctx }) => {
      const organizationId = ctx.actor.organizationId;
      const [lights, reporting] = await Promise.all([
        loadLightSettings(ctx.db, organizationId),
        loadReportingSettings(ctx.db, organizationId),
      ]);
      return { lights, reporting };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/settings/lights',
    summary: '设置亮灯阈值（仅管理员；记入操作记录）',
    tag: '系统设置',
    auth: true,
    body: lightSettingsSchema,
    response: lightSettingsSchema,
    handler: async ({ ctx, body }) => updateLightSettings(ctx, body),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/settings/reporting',
    summary: '设置填报规则：周期（每月/每季度/每学期）和截止日（仅管理员；记入操作记录）',
    tag: '系统设置',
    auth: true,
    body: reportingSettingsSchema,
    response: reportingSettingsSchema,
    handler: async ({ ctx, body }) => updateReportingSettings(ctx, body),
  }),
];
