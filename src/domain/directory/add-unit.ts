import { findUnitAlias, findUnitByName, insertUnit } from '../../db/queries/units.ts';
import type { UnitTable } from '../../db/schema.ts';
import { requireDirectoryEditor } from '../../policies/directory.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { planMessages } from '../plan-messages.ts';
import { write } from '../write.ts';

/** What adding a unit needs: its name, kind (default department) and, for schools, the school kind. */
export interface AddUnitInput {
  name: string;
  kind?: UnitTable['kind'];
  schoolKind?: string | null;
}

/**
 * Adds a department or school to the actor's organization (administrators and supervisors); a name
 * already used as a unit or alias is refused.
 */
export async function addUnit(ctx: Context, input: AddUnitInput): Promise<{ unitId: number }> {
  requireDirectoryEditor(ctx.actor);
  const name = input.name.trim();
  if (name === '') throw new AppError('INVALID_INPUT', planMessages.unitNameEmpty, { field: 'name' });
  const organizationId = ctx.actor.organizationId;
  return write(ctx, async (trx, at) => {
    if (await findUnitByName(trx, organizationId, name)) {
      throw new AppError('CONFLICT', planMessages.unitExists(name), { name, field: 'name' });
    }
    const alias = await findUnitAlias(trx, organizationId, name);
    if (alias)
      throw new AppError('CONFLICT', planMessages.aliasExists(name, alias.unitName), {
        name,
        field: 'name',
      });
    const kind = input.kind ?? 'department';
    const schoolKind = kind === 'school' ? (input.schoolKind ?? null) : null;
    const unitId = await insertUnit(trx, { organizationId, kind, name, schoolKind, createdAt: at });
    return {
      result: { unitId },
      audit: [
        { action: 'unit.create', entityType: 'unit', entityId: unitId, after: { name, kind, schoolKind } },
      ],
    };
  });
}
