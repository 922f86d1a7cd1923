import {
  countOpenTasksByUnit,
  findUnit,
  findUnitAlias,
  findUnitByName,
  updateUnit,
} from '../../db/queries/units.ts';
import { requireDirectoryEditor } from '../../policies/directory.ts';
import type { UnitPatch } from '../../shared/directory.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { type WriteResult, write } from '../write.ts';
import { directoryMessages as m } from './messages.ts';

/**
 * Renames a unit, sets a school's kind, or deactivates / reactivates a unit. Each change is audited
 * with the value before and after, so a renamed unit's earlier name stays on record. Deactivating a
 * unit that still leads or co-owns open tasks is refused: those tasks would have nobody to report.
 */
export async function changeUnit(ctx: Context, unitId: number, patch: UnitPatch): Promise<void> {
  requireDirectoryEditor(ctx.actor);
  const organizationId = ctx.actor.organizationId;
  await write(ctx, async (trx) => {
    const unit = await findUnit(trx, organizationId, unitId);
    if (!unit) throw new AppError('NOT_FOUND', m.unitNotFound);
    const audit: WriteResult<void>['audit'] = [];
    const entry = (action: string, before: unknown, after: unknown) =>
      audit.push({ action, entityType: 'unit', entityId: unit.id, before, after });
    const name = patch.name?.trim();
    if (name !== undefined && name !== unit.name) {
      const other = await findUnitByName(trx, organizationId, name);
      if (other) throw new AppError('CONFLICT', m.nameTakenByUnit(name), { field: 'name' });
      const alias = await findUnitAlias(trx, organizationId, name);
      if (alias) throw new AppError('CONFLICT', m.nameTakenByAlias(name, alias.unitName), { field: 'name' });
      entry('unit.rename', { name: unit.name }, { name });
    }
    if (patch.schoolKind !== undefined && patch.schoolKind !== unit.school_kind) {
      if (unit.kind !== 'school' && patch.schoolKind !== null) {
        throw new AppError('INVALID_INPUT', m.schoolKindForDepartment, { field: 'schoolKind' });
      }
      entry('unit.school_kind', { schoolKind: unit.school_kind }, { schoolKind: patch.schoolKind });
    }
    const active = Number(unit.active) === 1;
    if (patch.active !== undefined && patch.active !== active) {
      if (!patch.active) {
        const open = (await countOpenTasksByUnit(trx, organizationId)).get(unit.id) ?? 0;
        if (open > 0) {
          throw new AppError('CONFLICT', m.unitHasOpenTasks(unit.name, open), { field: 'active', open });
        }
      }
      entry(patch.active ? 'unit.reactivate' : 'unit.deactivate', { active }, { active: patch.active });
    }
    if (audit.length > 0) {
      await updateUnit(trx, organizationId, unit.id, {
        name: name !== unit.name ? name : undefined,
        schoolKind: patch.schoolKind,
        active: patch.active,
      });
    }
    return { result: undefined, audit };
  });
}
