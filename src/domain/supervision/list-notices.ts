import { listNoticeEvents, listVisibleNotices } from '../../db/queries/supervision-notices.ts';
import type { NoticeDetail, NoticeStatus, NoticeView } from '../../shared/supervision.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { requireVisibleNotice } from './load-notice.ts';
import { mayDecide, mayReply, toNoticeView } from './notice-view.ts';

/** The notices the actor may see (supervisors: all of the organization; units: those addressed to them). */
export async function listNotices(
  ctx: Context,
  filter: { status?: NoticeStatus } = {},
): Promise<NoticeView[]> {
  const today = shanghaiToday(ctx);
  const rows = await listVisibleNotices(ctx.db, ctx.actor, filter);
  return rows.map((row) => toNoticeView(row, today));
}

/** One notice with its history and the actions open to the actor. */
export async function getNotice(ctx: Context, noticeId: number): Promise<NoticeDetail> {
  const row = await requireVisibleNotice(ctx.db, ctx.actor, noticeId);
  const events = await listNoticeEvents(ctx.db, row.id);
  return {
    ...toNoticeView(row, shanghaiToday(ctx)),
    organizationName: row.organizationName,
    planTitle: row.planTitle,
    events: events.map((e) => ({ kind: e.kind, text: e.text, actor: e.userName ?? e.label, at: e.at })),
    canReply: row.status === 'issued' && mayReply(ctx.actor, row),
    canDecide: row.status === 'replied' && mayDecide(ctx.actor, row),
  };
}
