import { listLeaders } from '../../db/queries/leaders.ts';
import { findOwnPlan } from '../../db/queries/plans.ts';
import { listUnits } from '../../db/queries/units.ts';
import type { EditChoices } from '../../shared/import.ts';
import { requirePermission } from '../accounts/permissions.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { planMessages } from '../plan-messages.ts';

/** What the editor of a plan's items and tasks may choose from: active units and known leaders. */
export async function listEditChoices(ctx: Context, planId: number): Promise<EditChoices> {
  requirePermission(ctx.actor, 'plans.import');
  const organizationId = ctx.actor.organizationId;
  const plan = await findOwnPlan(ctx.db, organizationId, planId);
  if (!plan) throw new AppError('NOT_FOUND', planMessages.planNotFound(planId), { planId });
  const [units, leaders] = await Promise.all([
    listUnits(ctx.db, organizationId),
    listLeaders(ctx.db, organizationId),
  ]);
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    leaders: leaders.map((l) => l.name),
  };
}
