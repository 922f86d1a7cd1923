import { listCarriedTasks } from '../../db/queries/plan-compare.ts';
import { isSupervisorOf } from '../../policies/tasks.ts';
import type { CarryOverCandidate, CarryOverList, ItemMatchView } from '../../shared/plan-compare.ts';
import { computePlanLights } from '../compute-plan-lights.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { minDate } from '../lights/dates.ts';
import { comparePlans } from './compare-plans.ts';
import { loadPlanSnapshot, planRef } from './load-plan-snapshot.ts';
import { compareMessages as M } from './messages.ts';
import { resolvePlans } from './resolve-plans.ts';

/**
 * The previous plan's unfinished tasks (not accepted as complete; school copies go with their
 * parent), each with its light, its item's match in this plan and whether it was carried already.
 * Supervisors only: it lists every unit's work.
 */
export async function listCarryOver(
  ctx: Context,
  input: { planId: number; base?: number },
): Promise<CarryOverList> {
  const { plan, base } = await resolvePlans(ctx, input.planId, input.base);
  if (!isSupervisorOf(ctx.actor, plan.organization_id)) throw new AppError('FORBIDDEN', M.supervisorOnly);
  // Tasks belong to their organization's units: another bureau's work is not carried.
  if (base.organization_id !== plan.organization_id)
    throw new AppError('INVALID_INPUT', M.baseOfOtherOrganization, { field: 'base' });
  const result: CarryOverList = { plan: planRef(plan), base: planRef(base), candidates: [] };
  // A draft has no tasks yet.
  if (base.status === 'draft') return result;
  const asOf = minDate(shanghaiToday(ctx), `${base.year}-12-31`);
  const [lights, before, after] = await Promise.all([
    computePlanLights(ctx, { planId: base.id, asOf }),
    loadPlanSnapshot(ctx.db, base),
    loadPlanSnapshot(ctx.db, plan),
  ]);
  const comparison = comparePlans(before, after);
  const open = lights.tasks.filter((t) => t.parentTaskId === null && t.status !== 'done');
  const carried = await listCarriedTasks(
    ctx.db,
    plan.id,
    open.map((t) => t.taskId),
  );
  const itemOf = new Map(before.items.map((item) => [item.id, item]));
  result.candidates = open.flatMap((task): CarryOverCandidate[] => {
    const item = itemOf.get(task.itemId);
    if (!item) return [];
    const match = targetMatch(comparison.matches, item.id);
    return [
      {
        taskId: task.taskId,
        title: task.title,
        status: task.status,
        dueOn: task.dueOn,
        leadUnit: task.leadUnit,
        light: task.light,
        lightReason: task.reason,
        item: {
          id: item.id,
          no: item.no,
          title: item.title,
          sectionNo: item.sectionNo,
          sectionTitle: item.sectionTitle,
        },
        target: match ? { ...match.after, status: match.status, relation: match.relation } : null,
        carriedTaskId: carried.get(task.taskId) ?? null,
      },
    ];
  });
  return result;
}

/** The new plan's item an old item continues as: its one-to-one pair, else the item it merged into. */
export function targetMatch(
  matches: readonly ItemMatchView[],
  beforeItemId: number,
): ItemMatchView | undefined {
  const own = matches.filter((m) => m.before.id === beforeItemId);
  return own.find((m) => m.relation === 'same') ?? own.find((m) => m.relation === 'merged');
}
