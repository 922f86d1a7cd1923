import {
  countUnreadNotifications,
  listUserNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../../db/queries/notifications.ts';
import { listReminderLog } from '../../db/queries/reminders.ts';
import type { NotificationList, ReminderLog, ReminderLogQuery } from '../../shared/notifications.ts';
import { requirePermission } from '../accounts/permissions.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { reminderMessages as M } from './messages.ts';

// One's own in-app notifications (我的消息) and the organization's reminder log (催办记录).

function userOf(ctx: Context): number {
  // API tokens and sessions both belong to a user; a job actor has no inbox.
  if (ctx.actor.userId === null) throw new AppError('FORBIDDEN', M.notificationNotFound);
  return ctx.actor.userId;
}

/** The actor's notifications, newest first, with the unread count. */
export async function listMyNotifications(
  ctx: Context,
  query: { unread?: 'true' | 'false' | undefined; limit: number; offset: number },
): Promise<NotificationList> {
  const userId = userOf(ctx);
  const [page, unread] = await Promise.all([
    listUserNotifications(ctx.db, userId, {
      unreadOnly: query.unread === 'true',
      limit: query.limit,
      offset: query.offset,
    }),
    countUnreadNotifications(ctx.db, userId),
  ]);
  return { notifications: page.rows, total: page.total, unread };
}

/** How many of the actor's notifications are unread. */
export async function countMyUnread(ctx: Context): Promise<number> {
  return countUnreadNotifications(ctx.db, userOf(ctx));
}

/** Marks one of the actor's notifications read (NOT_FOUND when it is not theirs). */
export async function readMyNotification(ctx: Context, id: number): Promise<void> {
  const found = await markNotificationRead(ctx.db, userOf(ctx), id, ctx.now().toISOString());
  if (!found) throw new AppError('NOT_FOUND', M.notificationNotFound, { id });
}

/** Marks all of the actor's notifications read; answers how many were unread. */
export async function readAllMyNotifications(ctx: Context): Promise<number> {
  return markAllNotificationsRead(ctx.db, userOf(ctx), ctx.now().toISOString());
}

/** The organization's reminder log, for supervisors and administrators. */
export async function listReminders(ctx: Context, query: ReminderLogQuery): Promise<ReminderLog> {
  requirePermission(ctx.actor, 'reminders.read', M.notLogReader);
  const page = await listReminderLog(ctx.db, ctx.actor.organizationId, query);
  return { reminders: page.rows, total: page.total };
}
