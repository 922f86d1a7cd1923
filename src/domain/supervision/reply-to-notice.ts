import { insertNoticeEvent, updateNoticeIfVersion } from '../../db/queries/supervision-notices.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { requireText, requireVersion } from '../workflow-input.ts';
import { assertUpdated, write } from '../write.ts';
import { requireVisibleNotice } from './load-notice.ts';
import { supervisionMessages as M } from './messages.ts';
import { mayReply } from './notice-view.ts';

/** The addressed unit replies to a notice (办理情况); it then awaits the supervisor's acceptance. */
export async function replyToNotice(
  ctx: Context,
  input: { noticeId: number; reply: string; version: number },
): Promise<{ id: number; status: 'replied'; version: number }> {
  const reply = requireText(input.reply, '请填写办理情况');
  const version = requireVersion(input.version);
  return write(ctx, async (trx, at) => {
    const notice = await requireVisibleNotice(trx, ctx.actor, input.noticeId);
    if (!mayReply(ctx.actor, notice)) throw new AppError('FORBIDDEN', M.notAddressee);
    if (notice.status !== 'issued') throw new AppError('CONFLICT', M.notAwaitingReply);
    const changes = { status: 'replied', reply, replied_at: at } as const;
    assertUpdated(await updateNoticeIfVersion(trx, notice.id, version, changes), '督办单');
    await insertNoticeEvent(trx, {
      noticeId: notice.id,
      kind: 'reply',
      text: reply,
      userId: ctx.actor.userId,
      actorLabel: ctx.actor.label,
      createdAt: at,
    });
    return {
      result: { id: notice.id, status: 'replied', version: version + 1 },
      audit: [
        {
          action: 'supervision_notice.reply',
          entityType: 'supervision_notice',
          entityId: notice.id,
          before: { status: notice.status, version },
          after: { status: 'replied', reply, version: version + 1 },
        },
      ],
    };
  });
}
