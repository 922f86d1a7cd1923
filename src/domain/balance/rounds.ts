import {
  findForm,
  findRound,
  findRoundTasks,
  insertRound,
  lastRowsOfSchool,
  listForms,
  listRounds,
  listRows,
  nameTaken,
  type RoundRecord,
  suggestBalanceTask,
} from '../../db/queries/collection.ts';
import { isSchoolUser, readsRounds, requireRoundManager } from '../../policies/balance.ts';
import { can, requirePermission } from '../../policies/index.ts';
import type { NewRound, RoundDetail, RoundView } from '../../shared/balance.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { ensureBalanceForm } from './balance-form.ts';
import { usesRounds } from './collection-forms.ts';
import { balanceMessages as M } from './messages.ts';
import { expectedSchools, toFormView, toRoundViews, toRowView } from './round-views.ts';

/**
 * A supervisor opens a round on a form (e.g. 2024年秋季学期); every expected school then sees it on its
 * workbench. A round linked to a plan task (item 13's 适时监测…差异系数) records a completion there when locked.
 */
export async function openRound(ctx: Context, input: NewRound): Promise<RoundView> {
  requireRoundManager(ctx.actor);
  const organizationId = ctx.actor.organizationId;
  const id = await write(ctx, async (trx, at) => {
    await ensureBalanceForm(trx, organizationId, at);
    const form = await findForm(trx, organizationId, input.formId);
    if (!form) throw new AppError('NOT_FOUND', M.formNotFound, { field: 'formId' });
    if (await nameTaken(trx, 'collection_rounds', organizationId, input.name))
      throw new AppError('CONFLICT', M.roundNameTaken(input.name), { field: 'name' });
    if (
      input.taskId !== null &&
      !(await findRoundTasks(trx, organizationId, [input.taskId])).has(input.taskId)
    )
      throw new AppError('NOT_FOUND', M.taskNotFound, { field: 'taskId' });
    const values = {
      organizationId,
      formId: form.id,
      name: input.name,
      dueOn: input.dueOn,
      taskId: input.taskId,
      openedBy: ctx.actor.userId,
      openedAt: at,
    };
    const roundId = await insertRound(trx, values);
    return {
      result: roundId,
      audit: [
        { action: 'collection_round.open', entityType: 'collection_round', entityId: roundId, after: values },
      ],
    };
  });
  const [view] = await roundViews(ctx, [await requireRound(ctx, id)]);
  return view as RoundView;
}

/** The organization's rounds, newest first; a school's counts are its own rows. */
export async function listCollectionRounds(ctx: Context): Promise<RoundView[]> {
  if (!usesRounds(ctx)) requirePermission(ctx.actor, 'balance.read');
  const rounds = await listRounds(ctx.db, ctx.actor.organizationId);
  const school = fillingSchool(ctx);
  if (school === undefined) return roundViews(ctx, rounds);
  // A school sees the rounds it is asked to fill (its kind and stages) or has filed in.
  const forms = await listForms(ctx.db, ctx.actor.organizationId);
  const asked = new Set<number>();
  for (const form of forms)
    if ((await expectedSchools(ctx.db, ctx.actor.organizationId, form)).some((s) => s.unitId === school))
      asked.add(form.id);
  const filed = new Set(
    (
      await listRows(
        ctx.db,
        rounds.map((r) => r.id),
        school,
      )
    ).map((r) => r.roundId),
  );
  return roundViews(
    ctx,
    rounds.filter((r) => asked.has(r.formId) || filed.has(r.id)),
  );
}

/** The school a 学校 user fills for, when the actor reads no other school's rows. */
function fillingSchool(ctx: Context): number | undefined {
  if (readsRounds(ctx.actor) || can(ctx.actor, 'balance.manage') || !isSchoolUser(ctx.actor))
    return undefined;
  return ctx.actor.unitId ?? undefined;
}

/** A round with its form and rows: every school's for readers, a school's own (and what to prefill) for it. */
export async function getRound(ctx: Context, roundId: number): Promise<RoundDetail> {
  if (!usesRounds(ctx)) requirePermission(ctx.actor, 'balance.read');
  const round = await requireRound(ctx, roundId);
  const form = await findForm(ctx.db, ctx.actor.organizationId, round.formId);
  if (!form) throw new AppError('NOT_FOUND', M.formNotFound);
  const reader = readsRounds(ctx.actor) || can(ctx.actor, 'balance.manage');
  const school = isSchoolUser(ctx.actor) ? (ctx.actor.unitId as number) : undefined;
  const rows = reader
    ? await listRows(ctx.db, [round.id])
    : school
      ? await listRows(ctx.db, [round.id], school)
      : [];
  const [view] = await roundViews(ctx, [round]);
  const open = round.status === 'open';
  const expected = await expectedSchools(ctx.db, ctx.actor.organizationId, form);
  let missing: RoundDetail['missing'] = [];
  if (reader) {
    const filed = new Set(rows.map((r) => r.unitId));
    missing = expected
      .filter((s) => !filed.has(s.unitId))
      .map((s) => ({ unitId: s.unitId, unitName: s.unitName }));
  }
  const ownExpected = expected.find((s) => s.unitId === school);
  const asked = school !== undefined && (rows.length > 0 || ownExpected !== undefined);
  if (school !== undefined && !reader && !asked)
    throw new AppError('NOT_FOUND', M.roundNotFound, { roundId });
  let prefill: RoundDetail['prefill'] = [];
  if (school !== undefined && asked && open && rows.length === 0) {
    const last = await lastRowsOfSchool(ctx.db, round, school);
    if (last)
      prefill = last.rows.map((r) => ({ stage: r.stage, values: r.values, fromRound: last.roundName }));
    else {
      // Nothing filed before: start from the stages the directory gives the school.
      prefill = (ownExpected?.stages ?? [form.staged ? 'primary' : null]).map((stage) => ({
        stage,
        values: {},
        fromRound: '',
      }));
    }
  }
  const manager = can(ctx.actor, 'balance.manage');
  return {
    round: view as RoundView,
    form: toFormView(form),
    rows: rows.map(toRowView),
    missing,
    actions: {
      fill: asked && open,
      review: manager && open,
      import: manager && open,
      lock: manager && open,
    },
    prefill,
  };
}

/** The task a new seven-indicator round should serve: the newest published plan's item naming the 差异系数. */
export async function suggestRoundTask(ctx: Context): Promise<RoundView['task']> {
  requireRoundManager(ctx.actor);
  const task = await suggestBalanceTask(ctx.db, ctx.actor.organizationId);
  return task ? { id: task.id, itemNo: task.itemNo, itemTitle: task.itemTitle, planId: task.planId } : null;
}

/** The round of the actor's organization, or NOT_FOUND. */
export async function requireRound(ctx: Context, roundId: number): Promise<RoundRecord> {
  const round = await findRound(ctx.db, ctx.actor.organizationId, roundId);
  if (!round) throw new AppError('NOT_FOUND', M.roundNotFound, { roundId });
  return round;
}

async function roundViews(ctx: Context, rounds: readonly RoundRecord[]): Promise<RoundView[]> {
  const forms = new Map((await listForms(ctx.db, ctx.actor.organizationId)).map((f) => [f.id, f]));
  const school = !readsRounds(ctx.actor) && !can(ctx.actor, 'balance.manage') && isSchoolUser(ctx.actor);
  return toRoundViews(
    ctx.db,
    ctx.actor.organizationId,
    rounds,
    forms,
    school ? (ctx.actor.unitId as number) : undefined,
  );
}
