import { insertNoticeEvent, updateNoticeIfVersion } from '../../db/queries/supervision-notices.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireText, requireVersion } from '../workflow-input.ts';
import { assertUpdated, write } from '../write.ts';
import { requireVisibleNotice } from './load-notice.ts';
import { supervisionMessages as M } from './messages.ts';
import { mayDecide } from './notice-view.ts';

/** A supervisor's decision on a reply: accept (办结, closes the notice) or return (退回, awaits a new reply). */
export type NoticeDecision = { decision: 'accept' } | { decision: 'return'; comment: string };

/** Where the notice stands after the decision. */
export interface DecidedNotice {
  id: number;
  status: 'issued' | 'closed';
  version: number;
}

/**
 * The supervisor accepts a replied notice, closing it, or returns it to the addressed unit with a
 * comment that stays in the notice's history.
 */
export async function decideNotice(
  ctx: Context,
  input: NoticeDecision & { noticeId: number; version: number },
): Promise<DecidedNotice> {
  const version = requireVersion(input.version);
  const comment = input.decision === 'return' ? requireText(input.comment, '请填写退回意见') : '';
  return write(ctx, async (trx, at) => {
    const notice = await requireVisibleNotice(trx, ctx.actor, input.noticeId);
    if (!mayDecide(ctx.actor, notice)) throw new AppError('FORBIDDEN', M.supervisorOnly);
    if (notice.status !== 'replied') throw new AppError('CONFLICT', M.notAwaitingDecision);
    const accept = input.decision === 'accept';
    const status: DecidedNotice['status'] = accept ? 'closed' : 'issued';
    const changes = accept ? ({ status, closed_at: at } as const) : ({ status } as const);
    assertUpdated(await updateNoticeIfVersion(trx, notice.id, version, changes), '督办单');
    await insertNoticeEvent(trx, {
      noticeId: notice.id,
      kind: input.decision,
      text: comment,
      userId: ctx.actor.userId,
      actorLabel: ctx.actor.label,
      createdAt: at,
    });
    return {
      result: { id: notice.id, status, version: version + 1 },
      audit: [
        {
          action: `supervision_notice.${input.decision}`,
          entityType: 'supervision_notice',
          entityId: notice.id,
          before: { status: notice.status, version },
          after: { status, comment, version: version + 1 },
        },
      ],
    };
  });
}
