import { findForm, insertRow, listRows, updateRowIfVersion } from '../../db/queries/collection.ts';
import { listUnitAliases, listUnits } from '../../db/queries/units.ts';
import { requireRoundManager } from '../../policies/balance.ts';
import { SHEET_KEY_COLUMNS, type SheetError } from '../../shared/balance.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { isBalanceForm, schoolInputToValues } from './balance-form.ts';
import { readBalanceSheet } from './balance-sheet.ts';
import { balanceMessages as M } from './messages.ts';
import { requireRound } from './rounds.ts';

/**
 * A supervisor imports every school's rows of a seven-indicator round from one .xlsx (the template).
 * The whole sheet is checked first — cells, then each school against the directory (name or alias) —
 * and any error refuses it with every error by row and column and nothing written. Imported rows are
 * the bureau's own data: stored as accepted, replacing what a school had filed for that stage.
 */
export async function importRoundSheet(
  ctx: Context,
  input: { roundId: number; bytes: Uint8Array },
): Promise<{ imported: number }> {
  requireRoundManager(ctx.actor);
  const round = await requireRound(ctx, input.roundId);
  if (round.status !== 'open') throw new AppError('CONFLICT', M.roundLocked);
  const form = await findForm(ctx.db, ctx.actor.organizationId, round.formId);
  if (!form || !isBalanceForm(form)) throw new AppError('INVALID_INPUT', M.notBalanceForm);
  const sheet = await readBalanceSheet(input.bytes);
  if ('errors' in sheet) refuse(sheet.errors);
  const organizationId = ctx.actor.organizationId;
  const schools = await listUnits(ctx.db, organizationId, { kind: 'school' });
  const byName = new Map(schools.map((s) => [s.name, { id: Number(s.id), name: s.name }]));
  for (const alias of await listUnitAliases(ctx.db, organizationId)) {
    const unit = schools.find((s) => Number(s.id) === alias.unitId);
    if (unit && !byName.has(alias.alias)) byName.set(alias.alias, { id: Number(unit.id), name: unit.name });
  }
  const errors: SheetError[] = [];
  const rows = sheet.rows.map((row) => {
    const unit = byName.get(row.name.trim());
    if (!unit)
      errors.push({
        row: row.sheetRow ?? 0,
        column: SHEET_KEY_COLUMNS.school,
        message: M.sheetUnknownSchool(row.name),
      });
    return { row, unit };
  });
  if (errors.length > 0) refuse(errors);
  return write(ctx, async (trx, at) => {
    const existing = await listRows(trx, [round.id]);
    const audit = [];
    for (const { row, unit } of rows) {
      if (!unit) continue;
      const values = schoolInputToValues(row);
      const change = {
        values,
        status: 'accepted' as const,
        returnReason: null,
        by: ctx.actor.userId,
        at,
        submittedAt: at,
        reviewedBy: ctx.actor.userId,
        reviewedAt: at,
      };
      const before = existing.find((e) => e.unitId === unit.id && e.stage === row.stage);
      if (before) {
        if (!(await updateRowIfVersion(trx, before, change))) throw new AppError('CONFLICT', M.staleRow);
        audit.push({
          action: 'collection_row.import',
          entityType: 'collection_row',
          entityId: before.id,
          before: { values: before.values, status: before.status },
          after: { values, status: 'accepted' },
        });
      } else {
        const id = await insertRow(trx, { roundId: round.id, unitId: unit.id, stage: row.stage }, change);
        audit.push({
          action: 'collection_row.import',
          entityType: 'collection_row',
          entityId: id,
          after: { unitId: unit.id, stage: row.stage, values, status: 'accepted' },
        });
      }
    }
    return { result: { imported: rows.length }, audit };
  });
}

function refuse(errors: SheetError[]): never {
  // A file that cannot be read at all is one error with no row: its own words say what to do.
  const whole = errors.length === 1 && errors[0]?.row === 0 ? errors[0].message : null;
  throw new AppError('INVALID_INPUT', whole ?? M.sheetInvalid(errors.length), { field: 'file', errors });
}
