import {
  countUnitWorkReferences,
  deleteUnit,
  findUnitAlias,
  findUnitByName,
  insertUnitAlias,
  moveItemUnits,
  moveUnitAliases,
} from '../../db/queries/units.ts';
import { requireDirectoryEditor } from '../../policies/directory.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { planMessages } from '../plan-messages.ts';
import { type WriteResult, write } from '../write.ts';

/** What aliasing did: the unit the alias now names, and whether a same-named unit was merged into it. */
export interface AliasUnitResult {
  unitId: number;
  alias: string;
  /** The alias was already a unit used only by draft items; those moved over and it was removed. */
  merged: boolean;
  /** The alias already named this unit; nothing changed. */
  unchanged: boolean;
}

/**
 * Makes ALIAS another name of the unit NAME (纪监室 = 纪检监察室). When ALIAS is itself a unit that
 * only draft items use (typically created by an earlier import), it is merged: its draft-item
 * assignments and aliases move to NAME and it is removed. A unit with tasks, users or reports is
 * refused rather than merged, because moving recorded work between units would rewrite history.
 */
export async function aliasUnit(
  ctx: Context,
  input: { name: string; alias: string },
): Promise<AliasUnitResult> {
  requireDirectoryEditor(ctx.actor);
  const name = input.name.trim();
  const alias = input.alias.trim();
  if (name === '' || alias === '')
    throw new AppError('INVALID_INPUT', planMessages.unitNameEmpty, { field: 'alias' });
  if (name === alias) throw new AppError('INVALID_INPUT', planMessages.aliasSame, { field: 'alias' });
  const organizationId = ctx.actor.organizationId;
  return write<AliasUnitResult>(ctx, async (trx) => {
    const target = await findUnitByName(trx, organizationId, name);
    if (!target) {
      const viaAlias = await findUnitAlias(trx, organizationId, name);
      if (viaAlias) throw new AppError('INVALID_INPUT', planMessages.aliasOfAlias(name, viaAlias.unitName));
      throw new AppError('NOT_FOUND', planMessages.aliasTargetMissing(name), { name });
    }
    const existingAlias = await findUnitAlias(trx, organizationId, alias);
    if (existingAlias) {
      if (existingAlias.unitId === target.id) {
        return { result: { unitId: target.id, alias, merged: false, unchanged: true }, audit: [] };
      }
      throw new AppError('CONFLICT', planMessages.aliasExists(alias, existingAlias.unitName), {
        alias,
        field: 'alias',
      });
    }
    const audit: WriteResult<AliasUnitResult>['audit'] = [];
    const aliasUnitRow = await findUnitByName(trx, organizationId, alias);
    if (aliasUnitRow) {
      if ((await countUnitWorkReferences(trx, aliasUnitRow.id)) > 0) {
        throw new AppError('CONFLICT', planMessages.aliasIsReferenced(alias), {
          alias,
          field: 'alias',
        });
      }
      const movedItems = await moveItemUnits(trx, aliasUnitRow.id, target.id);
      await moveUnitAliases(trx, aliasUnitRow.id, target.id);
      await deleteUnit(trx, organizationId, aliasUnitRow.id);
      audit.push({
        action: 'unit.merge',
        entityType: 'unit',
        entityId: target.id,
        before: { unitId: aliasUnitRow.id, name: alias },
        after: { unitId: target.id, name: target.name, movedItems },
      });
    }
    const aliasId = await insertUnitAlias(trx, { organizationId, unitId: target.id, alias });
    audit.push({ action: 'unit.alias', entityType: 'unit', entityId: target.id, after: { aliasId, alias } });
    return {
      result: { unitId: target.id, alias, merged: aliasUnitRow !== undefined, unchanged: false },
      audit,
    };
  });
}
