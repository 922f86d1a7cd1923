import type { Kysely } from 'kysely';
import { readSetting, writeSetting } from '../../db/queries/settings.ts';
import type { DB } from '../../db/schema.ts';
import { type ChannelSettings, defaultChannelSettings } from '../../notify/channels.ts';
import {
  type NotificationSettingsInput,
  type NotificationSettingsView,
  SECRET_FIELDS,
  SECRET_MASK,
} from '../../shared/notifications.ts';
import { requireAdmin } from '../accounts/permissions.ts';
import type { Context } from '../context.ts';
import { write } from '../write.ts';

/** The settings key the reminder rules and channels are stored under (JSON of ChannelSettings). */
export const notificationSettingsKey = 'notifications';

/**
 * The organization's reminder rules and channels, secrets included (for delivery only): the stored
 * JSON over the defaults, a stored field of the wrong type falling back to its default.
 */
export async function loadNotificationSettings(
  db: Kysely<DB>,
  organizationId: number,
): Promise<ChannelSettings> {
  const text = await readSetting(db, organizationId, notificationSettingsKey);
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    // A damaged setting must not stop reminders: the defaults apply.
  }
  const settings: Record<string, unknown> = { ...defaultChannelSettings };
  for (const [key, fallback] of Object.entries(defaultChannelSettings)) {
    if (typeof stored[key] === typeof fallback) settings[key] = stored[key];
  }
  return settings as unknown as ChannelSettings;
}

/** The settings as an administrator sees them: every secret masked, with whether it is set. */
export function notificationSettingsView(settings: ChannelSettings): NotificationSettingsView {
  const secretsSet = Object.fromEntries(
    SECRET_FIELDS.map((f) => [f, settings[f] !== '']),
  ) as NotificationSettingsView['secretsSet'];
  const mask = (f: (typeof SECRET_FIELDS)[number]) => (settings[f] === '' ? '' : SECRET_MASK);
  return {
    ...settings,
    smtpPassword: mask('smtpPassword'),
    wecomWebhook: mask('wecomWebhook'),
    dingtalkWebhook: mask('dingtalkWebhook'),
    dingtalkSecret: mask('dingtalkSecret'),
    secretsSet,
  };
}

/**
 * An administrator saves the reminder rules and channels. A secret absent from the input (or sent
 * back masked) keeps its stored value; an empty one clears it. Audited without the secrets.
 */
export async function updateNotificationSettings(
  ctx: Context,
  input: NotificationSettingsInput,
): Promise<NotificationSettingsView> {
  requireAdmin(ctx.actor);
  return write(ctx, async (trx) => {
    const organizationId = ctx.actor.organizationId;
    const before = await loadNotificationSettings(trx, organizationId);
    const after: ChannelSettings = { ...before, ...withoutSecrets(input) };
    for (const field of SECRET_FIELDS) {
      const value = input[field];
      if (value !== undefined && value !== SECRET_MASK) after[field] = value.trim();
    }
    await writeSetting(trx, organizationId, notificationSettingsKey, JSON.stringify(after));
    return {
      result: notificationSettingsView(after),
      audit: [
        {
          action: 'settings.notifications',
          entityType: 'settings',
          entityId: null,
          before: auditView(before),
          after: auditView(after),
        },
      ],
    };
  });
}

function withoutSecrets(
  input: NotificationSettingsInput,
): Omit<NotificationSettingsInput, (typeof SECRET_FIELDS)[number]> {
  const { smtpPassword: _p, wecomWebhook: _w, dingtalkWebhook: _d, dingtalkSecret: _s, ...rest } = input;
  return rest;
}

// The audit trail is read by more people than the settings page: it records that a secret
// changed, never its value.
function auditView(settings: ChannelSettings): NotificationSettingsView {
  return notificationSettingsView(settings);
}
