import { z } from 'zod';

// Contracts of reminders (催办), notifications and their channels, shared by the HTTP routes and
// the web pages so both refuse the same input with the same Chinese message.

/** What the masked secret looks like in answers (never the secret itself). */
export const SECRET_MASK = '••••';

/** The delivery channels. In-app is always on; the others are set by the administrator. */
export const CHANNELS = ['inapp', 'email', 'wecom', 'dingtalk'] as const;

/** A delivery channel. */
export type Channel = (typeof CHANNELS)[number];

/** The channels an administrator can send a test message to. */
export const TESTABLE_CHANNELS = ['email', 'wecom', 'dingtalk'] as const;

const whole = (message: string, min: number, max: number) =>
  z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });

const clock = (label: string) =>
  z.union([
    z.literal(''),
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `${label}应为 HH:MM，例如 22:00` }),
  ]);

const webhook = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(500, { error: `${label}过长` })
    .refine((value) => value === '' || value === SECRET_MASK || /^https?:\/\/[^\s]+$/.test(value), {
      error: `${label}应以 https:// 开头`,
    });

/** The reminder rules and channels of an organization (PUT body; absent secrets keep their value). */
export const notificationSettingsSchema = z
  .object({
    daysBeforeDue: whole('到期前提醒天数应为 0–15 的整数', 0, 15),
    leaderAfterDays: whole('逾期几个工作日告知责任领导应为 1–30 的整数', 1, 30),
    supervisorAfterDays: whole('逾期几个工作日告知督办人员应为 1–60 的整数', 1, 60),
    quietStart: clock('免打扰开始时间'),
    quietEnd: clock('免打扰结束时间'),
    emailEnabled: z.boolean(),
    smtpHost: z.string().trim().max(200, { error: '邮件服务器地址过长' }),
    smtpPort: whole('端口应为 1–65535 的整数', 1, 65535),
    smtpSecure: z.boolean(),
    smtpUser: z.string().trim().max(200, { error: '邮箱账号过长' }),
    smtpPassword: z.string().max(200, { error: '邮箱密码过长' }).optional(),
    smtpFrom: z.string().trim().max(200, { error: '发件人过长' }),
    wecomEnabled: z.boolean(),
    wecomWebhook: webhook('企业微信机器人地址').optional(),
    dingtalkEnabled: z.boolean(),
    dingtalkWebhook: webhook('钉钉机器人地址').optional(),
    dingtalkSecret: z.string().trim().max(200, { error: '钉钉加签密钥过长' }).optional(),
  })
  .superRefine((value, issue) => {
    if (value.supervisorAfterDays < value.leaderAfterDays) {
      issue.addIssue({
        code: 'custom',
        path: ['supervisorAfterDays'],
        message: '告知督办人员的逾期天数不能少于告知责任领导的天数',
      });
    }
    if ((value.quietStart === '') !== (value.quietEnd === '')) {
      issue.addIssue({
        code: 'custom',
        path: [value.quietStart === '' ? 'quietStart' : 'quietEnd'],
        message: '免打扰时段请同时填写开始和结束时间，或都留空',
      });
    }
    if (value.emailEnabled && value.smtpHost === '') {
      issue.addIssue({ code: 'custom', path: ['smtpHost'], message: '启用邮件提醒时请填写邮件服务器地址' });
    }
    if (value.emailEnabled && !/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(value.smtpFrom)) {
      issue.addIssue({
        code: 'custom',
        path: ['smtpFrom'],
        message: '请填写发件人邮箱，例如 duban@example.gov.cn',
      });
    }
  });

/** The settings as the form sends them. */
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;

/** The secret fields: answered masked, kept when absent from a PUT. */
export const SECRET_FIELDS = ['smtpPassword', 'wecomWebhook', 'dingtalkWebhook', 'dingtalkSecret'] as const;

/** A secret field's name. */
export type SecretField = (typeof SECRET_FIELDS)[number];

/** The settings as GET answers them: secrets masked, with whether each is set. */
export interface NotificationSettingsView extends Omit<NotificationSettingsInput, SecretField> {
  smtpPassword: string;
  wecomWebhook: string;
  dingtalkWebhook: string;
  dingtalkSecret: string;
  secretsSet: Record<SecretField, boolean>;
}

/** A test message to one channel (email goes to `to`, else to the administrator's own address). */
export const channelTestSchema = z.object({
  channel: z.enum(TESTABLE_CHANNELS, { error: '请选择要测试的渠道' }),
  to: z.email({ error: '请填写正确的收件邮箱' }).optional(),
});

/** The outcome of a delivery. */
export interface DeliveryOutcome {
  ok: boolean;
  attempts: number;
  /** Chinese, with secrets removed. */
  error: string | null;
}

/** One in-app notification. */
export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The query of the own notification list. */
export const notificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The own notifications, newest first, with the unread count. */
export interface NotificationList {
  notifications: NotificationView[];
  total: number;
  unread: number;
}

/** A manual 催办 on a red or yellow item or task. */
export const urgeSchema = z.object({
  message: z.string().trim().max(500, { error: '催办说明不能超过 500 字' }).optional(),
});

/** How many people a manual 催办 reached. */
export interface UrgeResult {
  reached: number;
  failed: number;
}

/** The statuses of a reminder row. */
export const REMINDER_STATUSES = ['pending', 'sent', 'failed'] as const;

/** The query of the reminder log. */
export const reminderLogQuerySchema = z.object({
  status: z.enum(REMINDER_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The reminder log query. */
export type ReminderLogQuery = z.infer<typeof reminderLogQuerySchema>;

/** One row of the reminder log: who, what, when, by which channel, delivered or failed. */
export interface ReminderLogEntry {
  id: number;
  day: string | null;
  kind: string;
  channel: Channel;
  targetType: string;
  targetId: number;
  recipient: string | null;
  recipientUnit: string | null;
  message: string;
  scheduledFor: string;
  sentAt: string | null;
  status: (typeof REMINDER_STATUSES)[number];
  error: string | null;
  attempts: number;
}

/** A page of the reminder log. */
export interface ReminderLog {
  reminders: ReminderLogEntry[];
  total: number;
}
