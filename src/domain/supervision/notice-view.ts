import type { NoticeRow } from '../../db/queries/supervision-notices.ts';
import { type NoticeView, noticeNumber } from '../../shared/supervision.ts';

/** A notice row as the API shows it, with its number and whether its reply is overdue on `today`. */
export function toNoticeView(row: NoticeRow, today: string): NoticeView {
  return {
    id: row.id,
    number: noticeNumber(row.year, row.seq),
    year: row.year,
    seq: row.seq,
    planId: row.planId,
    itemId: row.itemId,
    itemNo: row.itemNo,
    itemTitle: row.itemTitle,
    taskId: row.taskId,
    taskTitle: row.taskTitle,
    unitId: row.unitId,
    unitName: row.unitName,
    problem: row.problem,
    requirement: row.requirement,
    replyDueOn: row.replyDueOn,
    status: row.status,
    reply: row.reply,
    repliedAt: row.repliedAt,
    closedAt: row.closedAt,
    issuedBy: row.issuedBy,
    createdAt: row.createdAt,
    version: row.version,
    overdue: row.status === 'issued' && row.replyDueOn < today,
  };
}

// Who may reply to or decide on a notice: src/policies/supervision.ts.
export { mayDecide, mayReply } from '../../policies/supervision.ts';
