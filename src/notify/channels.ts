import type { DeliveryOutcome } from '../shared/notifications.ts';
import { sendEmail } from './email.ts';
import { type RetryPolicy, withRetries } from './retry.ts';
import { dingtalkMessage, postRobot, signDingtalkUrl, wecomMessage } from './webhook.ts';

/** The stored reminder rules and channel settings of an organization, secrets in full (never sent out). */
export interface ChannelSettings {
  daysBeforeDue: number;
  leaderAfterDays: number;
  supervisorAfterDays: number;
  quietStart: string;
  quietEnd: string;
  emailEnabled: boolean;
  smtpHost: string;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string;
  smtpPassword: string;
  smtpFrom: string;
  wecomEnabled: boolean;
  wecomWebhook: string;
  dingtalkEnabled: boolean;
  dingtalkWebhook: string;
  dingtalkSecret: string;
}

/** Nothing set yet: reminders in the app only, 3 working days ahead, leader after 3, supervisor after 5. */
export const defaultChannelSettings: ChannelSettings = Object.freeze({
  daysBeforeDue: 3,
  leaderAfterDays: 3,
  supervisorAfterDays: 5,
  quietStart: '22:00',
  quietEnd: '07:30',
  emailEnabled: false,
  smtpHost: '',
  smtpPort: 465,
  smtpSecure: true,
  smtpUser: '',
  smtpPassword: '',
  smtpFrom: '',
  wecomEnabled: false,
  wecomWebhook: '',
  dingtalkEnabled: false,
  dingtalkWebhook: '',
  dingtalkSecret: '',
});

/** The external channels. */
export type ExternalChannel = 'email' | 'wecom' | 'dingtalk';

/** The values that must never appear in a log, an error or an answer. */
export function secretsOf(settings: ChannelSettings): string[] {
  return [
    settings.smtpPassword,
    settings.wecomWebhook,
    settings.dingtalkWebhook,
    settings.dingtalkSecret,
  ].filter((s) => s !== '');
}

/** Whether a channel is switched on and filled in enough to send. */
export function channelReady(settings: ChannelSettings, channel: ExternalChannel): boolean {
  if (channel === 'email')
    return settings.emailEnabled && settings.smtpHost !== '' && settings.smtpFrom !== '';
  if (channel === 'wecom') return settings.wecomEnabled && settings.wecomWebhook !== '';
  return settings.dingtalkEnabled && settings.dingtalkWebhook !== '';
}

/** Whether a moment falls in the quiet hours (Asia/Shanghai wall clock; the span may cross midnight). */
export function inQuietHours(
  settings: Pick<ChannelSettings, 'quietStart' | 'quietEnd'>,
  moment: Date,
): boolean {
  if (!settings.quietStart || !settings.quietEnd || settings.quietStart === settings.quietEnd) return false;
  const clock = new Date(moment.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
  return settings.quietStart < settings.quietEnd
    ? clock >= settings.quietStart && clock < settings.quietEnd
    : clock >= settings.quietStart || clock < settings.quietEnd;
}

/** A message for an external channel: e-mail uses title + text (to a person), robots Markdown. */
export interface OutgoingMessage {
  title: string;
  text: string;
  /** The e-mail address (e-mail only). */
  to?: string;
}

/** Delivers one message by one channel with retries; the outcome's error never holds a secret. */
export async function deliver(
  settings: ChannelSettings,
  channel: ExternalChannel,
  message: OutgoingMessage,
  policy?: RetryPolicy,
  now: () => Date = () => new Date(),
): Promise<DeliveryOutcome> {
  const secrets = secretsOf(settings);
  const send = async (): Promise<void> => {
    if (channel === 'email') {
      await sendEmail(
        {
          host: settings.smtpHost,
          port: settings.smtpPort,
          secure: settings.smtpSecure,
          user: settings.smtpUser,
          password: settings.smtpPassword,
          from: settings.smtpFrom,
        },
        { to: message.to ?? '', subject: message.title, text: message.text },
      );
    } else if (channel === 'wecom') {
      await postRobot(settings.wecomWebhook, wecomMessage(message.text));
    } else {
      // Signed anew on each try: DingTalk refuses a timestamp more than an hour old.
      const url = signDingtalkUrl(settings.dingtalkWebhook, settings.dingtalkSecret, now().getTime());
      await postRobot(url, dingtalkMessage(message.title, message.text));
    }
  };
  return withRetries(send, secrets, policy);
}
