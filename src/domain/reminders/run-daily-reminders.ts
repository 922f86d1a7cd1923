import { insertNotifications } from '../../db/queries/notifications.ts';
import {
  insertReminder,
  listDayReminderKeys,
  listPublishedPlans,
  listReminderPeople,
  type NewReminder,
  reminderKey,
} from '../../db/queries/reminders.ts';
import { channelReady, type ExternalChannel } from '../../notify/channels.ts';
import type { RetryPolicy } from '../../notify/retry.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { type Context, systemActor } from '../context.ts';
import { write } from '../write.ts';
import { type DeliveryTally, deliverPendingReminders } from './deliver-reminders.ts';
import { digestText, robotMarkdown } from './digest-text.ts';
import { loadReminderFindings, loadReminderRounds, loadReminderWork } from './load-reminder-work.ts';
import { loadNotificationSettings } from './notification-settings.ts';
import { planReminders } from './plan-reminders.ts';
import { mergeDigests, roundReminders } from './round-reminders.ts';

/** Which organization, which Asia/Shanghai day; retries may be shortened (tests). */
export interface DailyRemindersInput {
  organizationId: number;
  day: string;
  retry?: RetryPolicy;
}

/** What a daily run did. */
export interface DailyRemindersResult {
  day: string;
  workingDay: boolean;
  /** People with a digest today. */
  digests: number;
  /** In-app notifications created by this run (0 when it already ran today). */
  inApp: number;
  delivery: DeliveryTally;
}

/** The reminder kind of the daily digest. */
export const DIGEST_KIND = 'digest';

/**
 * The daily reminders of one organization: one digest per person over every published plan, the
 * findings to rectify (问题整改) and the open collection rounds (数据填报), as an in-app notification
 * and an e-mail, and one summary per group robot. Every delivery is a
 * row of the reminder log. Running again on the same day records and sends nothing twice; it only
 * retries what is still pending (e.g. held back by quiet hours).
 */
export async function runDailyReminders(
  ctx: Context,
  input: DailyRemindersInput,
): Promise<DailyRemindersResult> {
  const { organizationId, day } = input;
  const job: Context = { ...ctx, actor: systemActor(organizationId, '督办提醒') };
  const [settings, calendar] = await Promise.all([
    loadNotificationSettings(job.db, organizationId),
    loadWorkCalendar(job.db, organizationId),
  ]);
  const workingDay = calendar.isWorkingDay(day);
  let digests = 0;
  let inApp = 0;
  if (workingDay) {
    const plans = await listPublishedPlans(job.db, organizationId);
    const works = await Promise.all(plans.map((plan) => loadReminderWork(job, plan, day)));
    const findings = await loadReminderFindings(job);
    const rounds = await loadReminderRounds(job);
    const people = await listReminderPeople(job.db, organizationId);
    const planned = mergeDigests(
      planReminders(works, people, calendar, settings, day, findings),
      roundReminders(rounds, people, calendar, settings, day),
    );
    digests = planned.length;
    const emailOf = new Map(people.map((p) => [p.userId, p.email]));
    inApp = await write(job, async (trx, at) => {
      const done = await listDayReminderKeys(trx, organizationId, day, DIGEST_KIND);
      const base = { organization_id: organizationId, kind: DIGEST_KIND, day, scheduled_for: at };
      const notifications: Parameters<typeof insertNotifications>[1][number][] = [];
      const record = async (row: Omit<NewReminder, keyof typeof base>) => {
        if (done.has(reminderKey(row.recipient_user_id, row.channel))) return false;
        await insertReminder(trx, { ...base, ...row });
        return true;
      };
      for (const digest of planned) {
        const text = digestText(digest, day);
        const message = `${text.title}\n${text.body}`;
        const person = {
          target_type: 'digest',
          target_id: organizationId,
          recipient_user_id: digest.userId,
          recipient_unit_id: null,
        };
        if (await record({ ...person, channel: 'inapp', message, status: 'sent' })) {
          notifications.push({
            organizationId,
            userId: digest.userId,
            kind: DIGEST_KIND,
            ...text,
            createdAt: at,
          });
        }
        if (channelReady(settings, 'email') && emailOf.get(digest.userId)) {
          await record({ ...person, channel: 'email', message, status: 'pending' });
        }
      }
      const summary = robotMarkdown(planned, day);
      for (const channel of ['wecom', 'dingtalk'] as ExternalChannel[]) {
        if (!summary || !channelReady(settings, channel)) continue;
        await record({
          target_type: 'digest',
          target_id: organizationId,
          recipient_user_id: null,
          recipient_unit_id: null,
          channel,
          message: `${summary.title}\n${summary.text}`,
          status: 'pending',
        });
      }
      await insertNotifications(trx, notifications);
      return {
        result: notifications.length,
        audit:
          notifications.length > 0
            ? [
                {
                  action: 'reminders.daily',
                  entityType: 'organization',
                  entityId: organizationId,
                  after: { day, people: notifications.length },
                },
              ]
            : [],
      };
    });
  }
  const delivery = await deliverPendingReminders(job, settings, input.retry, day);
  return { day, workingDay, digests, inApp, delivery };
}
