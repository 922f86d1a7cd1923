import {
  listItemIndicators,
  listItemLeaders,
  listItems,
  listItemUnits,
  listSections,
} from '../db/queries/plan-items.ts';
import {
  listPlanIndicatorSlots,
  listPlanIndicators,
  listPlanTasks,
  listPlanTaskUnits,
} from '../db/queries/plan-tasks.ts';
import { findVisiblePlan } from '../db/queries/plans.ts';
import { listVisibleTasks } from '../db/queries/tasks.ts';
import { readsWholeOrganization } from '../db/queries/visibility.ts';
import type { PlanTree, SectionNode } from '../shared/plan-tree.ts';
import { type CachedRead, cachedPlanRead } from './cache/plan-read-cache.ts';
import { computePlanLights } from './compute-plan-lights.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { toLightView } from './plan-lights-model.ts';
import { planMessages } from './plan-messages.ts';
import { assembleTasks, indicatorNode } from './plan-tree/assemble-tasks.ts';
import { groupBy } from './plan-tree/group-by.ts';

export type { PlanTree } from '../shared/plan-tree.ts';

/** Which plan, and whether (and as of which day) to compute lights for a published plan. */
export interface GetPlanTreeInput {
  planId: number;
  /** Default true; lights exist only once a plan is published. */
  lights?: boolean;
  asOf?: string;
}

/**
 * The plan as a tree of plain objects: sections → items (leaders, departments with the lead
 * flag, draft indicators) → tasks (owners, dates, status; school copies nested) → indicators
 * with slots, and lights with progress and reasons at every level of a published plan. Users
 * bound to a unit or a leader see only the tasks they may see.
 */
export async function getPlanTree(ctx: Context, input: GetPlanTreeInput): Promise<PlanTree> {
  const { db, actor } = ctx;
  const plan = await findVisiblePlan(db, actor, input.planId);
  if (!plan)
    throw new AppError('NOT_FOUND', planMessages.planNotFound(input.planId), { planId: input.planId });
  const [sections, items, leaders, units, draftIndicators, tasks, owners, indicators, slots, visible] =
    await Promise.all([
      listSections(db, plan.id),
      listItems(db, plan.id),
      listItemLeaders(db, plan.id),
      listItemUnits(db, plan.id),
      listItemIndicators(db, plan.id),
      listPlanTasks(db, plan.id),
      listPlanTaskUnits(db, plan.id),
      listPlanIndicators(db, plan.id),
      listPlanIndicatorSlots(db, plan.id),
      readsWholeOrganization(actor) ? undefined : listVisibleTasks(db, actor, plan.id),
    ]);
  const lights =
    plan.status !== 'draft' && input.lights !== false
      ? await computePlanLights(ctx, { planId: plan.id, asOf: input.asOf })
      : undefined;
  const seen = visible && new Set(visible.map((t) => t.id));
  const taskNodes = assembleTasks({
    tasks: tasks.filter((t) => !seen || seen.has(t.id)),
    owners,
    indicators,
    slots,
    lights,
  });
  const itemLight = new Map(lights?.items.map((row) => [row.itemId, toLightView(row)]));
  const sectionLight = new Map(lights?.sections.map((row) => [row.sectionId, toLightView(row)]));
  const itemsOf = groupBy(items, (i) => i.section_id);
  const leadersOf = groupBy(leaders, (l) => l.itemId);
  const unitsOf = groupBy(units, (u) => u.itemId);
  const draftIndicatorsOf = groupBy(draftIndicators, (i) => i.item_id);
  const tasksOf = groupBy(taskNodes, (t) => t.itemId);
  const sectionNodes: SectionNode[] = sections.map((section) => ({
    id: section.id,
    no: section.no,
    title: section.title,
    light: sectionLight.get(section.id),
    items: itemsOf(section.id).map((item) => ({
      id: item.id,
      no: item.no,
      title: item.title,
      body: item.body,
      weight: Number(item.weight),
      leaders: leadersOf(item.id).map((l) => l.name),
      departments: unitsOf(item.id).map((u) => ({ id: u.unitId, name: u.name, isLead: u.isLead })),
      draftIndicators: draftIndicatorsOf(item.id).map((i) => indicatorNode(i, [])),
      tasks: tasksOf(item.id).map((t) => t.node),
      light: itemLight.get(item.id),
    })),
  }));
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      year: plan.year,
      status: plan.status,
      issuer: plan.issuer,
      docNumber: plan.doc_number,
      noticeTitle: plan.notice_title,
      issuedOn: plan.issued_on,
      publishedOn: plan.published_on,
      noticeId: plan.notice_id,
      version: plan.version,
      warnings: JSON.parse(plan.warnings) as PlanTree['plan']['warnings'],
    },
    lights: lights && { asOf: lights.asOf, ...toLightView(lights.plan) },
    sections: sectionNodes,
  };
}

/**
 * The plan tree with lights as JSON text ready to send, from the read cache when no write has
 * touched the plan's organization since (domain/cache/plan-read-cache.ts); same content as
 * `getPlanTree`.
 */
export function getPlanTreeJson(ctx: Context, input: { planId: number; asOf?: string }): Promise<CachedRead> {
  return cachedPlanRead(ctx, 'tree', input, () =>
    getPlanTree(ctx, { planId: input.planId, asOf: input.asOf }),
  );
}
