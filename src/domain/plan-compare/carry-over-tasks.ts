import {
  findTasks,
  isDuplicateCarry,
  listCarriedTasks,
  listCoOwners,
} from '../../db/queries/plan-compare.ts';
import { insertTask, insertTaskUnits } from '../../db/queries/plan-tasks.ts';
import { isSupervisorOf } from '../../policies/tasks.ts';
import type { CarryOverInput, CarryOverResult } from '../../shared/plan-compare.ts';
import { type Context, shanghaiToday } from '../context.ts';
import { AppError } from '../errors.ts';
import { maxDate } from '../lights/dates.ts';
import { taskStartOn } from '../publish/task-schedule.ts';
import { write } from '../write.ts';
import { comparePlans } from './compare-plans.ts';
import { targetMatch } from './list-carry-over.ts';
import { loadPlanSnapshot } from './load-plan-snapshot.ts';
import { compareMessages as M } from './messages.ts';
import { resolvePlans } from './resolve-plans.ts';

/**
 * Carries unfinished tasks of the previous plan into this published plan, each under its item's
 * match or a chosen item: a new pending task with the same title and owners, due at this year's
 * end, remembering the task it came from. The old task and its history stay in the old plan.
 * All or nothing, in one transaction with an audit entry per task; carrying a task twice is refused.
 */
export async function carryOverTasks(
  ctx: Context,
  input: CarryOverInput & { planId: number },
): Promise<CarryOverResult> {
  const { plan, base } = await resolvePlans(ctx, input.planId, input.base);
  if (!isSupervisorOf(ctx.actor, plan.organization_id)) throw new AppError('FORBIDDEN', M.supervisorOnly);
  // Tasks belong to their organization's units: another bureau's work is not carried.
  if (base.organization_id !== plan.organization_id)
    throw new AppError('INVALID_INPUT', M.baseOfOtherOrganization, { field: 'base' });
  if (plan.status !== 'published') throw new AppError('CONFLICT', M.planNotPublished);
  const seen = new Set<number>();
  for (const { taskId } of input.tasks) {
    if (seen.has(taskId)) throw new AppError('INVALID_INPUT', M.taskRepeated(taskId), { field: 'tasks' });
    seen.add(taskId);
  }
  const [sources, before, after] = await Promise.all([
    findTasks(ctx.db, [...seen]),
    loadPlanSnapshot(ctx.db, base),
    loadPlanSnapshot(ctx.db, plan),
  ]);
  const sourceOf = new Map(sources.map((t) => [t.id, t]));
  const comparison = comparePlans(before, after);
  const itemsOfPlan = new Set(after.items.map((i) => i.id));
  const plans = input.tasks.map(({ taskId, itemId }) => {
    const task = sourceOf.get(taskId);
    if (!task || task.planId !== base.id)
      throw new AppError('INVALID_INPUT', M.taskNotInBase(taskId), { field: 'tasks' });
    if (task.parentTaskId !== null)
      throw new AppError('INVALID_INPUT', M.taskIsSchoolCopy(task.title), { field: 'tasks' });
    if (task.status === 'done') throw new AppError('CONFLICT', M.taskDone(task.title), { taskId });
    const target = itemId ?? targetMatch(comparison.matches, task.itemId)?.after.id;
    if (target === undefined)
      throw new AppError('INVALID_INPUT', M.noTarget(task.title), { field: 'tasks', taskId });
    if (!itemsOfPlan.has(target))
      throw new AppError('INVALID_INPUT', M.itemNotInPlan(target), { field: 'tasks' });
    return { task, itemId: target };
  });
  const startOn = taskStartOn(shanghaiToday(ctx), plan.year, plan.issued_on);
  const dueOn = maxDate(`${plan.year}-12-31`, startOn);
  try {
    return await write(ctx, async (trx, at) => {
      const carried = await listCarriedTasks(trx, plan.id, [...seen]);
      const again = plans.find((p) => carried.has(p.task.id));
      if (again)
        throw new AppError('CONFLICT', M.alreadyCarried(again.task.title), { taskId: again.task.id });
      const coOwners = await listCoOwners(trx, [...seen]);
      const created: CarryOverResult['created'] = [];
      for (const { task, itemId } of plans) {
        const taskId = await insertTask(trx, {
          plan_id: plan.id,
          item_id: itemId,
          title: task.title,
          lead_unit_id: task.leadUnitId,
          start_on: startOn,
          due_on: dueOn,
          status: 'pending',
          created_at: at,
          updated_at: at,
          carried_from_task_id: task.id,
        });
        await insertTaskUnits(trx, taskId, task.leadUnitId, coOwners.get(task.id) ?? []);
        created.push({ taskId, fromTaskId: task.id, itemId });
      }
      return {
        result: { created },
        audit: created.map((c) => ({
          action: 'task.carry_over',
          entityType: 'task',
          entityId: c.taskId,
          before: { fromPlanId: base.id, fromTaskId: c.fromTaskId },
          after: { planId: plan.id, itemId: c.itemId, startOn, dueOn },
        })),
      };
    });
  } catch (error) {
    // Two supervisors carrying the same task at once: the unique index refuses the second.
    if (isDuplicateCarry(error)) throw new AppError('CONFLICT', M.carriedMeanwhile);
    throw error;
  }
}
