import {
  findForm,
  findRoundTasks,
  listRows,
  lockRoundIfVersion,
  type RoundTaskRecord,
} from '../../db/queries/collection.ts';
import { attachEvidence } from '../../db/queries/evidence.ts';
import { listTaskIndicators } from '../../db/queries/indicators.ts';
import { insertOccurrence, setOccurrenceState } from '../../db/queries/occurrences.ts';
import { insertIndicators } from '../../db/queries/plan-tasks.ts';
import { insertReview } from '../../db/queries/reviews.ts';
import { writeBalanceWorkbook } from '../../documents/balance-xlsx.ts';
import { requireRoundManager } from '../../policies/balance.ts';
import type { BalanceResult, RoundView } from '../../shared/balance.ts';
import { type Context, shanghaiToday, type Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { isBalanceForm, rowToSchoolInput } from './balance-form.ts';
import { computeBalance } from './compute-balance.ts';
import { balanceMessages as M } from './messages.ts';
import { getRound, requireRound } from './rounds.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The indicator a round's completion is recorded on, when the task has none naming the 差异系数. */
const MONITOR_CLAUSE = '适时监测义务教育优质均衡发展指标差异系数情况';

/**
 * A supervisor locks a round: schools can no longer change it, and the monitor counts its accepted
 * rows. Rows not accepted are left out, so locking with any asks for `force`. A seven-indicator
 * round linked to a plan task records a completion (完成记录) of the task's 差异系数 promise, with
 * the calculation workbook as its evidence, accepted by the supervisor who locked it.
 */
export async function lockRound(
  ctx: Context,
  input: { roundId: number; force?: boolean },
): Promise<RoundView> {
  requireRoundManager(ctx.actor);
  const round = await requireRound(ctx, input.roundId);
  if (round.status !== 'open') throw new AppError('CONFLICT', M.roundLocked);
  const form = await findForm(ctx.db, ctx.actor.organizationId, round.formId);
  if (!form) throw new AppError('NOT_FOUND', M.formNotFound);
  const rows = await listRows(ctx.db, [round.id]);
  const accepted = rows.filter((r) => r.status === 'accepted');
  const pending = rows.length - accepted.length;
  if (accepted.length === 0) throw new AppError('CONFLICT', M.noRowsToLock);
  if (pending > 0 && !input.force) throw new AppError('CONFLICT', M.lockPending(pending), { pending });
  const balance = isBalanceForm(form);
  const inputs = balance ? accepted.flatMap((row) => rowToSchoolInput(row) ?? []) : [];
  const result = balance && inputs.length > 0 ? computeBalance(inputs) : undefined;
  const task =
    round.taskId === null
      ? undefined
      : (await findRoundTasks(ctx.db, ctx.actor.organizationId, [round.taskId])).get(round.taskId);
  const workbook =
    result && task
      ? await writeBalanceWorkbook({ title: M.exportTitle(round.name), result, rows: inputs })
      : undefined;
  await write(ctx, async (trx, at) => {
    const occurrenceId =
      result && task && workbook
        ? await recordCompletion(ctx, trx, at, { round, task, result, workbook })
        : null;
    if (!(await lockRoundIfVersion(trx, round, { lockedBy: ctx.actor.userId, lockedAt: at, occurrenceId })))
      throw new AppError('CONFLICT', M.staleRound);
    return {
      result: undefined,
      audit: [
        {
          action: 'collection_round.lock',
          entityType: 'collection_round',
          entityId: round.id,
          before: { status: 'open', version: round.version },
          after: {
            status: 'locked',
            version: round.version + 1,
            accepted: accepted.length,
            leftOut: pending,
            occurrenceId,
          },
        },
      ],
    };
  });
  return (await getRound(ctx, round.id)).round;
}

async function recordCompletion(
  ctx: Context,
  trx: Tx,
  at: string,
  input: { round: { name: string }; task: RoundTaskRecord; result: BalanceResult; workbook: Uint8Array },
): Promise<number> {
  const indicators = await listTaskIndicators(trx, input.task.id);
  let indicatorId = indicators.find((i) => i.text.includes('差异系数'))?.id;
  if (indicatorId === undefined) {
    // The notice promised it without a date (适时监测): one event, owed by the task's due date.
    [indicatorId] = await insertIndicators(trx, [
      {
        task_id: input.task.id,
        kind: 'event',
        text: monitorClause(input.task.itemBody),
        per: null,
        target_min: null,
        target_max: null,
        target_value: null,
        name: null,
        due_on: null,
        span_start: null,
        span_end: null,
      },
    ]);
  }
  const occurrenceId = await insertOccurrence(trx, {
    indicatorId: indicatorId as number,
    unitId: input.task.leadUnitId,
    occurredOn: shanghaiToday(ctx),
    note: M.completionNote(input.round.name, summaryOf(input.result)),
    createdBy: ctx.actor.userId,
    createdAt: at,
  });
  await setOccurrenceState(trx, occurrenceId, 1, 'accepted');
  await insertReview(trx, {
    targetType: 'occurrence',
    targetId: occurrenceId,
    decision: 'accept',
    comment: '锁定填报轮次时记录，附差异系数计算表',
    reviewerId: ctx.actor.userId,
    createdAt: at,
  });
  await attachEvidence(
    trx,
    { organizationId: ctx.actor.organizationId, ownerType: 'occurrence', ownerId: occurrenceId },
    [{ fileName: M.exportName(input.round.name), mediaType: XLSX, bytes: input.workbook }],
    ctx.actor.userId,
    at,
  );
  return occurrenceId;
}

/** The clause of the item naming the 差异系数 (适时监测…差异系数情况), else the standard wording. */
export function monitorClause(body: string): string {
  const clause = body.split(/[。；;，,]/).find((part) => part.includes('差异系数'));
  return clause?.trim() || MONITOR_CLAUSE;
}

/** One line on the county: each stage's verdict and what keeps it from 优质均衡. */
export function summaryOf(result: BalanceResult): string {
  const stages = result.stages.map(
    (s) => `${s.stage}${s.schools}所学校，七项指标差异系数${s.pass ? '均达标' : '未全部达标'}`,
  );
  const failing = result.schools.filter((s) => !s.pass).length;
  const schools = failing === 0 ? '各校均达到资源配置要求' : `${failing}个学校（学段）未达到资源配置要求`;
  const blockers = result.blockers.length > 0 ? `；${result.blockers.map((b) => b.text).join('；')}` : '';
  return `${stages.join('；')}；${schools}${blockers}。`;
}
