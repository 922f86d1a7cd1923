import { findUserById } from '../../db/queries/users.ts';
import { channelReady, deliver } from '../../notify/channels.ts';
import type { RetryPolicy } from '../../notify/retry.ts';
import type { DeliveryOutcome } from '../../shared/notifications.ts';
import { requireAdmin } from '../accounts/permissions.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { reminderMessages as M } from './messages.ts';
import { loadNotificationSettings } from './notification-settings.ts';

/** An administrator's test message to one channel, as saved; e-mail goes to `to` or their own address. */
export async function sendTestMessage(
  ctx: Context,
  input: { channel: 'email' | 'wecom' | 'dingtalk'; to?: string | undefined },
  policy?: RetryPolicy,
): Promise<DeliveryOutcome> {
  requireAdmin(ctx.actor);
  const settings = await loadNotificationSettings(ctx.db, ctx.actor.organizationId);
  if (!channelReady(settings, input.channel)) {
    throw new AppError('INVALID_INPUT', M.channelOff(M.channelNames[input.channel] ?? input.channel), {
      field: 'channel',
    });
  }
  let to = input.to;
  if (input.channel === 'email' && !to) {
    const me = ctx.actor.userId === null ? undefined : await findUserById(ctx.db, ctx.actor.userId);
    to = me?.email ?? undefined;
    if (!to) throw new AppError('INVALID_INPUT', M.testNoEmail, { field: 'to' });
  }
  const text = input.channel === 'email' ? M.testBody : `### ${M.testTitle}\n${M.testBody}`;
  return deliver(settings, input.channel, { title: M.testTitle, text, ...(to ? { to } : {}) }, policy);
}
