import type { NoticeRow } from '../../db/queries/supervision-notices.ts';
import { type NoticeView, noticeNumber } from '../../shared/supervision.ts';
import type { Actor } from '../context.ts';
import { isSupervisorOf } from '../task-access.ts';

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

/** Whether the actor may reply: a department or school user of the addressed unit, while awaiting a reply. */
export function mayReply(actor: Actor, row: Pick<NoticeRow, 'unitId' | 'organizationId'>): boolean {
  return (
    actor.organizationId === row.organizationId &&
    actor.unitId === row.unitId &&
    actor.roles.some((r) => r === 'department' || r === 'school')
  );
}

/** Whether the actor may accept or return replies: the organization's supervisors and admins. */
export function mayDecide(actor: Actor, row: Pick<NoticeRow, 'organizationId'>): boolean {
  return isSupervisorOf(actor, row.organizationId);
}
