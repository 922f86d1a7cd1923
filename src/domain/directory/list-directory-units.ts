import {
  countOpenTasksByUnit,
  countUsersByUnit,
  listUnitAliases,
  listUnits,
} from '../../db/queries/units.ts';
import type { UnitKind, UnitView } from '../../shared/directory.ts';
import type { Context } from '../context.ts';

/**
 * The directory's units as the directory page shows them: aliases with their ids, and how many open
 * tasks and accounts each has (what deactivating it would affect). Any signed-in user of the
 * organization may read it: unit names already appear on every plan.
 */
export async function listDirectoryUnits(
  ctx: Context,
  options: { kind?: UnitKind; includeInactive?: boolean } = {},
): Promise<UnitView[]> {
  const organizationId = ctx.actor.organizationId;
  const [units, aliases, openTasks, users] = await Promise.all([
    listUnits(ctx.db, organizationId, options),
    listUnitAliases(ctx.db, organizationId),
    countOpenTasksByUnit(ctx.db, organizationId),
    countUsersByUnit(ctx.db, organizationId),
  ]);
  return units.map((unit) => ({
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    schoolKind: unit.school_kind,
    active: Number(unit.active) === 1,
    aliases: aliases.filter((a) => a.unitId === unit.id).map((a) => ({ id: a.id, alias: a.alias })),
    openTaskCount: openTasks.get(unit.id) ?? 0,
    userCount: users.get(unit.id) ?? 0,
  }));
}
