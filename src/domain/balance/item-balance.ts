import type { Kysely } from 'kysely';
import {
  findRoundTasks,
  listForms,
  listRounds,
  listRows,
  type RoundRecord,
} from '../../db/queries/collection.ts';
import type { DB } from '../../db/schema.ts';
import { BALANCE_FORM_CODE, type BalanceResult } from '../../shared/balance.ts';
import type { ItemBalanceResult, ItemBalanceView } from '../../shared/items.ts';
import { shanghaiDate } from '../context.ts';
import { rowToSchoolInput } from './balance-form.ts';
import { computeBalance } from './compute-balance.ts';
import { summaryOf } from './lock-round.ts';
import { monitoredRows, toRoundViews } from './round-views.ts';

// The monitor tied to the plan (issue 16, 3): the item page's 均衡监测 block and the bulletin's
// section take a round's result from here, computed exactly as GET /api/balance/rounds/:id/monitor
// computes it (the same rows: accepted once locked, submitted or accepted while open).

/** A round's result on the rows the monitor counts, and how many rows those are; null when none counts. */
export async function resultOfRound(
  db: Kysely<DB>,
  round: RoundRecord,
): Promise<{ result: BalanceResult; rows: number } | null> {
  const inputs = monitoredRows(round, await listRows(db, [round.id])).flatMap(
    (row) => rowToSchoolInput(row) ?? [],
  );
  return inputs.length > 0 ? { result: computeBalance(inputs), rows: inputs.length } : null;
}

/** The headline of a result: each stage's verdict, the blockers, the schools failing 6-of-7/85 %. */
export function balanceHeadline(result: BalanceResult): ItemBalanceResult {
  return {
    pass: result.pass,
    summary: summaryOf(result),
    stages: result.stages.map((stage) => ({
      stage: stage.stage,
      schools: stage.schools,
      pupils: stage.pupils,
      pass: stage.pass,
      within: stage.indicators.filter((i) => i.pass).length,
      threshold: stage.indicators[0]?.threshold ?? 0,
      indicators: stage.indicators.map((i) => ({ key: i.key, name: i.name, cv: i.cv, pass: i.pass })),
    })),
    blockers: result.blockers,
    schools: result.schools.length,
    failingSchools: result.schools.filter((s) => !s.pass).length,
  };
}

const isBalanceRound = (round: RoundRecord) => round.formCode === BALANCE_FORM_CODE;
const byLockedDesc = (a: RoundRecord, b: RoundRecord) =>
  (b.lockedAt ?? '').localeCompare(a.lockedAt ?? '') || b.id - a.id;

/**
 * The 均衡监测 block of an item: among the seven-indicator rounds linked to one of its tasks, the
 * latest locked (with a newer open one named beside it), else the latest open one with its progress.
 * Anyone who reads the item reads the block; null when no such round serves the item.
 */
export async function getItemBalance(
  db: Kysely<DB>,
  item: { organizationId: number; planId: number; itemNo: number; itemTitle: string },
): Promise<ItemBalanceView | null> {
  const linked = (await listRounds(db, item.organizationId)).filter(
    (r) => r.taskId !== null && isBalanceRound(r),
  );
  if (linked.length === 0) return null;
  const tasks = await findRoundTasks(
    db,
    item.organizationId,
    linked.map((r) => r.taskId as number),
  );
  // A round's task belongs to this item when it is of the item's plan, number and title.
  const ofItem = linked.filter((r) => {
    const task = tasks.get(r.taskId as number);
    return (
      task !== undefined &&
      task.planId === item.planId &&
      task.itemNo === item.itemNo &&
      task.itemTitle === item.itemTitle
    );
  });
  const locked = ofItem.filter((r) => r.status === 'locked').sort(byLockedDesc)[0];
  // listRounds gives the newest opened first.
  const open = ofItem.find((r) => r.status === 'open' && (!locked || r.openedAt >= locked.openedAt));
  const shown = locked ?? open;
  if (!shown) return null;
  const forms = new Map(
    (await listForms(db, item.organizationId))
      .filter((f) => f.code === BALANCE_FORM_CODE)
      .map((f) => [f.id, f]),
  );
  const views = await toRoundViews(db, item.organizationId, locked && open ? [shown, open] : [shown], forms);
  const computed = await resultOfRound(db, shown);
  const newer = locked && open ? views[1] : undefined;
  return {
    round: {
      id: shown.id,
      name: shown.name,
      status: shown.status,
      dueOn: shown.dueOn,
      openedAt: shown.openedAt,
      lockedAt: shown.lockedAt,
      taskId: shown.taskId as number,
    },
    counts: views[0]?.counts ?? { schools: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 },
    basis: shown.status === 'locked' ? 'accepted' : 'filed',
    result: computed ? balanceHeadline(computed.result) : null,
    newer: newer ? { id: newer.id, name: newer.name, dueOn: newer.dueOn, counts: newer.counts } : null,
  };
}

/** The organization's latest seven-indicator round locked on or before a day (Asia/Shanghai), with its result. */
export async function latestLockedBalanceRound(
  db: Kysely<DB>,
  organizationId: number,
  day: string,
): Promise<{ round: RoundRecord; lockedOn: string; result: BalanceResult; rows: number } | null> {
  const rounds = (await listRounds(db, organizationId))
    .filter((r) => isBalanceRound(r) && r.status === 'locked' && r.lockedAt !== null)
    .map((round) => ({ round, lockedOn: shanghaiDate(new Date(round.lockedAt as string)) }))
    .filter((r) => r.lockedOn <= day)
    .sort((a, b) => byLockedDesc(a.round, b.round));
  // The latest round with rows that count (a round locked with none cannot be locked, but stay safe).
  for (const { round, lockedOn } of rounds) {
    const computed = await resultOfRound(db, round);
    if (computed) return { round, lockedOn, ...computed };
  }
  return null;
}
