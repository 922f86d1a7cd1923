import { z } from 'zod';
import { requirePermission } from '../../domain/accounts/permissions.ts';
import {
  loadNotificationSettings,
  notificationSettingsView,
  updateNotificationSettings,
} from '../../domain/reminders/notification-settings.ts';
import {
  countMyUnread,
  listMyNotifications,
  listReminders,
  readAllMyNotifications,
  readMyNotification,
} from '../../domain/reminders/notifications.ts';
import { sendTestMessage } from '../../domain/reminders/send-test-message.ts';
import { urgeItem, urgeTask } from '../../domain/reminders/urge.ts';
import {
  channelTestSchema,
  notificationListQuerySchema,
  notificationSettingsSchema,
  reminderLogQuerySchema,
  urgeSchema,
} from '../../shared/notifications.ts';
import { defineRoute, idParams, type Route } from '../route.ts';

const TAG = '通知与催办';

/** In-app notifications, the reminder log, manual 催办 and the notification settings. */
export const notificationsRoutes: Route[] = [
  defineRoute({
    method: 'GET',
    url: '/api/notifications',
    summary: '我的消息（最新在前；unread=true 只列未读），附未读数',
    tag: TAG,
    auth: true,
    query: notificationListQuerySchema,
    handler: async ({ ctx, query }) => listMyNotifications(ctx, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/notifications/unread-count',
    summary: '我的未读消息数',
    tag: TAG,
    auth: true,
    response: z.object({ unread: z.number() }),
    handler: async ({ ctx }) => ({ unread: await countMyUnread(ctx) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/:id/read',
    summary: '把一条消息标为已读',
    tag: TAG,
    auth: true,
    params: idParams,
    status: 204,
    handler: async ({ ctx, params }) => readMyNotification(ctx, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/notifications/read-all',
    summary: '把我的消息全部标为已读，答复标记的条数',
    tag: TAG,
    auth: true,
    response: z.object({ marked: z.number() }),
    handler: async ({ ctx }) => ({ marked: await readAllMyNotifications(ctx) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reminders',
    summary: '催办记录：发给谁、什么事、何时、哪个渠道、是否送达（督办人员、管理员）',
    tag: TAG,
    auth: true,
    query: reminderLogQuerySchema,
    handler: async ({ ctx, query }) => listReminders(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tasks/:id/urge',
    summary: '对亮红灯或黄灯的任务催办：立即通知责任单位人员（站内消息，按设置发邮件），答复通知人数',
    tag: TAG,
    auth: true,
    params: idParams,
    body: urgeSchema,
    response: z.object({ reached: z.number(), failed: z.number() }),
    handler: async ({ ctx, params, body }) => urgeTask(ctx, params.id, { message: body.message }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/items/:id/urge',
    summary: '对亮红灯或黄灯的要点催办：通知其落后任务的责任单位人员，答复通知人数',
    tag: TAG,
    auth: true,
    params: idParams,
    body: urgeSchema,
    response: z.object({ reached: z.number(), failed: z.number() }),
    handler: async ({ ctx, params, body }) => urgeItem(ctx, params.id, { message: body.message }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/settings/notifications',
    summary: '催办规则与通知渠道设置（仅管理员；密码和机器人地址只显示 •••• 和是否已设置）',
    tag: TAG,
    auth: true,
    handler: async ({ ctx }) => {
      requirePermission(ctx.actor, 'notifications.configure');
      return notificationSettingsView(await loadNotificationSettings(ctx.db, ctx.actor.organizationId));
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/settings/notifications',
    summary: '保存催办规则与通知渠道（仅管理员；未提交的密码、机器人地址保持不变；记入操作记录）',
    tag: TAG,
    auth: true,
    body: notificationSettingsSchema,
    handler: async ({ ctx, body }) => updateNotificationSettings(ctx, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/settings/notifications/test',
    summary: '向一个渠道发送测试消息（按已保存的设置），答复是否送达',
    tag: TAG,
    auth: true,
    body: channelTestSchema,
    response: z.object({ ok: z.boolean(), attempts: z.number(), error: z.string().nullable() }),
    handler: async ({ ctx, body }) => sendTestMessage(ctx, body),
  }),
];
