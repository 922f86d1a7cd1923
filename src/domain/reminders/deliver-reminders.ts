import {
  finishReminder,
  listPendingExternalReminders,
  type PendingReminder,
} from '../../db/queries/reminders.ts';
import {
  type ChannelSettings,
  channelReady,
  deliver,
  type ExternalChannel,
  inQuietHours,
} from '../../notify/channels.ts';
import type { RetryPolicy } from '../../notify/retry.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { reminderMessages as M } from './messages.ts';

/** How the pending deliveries went. */
export interface DeliveryTally {
  sent: number;
  failed: number;
  /** Left pending: quiet hours. */
  deferred: number;
}

/** Splits a stored message into the e-mail subject (first line) and body. */
export function splitMessage(message: string): { title: string; text: string } {
  const cut = message.indexOf('\n');
  return cut < 0
    ? { title: message, text: message }
    : { title: message.slice(0, cut), text: message.slice(cut + 1) };
}

/**
 * Delivers the organization's pending e-mail and robot reminders, retrying each a few times and
 * recording sent or failed with the error (secrets removed). During quiet hours nothing leaves;
 * a daily digest still pending from an earlier day is superseded by today's and marked failed.
 */
export async function deliverPendingReminders(
  ctx: Context,
  settings: ChannelSettings,
  policy?: RetryPolicy,
  today: string = shanghaiToday(ctx),
): Promise<DeliveryTally> {
  const tally: DeliveryTally = { sent: 0, failed: 0, deferred: 0 };
  const pending = await listPendingExternalReminders(ctx.db, ctx.actor.organizationId);
  const quiet = inQuietHours(settings, ctx.now());
  for (const row of pending) {
    if (row.kind === 'digest' && row.day !== null && row.day < today) {
      await finishReminder(ctx.db, row.id, {
        status: 'failed',
        at: ctx.now().toISOString(),
        error: M.superseded,
        attempts: 0,
      });
      tally.failed++;
      continue;
    }
    if (quiet) {
      tally.deferred++;
      continue;
    }
    const outcome = await deliverRow(settings, row, policy);
    await finishReminder(ctx.db, row.id, {
      status: outcome.ok ? 'sent' : 'failed',
      at: ctx.now().toISOString(),
      error: outcome.error,
      attempts: outcome.attempts,
    });
    if (outcome.ok) tally.sent++;
    else tally.failed++;
  }
  return tally;
}

async function deliverRow(settings: ChannelSettings, row: PendingReminder, policy?: RetryPolicy) {
  const channel = row.channel as ExternalChannel;
  if (!channelReady(settings, channel)) {
    return { ok: false, attempts: 0, error: M.channelOff(M.channelNames[channel] ?? channel) };
  }
  if (channel === 'email' && !row.email) return { ok: false, attempts: 0, error: M.noEmail };
  const message = splitMessage(row.message);
  return deliver(settings, channel, { ...message, ...(row.email ? { to: row.email } : {}) }, policy);
}
