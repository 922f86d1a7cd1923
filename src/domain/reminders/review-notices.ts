import { insertNotifications } from '../../db/queries/notifications.ts';
import { insertReminder, listUnitUsers } from '../../db/queries/reminders.ts';
import { type ChannelSettings, channelReady } from '../../notify/channels.ts';
import type { Tx } from '../context.ts';
import { reminderMessages as M } from './messages.ts';

/** A reviewed report, as the people told of it read it. */
export interface ReviewedFiling {
  organizationId: number;
  reportId: number;
  taskTitle: string;
  /** 'YYYY-MM'. */
  period: string;
  unitId: number;
  /** Who filed it (null when the account is gone). */
  filedBy: number | null;
  /** Where the task is seen in the app. */
  link: string;
  /** How many completions were reviewed with it. */
  completions: number;
}

/**
 * Tells the unit what became of its filing, inside the review's transaction. A return reaches every
 * active user of the unit in the app and by e-mail (when e-mail is set up and the user has an
 * address), with the reason, so the re-filing can start from it; an acceptance tells the filer in
 * the app. Returns the ids of the e-mails to deliver once the review is committed.
 */
export async function recordReviewNotice(
  trx: Tx,
  filing: ReviewedFiling,
  review: { decision: 'accept' | 'return'; comment: string; reviewer: string; at: string },
  settings: ChannelSettings,
): Promise<number[]> {
  const people = await listUnitUsers(trx, filing.organizationId, [filing.unitId]);
  const title =
    review.decision === 'return'
      ? M.reportReturnedTitle(filing.taskTitle, filing.period)
      : M.reportAcceptedTitle(filing.taskTitle, filing.period);
  const body =
    review.decision === 'return'
      ? M.reportReturnedBody(review.reviewer, review.comment)
      : M.reportAcceptedBody(review.reviewer, filing.completions, review.comment);
  const told = review.decision === 'return' ? people : people.filter((p) => p.userId === filing.filedBy);
  await insertNotifications(
    trx,
    told.map((p) => ({
      organizationId: filing.organizationId,
      userId: p.userId,
      kind: review.decision === 'return' ? 'report_returned' : 'report_accepted',
      title,
      body,
      link: filing.link,
      createdAt: review.at,
    })),
  );
  if (review.decision !== 'return' || !channelReady(settings, 'email')) return [];
  const ids: number[] = [];
  for (const person of told) {
    if (!person.email) continue;
    ids.push(
      await insertReminder(trx, {
        organization_id: filing.organizationId,
        target_type: 'report',
        target_id: filing.reportId,
        recipient_user_id: person.userId,
        recipient_unit_id: person.unitId,
        kind: 'return',
        message: `${title}\n${body}`,
        scheduled_for: review.at,
        day: null,
        channel: 'email',
        status: 'pending',
      }),
    );
  }
  return ids;
}
