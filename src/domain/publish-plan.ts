import {
  type ItemIndicatorRow,
  listItemIndicators,
  listItems,
  listItemUnits,
} from '../db/queries/plan-items.ts';
import {
  insertIndicatorSlots,
  insertIndicators,
  insertTasks,
  insertTaskUnitRows,
} from '../db/queries/plan-tasks.ts';
import { markPlanPublished } from '../db/queries/plans.ts';
import { listUnits } from '../db/queries/units.ts';
import { requirePublisher, requireWritablePlan } from '../policies/plans.ts';
import { type Context, shanghaiToday, type Tx } from './context.ts';
import { AppError } from './errors.ts';
import { planMessages } from './plan-messages.ts';
import { groupBy } from './plan-tree/group-by.ts';
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
  requirePublisher(ctx.actor);
  const plan = await requireWritablePlan(
    ctx.db,
    ctx.actor,
    input.planId,
    planMessages.planNotFound(input.planId),
  );
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

// Set-based whatever the plan's size (a few statements per thousand rows, db/queries/batch.ts):
// the items' tasks, then the school copies, then owners, indicators and their slots.
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
  const unitsByItem = groupBy(itemUnits, (u) => u.itemId);
  const indicatorsByItem = groupBy(itemIndicators, (i) => i.item_id);
  const planned = items.map((item) => {
    const units = unitsByItem(item.id);
    const lead = units.find((u) => u.isLead) ?? units[0];
    const parsed = indicatorsByItem(item.id);
    const task = {
      plan_id: planId,
      item_id: item.id,
      title: item.title,
      start_on: startOn,
      due_on: taskDueOn(parsed, year, startOn),
      status: 'pending' as const,
      created_at: at,
      updated_at: at,
    };
    return {
      task,
      parsed,
      leadUnitId: lead?.unitId ?? null,
      coOwners: units.filter((u) => u !== lead).map((u) => u.unitId),
      schools: schoolsAddressedBy(item.body, schools),
    };
  });
  const topIds = await insertTasks(
    trx,
    planned.map((p) => ({ ...p.task, parent_task_id: null, lead_unit_id: p.leadUnitId })),
  );
  const copies = planned.flatMap((p, k) => p.schools.map((school) => ({ p, parentId: topIds[k]!, school })));
  const copyIds = await insertTasks(
    trx,
    copies.map((c) => ({ ...c.p.task, parent_task_id: c.parentId, lead_unit_id: c.school.id })),
  );

  const owners: Array<{ task_id: number; unit_id: number; role: 'lead' | 'co' }> = [];
  const indicators: IndicatorPlan[] = [];
  const taskIds: number[] = [];
  let copy = 0;
  planned.forEach((p, k) => {
    const taskId = topIds[k]!;
    taskIds.push(taskId);
    if (p.leadUnitId !== null) owners.push({ task_id: taskId, unit_id: p.leadUnitId, role: 'lead' });
    for (const unitId of p.coOwners) owners.push({ task_id: taskId, unit_id: unitId, role: 'co' });
    for (const indicator of p.parsed) indicators.push({ taskId, indicator, task: p.task });
    // School copies carry the recurring promises (每月排查…) each school must keep itself.
    const recurring = p.parsed.filter((i) => i.kind === 'recurring');
    for (const school of p.schools) {
      const childId = copyIds[copy++]!;
      taskIds.push(childId);
      owners.push({ task_id: childId, unit_id: school.id, role: 'lead' });
      for (const indicator of recurring) indicators.push({ taskId: childId, indicator, task: p.task });
    }
  });
  await insertTaskUnitRows(trx, owners);
  await addIndicators(trx, indicators, year);
  return { taskIds, indicators: indicators.length, schoolTasks: copies.length };
}

interface IndicatorPlan {
  taskId: number;
  indicator: ItemIndicatorRow;
  task: { start_on: string; due_on: string };
}

async function addIndicators(trx: Tx, planned: readonly IndicatorPlan[], year: number): Promise<void> {
  const dueOn = (p: IndicatorPlan) => p.indicator.due_on ?? p.task.due_on;
  const ids = await insertIndicators(
    trx,
    planned.map((p) => ({
      task_id: p.taskId,
      kind: p.indicator.kind,
      text: p.indicator.text,
      per: p.indicator.per,
      target_min: p.indicator.target_min,
      target_max: p.indicator.target_max,
      target_value: p.indicator.target_value,
      name: p.indicator.name,
      due_on: dueOn(p),
      span_start: p.indicator.span_start,
      span_end: p.indicator.span_end,
    })),
  );
  const slots: Array<{ indicator_id: number; label: string; starts_on: string; ends_on: string }> = [];
  planned.forEach((p, k) => {
    if (p.indicator.kind !== 'recurring') return;
    for (const slot of recurringSlots(p.indicator.per ?? 'month', p.task.start_on, dueOn(p), year))
      slots.push({
        indicator_id: ids[k]!,
        label: slot.label,
        starts_on: slot.startsOn,
        ends_on: slot.endsOn,
      });
  });
  await insertIndicatorSlots(trx, slots);
}

function statusName(status: 'draft' | 'published' | 'closed'): string {
  return { draft: '草稿', published: '已发布', closed: '已关闭' }[status];
}
