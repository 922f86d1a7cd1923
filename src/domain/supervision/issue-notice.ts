import { insertNotifications } from '../../db/queries/notifications.ts';
import { findVisiblePlan } from '../../db/queries/plans.ts';
import { listUnitUsers } from '../../db/queries/reminders.ts';
import {
  findNoticeTarget,
  insertNotice,
  insertNoticeEvent,
  isDuplicateNumber,
  nextNoticeSeq,
} from '../../db/queries/supervision-notices.ts';
import { findUnit } from '../../db/queries/units.ts';
import { mayDecide } from '../../policies/supervision.ts';
import { type IssueNoticeInput, noticeNumber } from '../../shared/supervision.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { requirePlanDate, requireText } from '../workflow-input.ts';
import { write } from '../write.ts';
import { supervisionMessages as M } from './messages.ts';

/** The issued notice: its id and official number. */
export interface IssuedNotice {
  id: number;
  number: string;
  year: number;
  seq: number;
  unitId: number;
  version: number;
}

// Concurrent issuers may read the same largest number; the unique index refuses the second insert
// and the whole transaction is tried again, so numbers have neither gaps nor duplicates.
const MAX_ATTEMPTS = 30;

/**
 * A supervisor issues a supervision notice (督办单) on an item or task to its owning unit, numbered
 * per organization and plan year (督办〔2024〕3号).
 */
export async function issueNotice(ctx: Context, input: IssueNoticeInput): Promise<IssuedNotice> {
  const problem = requireText(input.problem, '请填写存在的问题');
  const requirement = requireText(input.requirement, '请填写督办要求');
  const replyDueOn = requirePlanDate(input.replyDueOn, '回复期限');
  const today = shanghaiToday(ctx);
  if (replyDueOn < today)
    throw new AppError('INVALID_INPUT', M.replyDueInPast(today), { field: 'replyDueOn' });
  for (let attempt = 1; ; attempt++) {
    try {
      return await issueOnce(ctx, input, { problem, requirement, replyDueOn });
    } catch (error) {
      if (!isDuplicateNumber(error)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', M.numberBusy);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

async function issueOnce(
  ctx: Context,
  input: IssueNoticeInput,
  text: { problem: string; requirement: string; replyDueOn: string },
): Promise<IssuedNotice> {
  return write(ctx, async (trx, at) => {
    const target = await findNoticeTarget(trx, { itemId: input.itemId, taskId: input.taskId });
    // Work the actor may not read does not exist for them; a district's, read by its parent bureau, is refused.
    if (!target || !(await findVisiblePlan(trx, ctx.actor, target.planId))) {
      throw new AppError('NOT_FOUND', M.targetNotFound, { field: input.taskId ? 'taskId' : 'itemId' });
    }
    if (!mayDecide(ctx.actor, target)) throw new AppError('FORBIDDEN', M.supervisorOnly);
    if (target.planStatus !== 'published') throw new AppError('CONFLICT', M.planNotPublished);
    const unitId = input.unitId ?? target.leadUnitId;
    if (unitId === null) throw new AppError('INVALID_INPUT', M.unitRequired, { field: 'unitId' });
    if (!(await findUnit(trx, target.organizationId, unitId))) {
      throw new AppError('INVALID_INPUT', M.unitNotFound, { field: 'unitId' });
    }
    const seq = await nextNoticeSeq(trx, target.organizationId, target.year);
    const id = await insertNotice(trx, {
      organizationId: target.organizationId,
      planId: target.planId,
      year: target.year,
      seq,
      itemId: target.taskId === null ? target.itemId : null,
      taskId: target.taskId,
      unitId,
      ...text,
      issuedBy: ctx.actor.userId,
      createdAt: at,
    });
    await insertNoticeEvent(trx, {
      noticeId: id,
      kind: 'issue',
      text: text.requirement,
      userId: ctx.actor.userId,
      actorLabel: ctx.actor.label,
      createdAt: at,
    });
    const number = noticeNumber(target.year, seq);
    // The addressed unit hears of it at once, in the app (its bell), in the same transaction.
    const recipients = await listUnitUsers(trx, target.organizationId, [unitId]);
    await insertNotifications(
      trx,
      recipients.map((r) => ({
        organizationId: target.organizationId,
        userId: r.userId,
        kind: 'supervision_notice',
        title: M.noticeArrived(number),
        body: `${text.problem}\n${M.replyBy(text.replyDueOn)}`,
        link: `/supervision/notices?id=${id}`,
        createdAt: at,
      })),
    );
    return {
      result: { id, number, year: target.year, seq, unitId, version: 1 },
      audit: [
        {
          action: 'supervision_notice.issue',
          entityType: 'supervision_notice',
          entityId: id,
          after: { number, itemId: target.itemId, taskId: target.taskId, unitId, ...text, status: 'issued' },
        },
      ],
    };
  });
}
