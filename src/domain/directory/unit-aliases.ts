import { deleteUnitAlias, findUnit, listUnitAliases } from '../../db/queries/units.ts';
import { requireDirectoryEditor } from '../../policies/directory.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { type AliasUnitResult, aliasUnit } from './alias-unit.ts';
import { directoryMessages as m } from './messages.ts';

/** Adds an alias to a unit by id (the rules, including merging an unused same-named unit, are aliasUnit's). */
export async function addUnitAlias(ctx: Context, unitId: number, alias: string): Promise<AliasUnitResult> {
  requireDirectoryEditor(ctx.actor);
  const unit = await findUnit(ctx.db, ctx.actor.organizationId, unitId);
  if (!unit) throw new AppError('NOT_FOUND', m.unitNotFound);
  return aliasUnit(ctx, { name: unit.name, alias });
}

/** Removes one alias of a unit; the notices that used it then no longer resolve to the unit. Audited. */
export async function removeUnitAlias(ctx: Context, unitId: number, aliasId: number): Promise<void> {
  requireDirectoryEditor(ctx.actor);
  const organizationId = ctx.actor.organizationId;
  await write(ctx, async (trx) => {
    const alias = (await listUnitAliases(trx, organizationId)).find(
      (row) => row.id === aliasId && row.unitId === unitId,
    );
    if (!alias || !(await deleteUnitAlias(trx, organizationId, unitId, aliasId))) {
      throw new AppError('NOT_FOUND', m.aliasNotFound);
    }
    return {
      result: undefined,
      audit: [
        {
          action: 'unit.alias_remove',
          entityType: 'unit',
          entityId: unitId,
          before: { aliasId, alias: alias.alias },
        },
      ],
    };
  });
}
