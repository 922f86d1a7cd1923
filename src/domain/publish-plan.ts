import {
  type ItemIndicatorRow,
  listItemIndicators,
  listItems,
  listItemUnits,
} from '../db/queries/plan-items.ts';
import {
  insertIndicator,
  insertIndicatorSlots,
  insertTask,
  insertTaskUnits,
} from '../db/queries/plan-tasks.ts';
import { findOwnPlan, markPlanPublished } from '../db/queries/plans.ts';
import { listUnits } from '../db/queries/units.ts';
import { type Context, shanghaiToday, type Tx } from './context.ts';
import { AppError } from './errors.ts';
import { planMessages } from './plan-messages.ts';
import { replaceTwins } from './publish/replace-twins.ts';
import { schoolsAddressedBy } from './publish/school-fan-out.ts';
import { recurringSlots, taskDueOn, taskStartOn } from './publish/task-schedule.ts';
import { assertUpdated, type WriteResult, write } from './write.ts';

/** What publishing created. */
export interface PublishPlanResult {
  planId: number;
  /** Tasks created, school copies included. */
  tasks: number;
  indicators: number;
  /** Of the tasks, the copies fanned out to schools. */
  schoolTasks: number;
  /** Published plans of the same notice this publication closed (only with `replace`). */
  replacedPlanIds: number[];
}

/**
 * Publishes a draft plan: one task per item (the item's lead department leads, the others
 * co-own) running from the publish day (Asia/Shanghai) to its due date, the item's parsed
 * indicators on it with reporting slots for recurring ones, and copies for every addressed school
 * (see school-fan-out.ts). The draft's version is checked, so publishing twice gives CONFLICT. A
 * draft of a notice the organization already published (same 文号, or same title and year) is
 * refused with CONFLICT unless `replace`, which closes the earlier plan (publish/replace-twins.ts).
 */
export async function publishPlan(
  ctx: Context,
  input: { planId: number; version?: number; replace?: boolean },
): Promise<PublishPlanResult> {
  const plan = await findOwnPlan(ctx.db, ctx.actor.organizationId, input.planId);
  if (!plan) throw new AppError('NOT_FOUND', planMessages.planNotFound(input.planId));
  if (plan.status !== 'draft')
    throw new AppError('CONFLICT', planMessages.planNotDraft(statusName(plan.status)));
  const version = input.version ?? plan.version;
  const publishedOn = shanghaiToday(ctx);
  return write(ctx, async (trx, at) => {
    // Claim the draft first: a concurrent publish or edit makes this update miss and roll back.
    assertUpdated(await markPlanPublished(trx, plan.id, version, publishedOn, at), '该工作要点');
    const twins = await replaceTwins(trx, ctx.actor.organizationId, plan, input.replace ?? false, at);
    const startOn = taskStartOn(publishedOn, plan.year, plan.issued_on);
    const created = await createTasks(trx, plan.id, plan.year, ctx.actor.organizationId, startOn, at);
    const result: PublishPlanResult = {
      planId: plan.id,
      tasks: created.taskIds.length,
      indicators: created.indicators,
      schoolTasks: created.schoolTasks,
      replacedPlanIds: twins.closedPlanIds,
    };
    const replaces = twins.twinIds.length > 0 ? { replaces: twins.twinIds } : {};
    const audit: WriteResult<PublishPlanResult>['audit'] = [
      {
        action: 'plan.publish',
        entityType: 'plan',
        entityId: plan.id,
        before: { status: 'draft', version },
        after: { status: 'published', publishedOn, version: version + 1, ...result, ...replaces },
      },
      ...twins.audit,
      ...created.taskIds.map((taskId) => ({ action: 'task.create', entityType: 'task', entityId: taskId })),
    ];
    return { result, audit };
  });
}

async function createTasks(
  trx: Tx,
  planId: number,
  year: number,
  organizationId: number,
  startOn: string,
  at: string,
) {
  const [items, itemUnits, itemIndicators, schoolRows] = await Promise.all([
    listItems(trx, planId),
    listItemUnits(trx, planId),
    listItemIndicators(trx, planId),
    listUnits(trx, organizationId, { kind: 'school' }),
  ]);
  const schools = schoolRows.map((s) => ({ id: s.id, name: s.name, schoolKind: s.school_kind }));
  const taskIds: number[] = [];
  let indicators = 0;
  let schoolTasks = 0;
  for (const item of items) {
    const units = itemUnits.filter((u) => u.itemId === item.id);
    const lead = units.find((u) => u.isLead) ?? units[0];
    const parsed = itemIndicators.filter((i) => i.item_id === item.id);
    const dueOn = taskDueOn(parsed, year, startOn);
    const task = {
      plan_id: planId,
      item_id: item.id,
      title: item.title,
      start_on: startOn,
      due_on: dueOn,
      status: 'pending' as const,
      created_at: at,
      updated_at: at,
    };
    const taskId = await insertTask(trx, { ...task, lead_unit_id: lead?.unitId ?? null });
    const coOwners = units.filter((u) => u !== lead).map((u) => u.unitId);
    await insertTaskUnits(trx, taskId, lead?.unitId ?? null, coOwners);
    taskIds.push(taskId);
    for (const indicator of parsed) await addIndicator(trx, taskId, indicator, task, year);
    indicators += parsed.length;
    // School copies carry the recurring promises (每月排查…) each school must keep itself.
    const recurring = parsed.filter((i) => i.kind === 'recurring');
    for (const school of schoolsAddressedBy(item.body, schools)) {
      const childId = await insertTask(trx, { ...task, parent_task_id: taskId, lead_unit_id: school.id });
      await insertTaskUnits(trx, childId, school.id, []);
      for (const indicator of recurring) await addIndicator(trx, childId, indicator, task, year);
      taskIds.push(childId);
      indicators += recurring.length;
      schoolTasks++;
    }
  }
  return { taskIds, indicators, schoolTasks };
}

async function addIndicator(
  trx: Tx,
  taskId: number,
  indicator: ItemIndicatorRow,
  task: { start_on: string; due_on: string },
  year: number,
): Promise<void> {
  const dueOn = indicator.due_on ?? task.due_on;
  const indicatorId = await insertIndicator(trx, {
    task_id: taskId,
    kind: indicator.kind,
    text: indicator.text,
    per: indicator.per,
    target_min: indicator.target_min,
    target_max: indicator.target_max,
    target_value: indicator.target_value,
    name: indicator.name,
    due_on: dueOn,
    span_start: indicator.span_start,
    span_end: indicator.span_end,
  });
  if (indicator.kind !== 'recurring') return;
  const slots = recurringSlots(indicator.per ?? 'month', task.start_on, dueOn, year);
  await insertIndicatorSlots(
    trx,
    slots.map((slot) => ({
      indicator_id: indicatorId,
      label: slot.label,
      starts_on: slot.startsOn,
      ends_on: slot.endsOn,
    })),
  );
}

function statusName(status: 'draft' | 'published' | 'closed'): string {
  return { draft: '草稿', published: '已发布', closed: '已关闭' }[status];
}
