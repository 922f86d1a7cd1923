import { findRow, updateRowIfVersion } from '../../db/queries/collection.ts';
import { insertNotifications } from '../../db/queries/notifications.ts';
import { listUnitUsers } from '../../db/queries/reminders.ts';
import { requireRoundManager } from '../../policies/balance.ts';
import type { ReviewRow, RoundRowView } from '../../shared/balance.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { rowLabel } from './balance-form.ts';
import { balanceMessages as M } from './messages.ts';
import { toRowView } from './round-views.ts';
import { requireRound } from './rounds.ts';

/**
 * The bureau accepts a submitted row, or returns it with a reason: the school's users are told in
 * the app (a return with the reason and a link to the round) and may correct and submit again.
 */
export async function reviewRow(ctx: Context, input: ReviewRow & { rowId: number }): Promise<RoundRowView> {
  requireRoundManager(ctx.actor);
  const row = await findRow(ctx.db, input.rowId);
  if (!row || row.organizationId !== ctx.actor.organizationId)
    throw new AppError('NOT_FOUND', M.rowNotFound, { rowId: input.rowId });
  const round = await requireRound(ctx, row.roundId);
  if (round.status !== 'open') throw new AppError('CONFLICT', M.roundLocked);
  if (row.status !== 'submitted') throw new AppError('CONFLICT', `${rowLabel(row)}：${M.rowNotSubmitted}`);
  if (row.version !== input.version) throw new AppError('CONFLICT', M.staleRow, { rowId: row.id });
  return write(ctx, async (trx, at) => {
    const returned = input.decision === 'return';
    const change = {
      values: row.values,
      status: returned ? ('returned' as const) : ('accepted' as const),
      returnReason: returned ? input.reason : null,
      by: row.status === 'submitted' ? ctx.actor.userId : null,
      at,
      reviewedBy: ctx.actor.userId,
      reviewedAt: at,
    };
    if (!(await updateRowIfVersion(trx, row, change)))
      throw new AppError('CONFLICT', M.staleRow, { rowId: row.id });
    const people = await listUnitUsers(trx, ctx.actor.organizationId, [row.unitId]);
    const label = rowLabel(row);
    await insertNotifications(
      trx,
      people.map((p) => ({
        organizationId: ctx.actor.organizationId,
        userId: p.userId,
        kind: returned ? 'collection_returned' : 'collection_accepted',
        title: returned
          ? `${round.name}填报数据被退回：${label}`
          : `${round.name}填报数据已审核通过：${label}`,
        body: returned ? `${ctx.actor.label}退回，原因：${input.reason}` : `${ctx.actor.label}审核通过`,
        link: `/balance/rounds/${round.id}`,
        createdAt: at,
      })),
    );
    const after = {
      ...row,
      status: change.status,
      returnReason: change.returnReason,
      reviewedAt: at,
      version: row.version + 1,
    };
    return {
      result: toRowView(after),
      audit: [
        {
          action: returned ? 'collection_row.return' : 'collection_row.accept',
          entityType: 'collection_row',
          entityId: row.id,
          before: { status: row.status, version: row.version },
          after: { status: change.status, reason: change.returnReason, version: row.version + 1 },
        },
      ],
    };
  });
}
