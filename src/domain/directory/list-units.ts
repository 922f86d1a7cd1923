import { listUnitAliases, listUnits } from '../../db/queries/units.ts';
import type { UnitTable } from '../../db/schema.ts';
import type { Context } from '../context.ts';

/** A unit of the directory with its aliases. */
export interface UnitListEntry {
  id: number;
  name: string;
  kind: UnitTable['kind'];
  schoolKind: string | null;
  active: boolean;
  aliases: string[];
}

/** The actor's organization's units (departments first, then schools), each with its aliases. */
export async function listUnitsWithAliases(
  ctx: Context,
  options: { kind?: UnitTable['kind']; includeInactive?: boolean } = {},
): Promise<UnitListEntry[]> {
  const organizationId = ctx.actor.organizationId;
  const [units, aliases] = await Promise.all([
    listUnits(ctx.db, organizationId, options),
    listUnitAliases(ctx.db, organizationId),
  ]);
  return units.map((unit) => ({
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    schoolKind: unit.school_kind,
    active: Number(unit.active) === 1,
    aliases: aliases.filter((a) => a.unitId === unit.id).map((a) => a.alias),
  }));
}
