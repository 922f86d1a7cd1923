import { listInspections, listInspectionUnits } from '../../db/queries/findings.ts';
import { actingUnit } from '../../policies/roles.ts';
import type { InspectionList } from '../../shared/findings.ts';
import { can } from '../accounts/permissions.ts';
import { type Context, shanghaiToday } from '../context.ts';

/**
 * A month's inspections: supervisors, admins and viewers see every school (who filed, who did not)
 * plus any department that filed; a department or school sees its own filings; others nothing.
 */
export async function listMonthInspections(
  ctx: Context,
  input: { period?: string },
): Promise<InspectionList> {
  const period = input.period ?? shanghaiToday(ctx).slice(0, 7);
  const org = ctx.actor.organizationId;
  const wholeOrganization = can(ctx.actor, 'inspections.overview');
  const own = actingUnit(ctx.actor);
  if (!wholeOrganization && own === null) return { period, rows: [] };
  const filings = await listInspections(
    ctx.db,
    org,
    period,
    wholeOrganization ? undefined : (own ?? undefined),
  );
  const filedUnits = [...new Set(filings.map((f) => f.unitId))];
  const units = wholeOrganization
    ? await listInspectionUnits(ctx.db, org, filedUnits)
    : (await listInspectionUnits(ctx.db, org, own === null ? [] : [own])).filter((u) => u.id === own);
  return {
    period,
    rows: units.map((unit) => ({
      unit: { id: unit.id, name: unit.name, kind: unit.kind },
      filings: filings.filter((f) => f.unitId === unit.id).map(({ unitId: _unit, ...filing }) => filing),
    })),
  };
}
