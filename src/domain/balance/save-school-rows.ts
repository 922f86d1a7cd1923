import { createHash } from 'node:crypto';
import { storeBlob } from '../../db/queries/blobs.ts';
import {
  deleteDraftRow,
  type FormRecord,
  findForm,
  insertRow,
  listRows,
  updateRowIfVersion,
} from '../../db/queries/collection.ts';
import type { UploadedFile } from '../../db/queries/evidence.ts';
import { requireFillingSchool } from '../../policies/balance.ts';
import type { BalanceStage, RoundDetail, SaveRows } from '../../shared/balance.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { rowLabel } from './balance-form.ts';
import { balanceMessages as M } from './messages.ts';
import { expectedSchools } from './round-views.ts';
import { getRound, requireRound } from './rounds.ts';

/**
 * A school saves its rows of an open round, as a draft or submitted for review, with an optional
 * supporting file (kept on every row it saves; a save without a file keeps the one before). Rows it
 * no longer reports (a stage removed) are deleted unless accepted. Nothing is written when any
 * value breaks the form's rules.
 */
export async function saveSchoolRows(
  ctx: Context,
  input: SaveRows & { roundId: number; file?: UploadedFile },
): Promise<RoundDetail> {
  const unitId = requireFillingSchool(ctx.actor);
  const round = await requireRound(ctx, input.roundId);
  if (round.status !== 'open') throw new AppError('CONFLICT', M.roundLocked);
  const form = await findForm(ctx.db, ctx.actor.organizationId, round.formId);
  if (!form) throw new AppError('NOT_FOUND', M.formNotFound);
  const rows = input.rows.map((row, index) => ({
    stage: checkStage(form, row.stage, index),
    values: checkValues(form, row.values, input.submit, index),
    version: row.version,
  }));
  if (new Set(rows.map((r) => r.stage)).size !== rows.length)
    throw new AppError('INVALID_INPUT', M.stageTwice, { field: 'rows' });
  await write(ctx, async (trx, at) => {
    const unit = await trx
      .selectFrom('units')
      .select(['id', 'name'])
      .where('id', '=', unitId)
      .where('organization_id', '=', ctx.actor.organizationId)
      .where('kind', '=', 'school')
      .executeTakeFirst();
    if (!unit) throw new AppError('FORBIDDEN', M.notSchoolOfOrganization);
    const existing = await listRows(trx, [round.id], unitId);
    if (
      existing.length === 0 &&
      !(await expectedSchools(trx, ctx.actor.organizationId, form)).some((s) => s.unitId === unitId)
    )
      throw new AppError('FORBIDDEN', M.notAsked);
    const file = input.file ? await storeFile(trx, input.file) : undefined;
    const audit = [];
    for (const row of rows) {
      const before = existing.find((e) => e.stage === row.stage);
      const change = {
        values: row.values,
        status: input.submit
          ? ('submitted' as const)
          : before?.status === 'returned'
            ? ('returned' as const)
            : ('draft' as const),
        by: ctx.actor.userId,
        at,
        ...(file ? { file } : {}),
        ...(input.submit ? { submittedAt: at, returnReason: null } : {}),
      };
      if (!before) {
        const id = await insertRow(trx, { roundId: round.id, unitId, stage: row.stage }, change);
        audit.push({
          action: 'collection_row.save',
          entityType: 'collection_row',
          entityId: id,
          after: { stage: row.stage, ...change },
        });
        continue;
      }
      if (before.status === 'accepted')
        throw new AppError('CONFLICT', `${rowLabel(before)}：${M.rowAccepted}`);
      if (row.version !== undefined && row.version !== before.version)
        throw new AppError('CONFLICT', M.staleRow, { rowId: before.id });
      if (!(await updateRowIfVersion(trx, before, change)))
        throw new AppError('CONFLICT', M.staleRow, { rowId: before.id });
      audit.push({
        action: 'collection_row.save',
        entityType: 'collection_row',
        entityId: before.id,
        before: { values: before.values, status: before.status },
        after: { stage: row.stage, ...change },
      });
    }
    for (const dropped of existing.filter((e) => !rows.some((r) => r.stage === e.stage))) {
      if (dropped.status === 'accepted')
        throw new AppError('CONFLICT', `${rowLabel(dropped)}：${M.rowAccepted}`);
      await deleteDraftRow(trx, dropped.id);
      audit.push({
        action: 'collection_row.delete',
        entityType: 'collection_row',
        entityId: dropped.id,
        before: dropped,
      });
    }
    return { result: undefined, audit };
  });
  return getRound(ctx, round.id);
}

function checkStage(form: FormRecord, stage: BalanceStage | null, index: number): BalanceStage | null {
  if (form.staged && stage === null)
    throw new AppError('INVALID_INPUT', M.stageRequired, { field: `rows.${index}.stage` });
  if (!form.staged && stage !== null)
    throw new AppError('INVALID_INPUT', M.stageNotAllowed, { field: `rows.${index}.stage` });
  return stage;
}

/** The values of one row checked against the form: known fields, whole numbers, ranges; all required ones when submitting. */
export function checkValues(
  form: Pick<FormRecord, 'fields'>,
  values: Record<string, number | null>,
  complete: boolean,
  index: number,
): Record<string, number | null> {
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(values))
    if (!known.has(key))
      throw new AppError('INVALID_INPUT', M.unknownField(key), { field: `rows.${index}.values.${key}` });
  const checked: Record<string, number | null> = {};
  for (const field of form.fields) {
    const value = values[field.key] ?? null;
    const at = { field: `rows.${index}.values.${field.key}` };
    if (value === null) {
      if (complete && field.required) throw new AppError('INVALID_INPUT', M.fieldRequired(field.label), at);
      checked[field.key] = null;
      continue;
    }
    if (!Number.isFinite(value)) throw new AppError('INVALID_INPUT', M.fieldRequired(field.label), at);
    if (field.integer && !Number.isInteger(value))
      throw new AppError('INVALID_INPUT', M.fieldWhole(field.label), at);
    if (value < field.min) throw new AppError('INVALID_INPUT', M.fieldMin(field.label, field.min), at);
    if (field.max !== null && value > field.max)
      throw new AppError('INVALID_INPUT', M.fieldMax(field.label, field.max), at);
    checked[field.key] = value;
  }
  return checked;
}

async function storeFile(
  trx: Parameters<typeof storeBlob>[0],
  file: UploadedFile,
): Promise<{ sha256: string; name: string; type: string }> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await storeBlob(trx, { sha256, size: file.bytes.length, content: file.bytes });
  return { sha256, name: file.fileName, type: file.mediaType };
}
