import { readBlob } from '../../db/queries/blobs.ts';
import {
  findForm,
  findRow,
  listForms,
  listRounds,
  listRows,
  type RoundRecord,
} from '../../db/queries/collection.ts';
import { writeBalanceWorkbook } from '../../documents/balance-xlsx.ts';
import { isSchoolUser } from '../../policies/balance.ts';
import { can, requirePermission } from '../../policies/index.ts';
import {
  BALANCE_INDICATORS,
  type BalanceResult,
  type BalanceSchoolInput,
  type BalanceTrend,
  CV_THRESHOLDS,
  STAGE_LABELS,
  type WhatIfChange,
} from '../../shared/balance.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { isBalanceForm, rowToSchoolInput } from './balance-form.ts';
import { writeBalanceTemplate } from './balance-sheet.ts';
import { applyWhatIf, computeBalance } from './compute-balance.ts';
import { balanceMessages as M } from './messages.ts';
import { expectedSchools, monitoredRows } from './round-views.ts';
import { requireRound } from './rounds.ts';

/** What the monitor of a round counted. */
export interface RoundMonitor {
  result: BalanceResult;
  /** 'accepted' once locked; 'filed' while open (submitted rows count before review). */
  basis: 'accepted' | 'filed';
  rows: number;
}

/** The monitor of a seven-indicator round: means, CVs, schools, blockers (balance.read). */
export async function getRoundMonitor(ctx: Context, roundId: number): Promise<RoundMonitor> {
  const { round, inputs } = await monitorInputs(ctx, roundId);
  return {
    result: computeBalance(inputs),
    basis: round.status === 'locked' ? 'accepted' : 'filed',
    rows: inputs.length,
  };
}

/** The monitor recomputed with changes tried (若某校新增骨干教师2人); nothing is saved. */
export async function tryWhatIf(
  ctx: Context,
  input: { roundId: number; changes: WhatIfChange[] },
): Promise<{ before: BalanceResult; after: BalanceResult }> {
  const { inputs } = await monitorInputs(ctx, input.roundId);
  return { before: computeBalance(inputs), after: computeBalance(applyWhatIf(inputs, input.changes)) };
}

/** The calculation workbook of a round (the sheet a bureau hands to inspectors). */
export async function exportRoundWorkbook(
  ctx: Context,
  roundId: number,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { round, inputs } = await monitorInputs(ctx, roundId);
  const title = M.exportTitle(round.name);
  return {
    fileName: M.exportName(round.name),
    bytes: await writeBalanceWorkbook({ title, result: computeBalance(inputs), rows: inputs }),
  };
}

/** Each stage and indicator's CV across the organization's seven-indicator rounds, oldest first. */
export async function getBalanceTrend(ctx: Context): Promise<BalanceTrend> {
  requirePermission(ctx.actor, 'balance.read');
  const forms = (await listForms(ctx.db, ctx.actor.organizationId)).filter(isBalanceForm).map((f) => f.id);
  const rounds = (await listRounds(ctx.db, ctx.actor.organizationId))
    .filter((r) => forms.includes(r.formId))
    .reverse();
  const rows = await listRows(
    ctx.db,
    rounds.map((r) => r.id),
  );
  const results = rounds.map((round) => {
    const inputs = monitoredRows(
      round,
      rows.filter((row) => row.roundId === round.id),
    ).flatMap((row) => rowToSchoolInput(row) ?? []);
    return inputs.length > 0 ? computeBalance(inputs) : undefined;
  });
  const series: BalanceTrend['series'] = [];
  for (const stage of ['primary', 'junior'] as const) {
    const label = STAGE_LABELS[stage];
    if (!results.some((r) => r?.stages.some((s) => s.stage === label))) continue;
    for (const indicator of BALANCE_INDICATORS)
      series.push({
        stage: label,
        key: indicator.key,
        name: indicator.name,
        threshold: CV_THRESHOLDS[stage],
        cv: results.map(
          (r) =>
            r?.stages.find((s) => s.stage === label)?.indicators.find((i) => i.key === indicator.key)?.cv ??
            null,
        ),
      });
  }
  return { rounds: rounds.map((r) => ({ id: r.id, name: r.name, status: r.status })), series };
}

/** The template of a round: one row per expected school and stage, with what is already filed. */
export async function roundTemplate(
  ctx: Context,
  roundId: number,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  requirePermission(ctx.actor, 'balance.manage');
  const round = await requireRound(ctx, roundId);
  const form = await findForm(ctx.db, ctx.actor.organizationId, round.formId);
  if (!form || !isBalanceForm(form)) throw new AppError('INVALID_INPUT', M.notBalanceForm);
  const rows = await listRows(ctx.db, [round.id]);
  const schools = await expectedSchools(ctx.db, ctx.actor.organizationId, form);
  const template = schools.flatMap((school) =>
    school.stages.map((stage) => {
      const filed = rows.find((r) => r.unitId === school.unitId && r.stage === stage);
      const raw = Object.fromEntries(BALANCE_INDICATORS.map((i) => [i.key, filed?.values[i.key] ?? null]));
      return { name: school.unitName, stage: stage ?? 'primary', pupils: filed?.values.pupils ?? null, raw };
    }),
  );
  return { fileName: M.templateName(round.name), bytes: await writeBalanceTemplate(template) };
}

/** The supporting file of a row: for the bureau, or the school that filed it. */
export async function getRowFile(
  ctx: Context,
  rowId: number,
): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
  const row = await findRow(ctx.db, rowId);
  const own = isSchoolUser(ctx.actor) && row?.unitId === ctx.actor.unitId;
  const reader = can(ctx.actor, 'balance.read') || can(ctx.actor, 'balance.manage');
  if (!row || row.organizationId !== ctx.actor.organizationId || !(own || reader) || !row.file)
    throw new AppError('NOT_FOUND', M.rowNotFound, { rowId });
  const bytes = await readBlob(ctx.db, row.file.sha256);
  if (!bytes) throw new AppError('NOT_FOUND', M.rowNotFound, { rowId });
  return { fileName: row.file.name, mediaType: row.file.type, bytes };
}

async function monitorInputs(
  ctx: Context,
  roundId: number,
): Promise<{ round: RoundRecord; inputs: BalanceSchoolInput[] }> {
  requirePermission(ctx.actor, 'balance.read');
  const round = await requireRound(ctx, roundId);
  const form = await findForm(ctx.db, ctx.actor.organizationId, round.formId);
  if (!form || !isBalanceForm(form)) throw new AppError('INVALID_INPUT', M.notBalanceForm);
  const rows = monitoredRows(round, await listRows(ctx.db, [round.id]));
  return { round, inputs: rows.flatMap((row) => rowToSchoolInput(row) ?? []) };
}
