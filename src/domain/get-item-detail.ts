import {
  findReadableItem,
  listCompletionsOf,
  listEvidenceOf,
  listExtensionsOf,
  listIndicatorsOf,
  listItemAuditOf,
  listItemIndicatorSpans,
  listItemPeople,
  listOccurrencesOf,
  listOwnersOf,
  listReportsOf,
  listReviewsOf,
  listVisibleItemTasks,
} from '../db/queries/item-detail.ts';
import type { ItemDetail } from '../shared/items.ts';
import { getItemBalance } from './balance/item-balance.ts';
import { computePlanLights } from './compute-plan-lights.ts';
import type { Context } from './context.ts';
import { AppError } from './errors.ts';
import { assembleItemTasks, draftSpanInput, indicatorSpans } from './item-detail/assemble.ts';
import { itemDetailMessages as M } from './item-detail/messages.ts';

export type { ItemDetail } from '../shared/items.ts';

/** Which item, and as of which day its lights are computed (default: today in Asia/Shanghai). */
export interface GetItemDetailInput {
  itemId: number;
  asOf?: string;
}

// The trail is for reading on a page, not an export: the newest entries say what happened lately.
const auditLimit = 200;

/**
 * Everything the item page shows: the item's text with its indicators' places, its light, and per
 * task the owners, lights, indicator progress, reports with reviews and evidence, occurrences,
 * extensions, completion requests, the audit trail, and the 均衡监测 of a collection round serving
 * the item (issue 16) — only the tasks the actor may see (a department its own, a leader the items
 * naming them). Reads a fixed number of queries whatever the item's size; another organization's
 * item is NOT_FOUND.
 */
export async function getItemDetail(ctx: Context, input: GetItemDetailInput): Promise<ItemDetail> {
  const { db, actor } = ctx;
  const item = await findReadableItem(db, actor, input.itemId);
  if (!item) throw new AppError('NOT_FOUND', M.itemNotFound(input.itemId), { itemId: input.itemId });
  const published = item.plan_status !== 'draft';
  const [people, tasks, draftIndicators, lights, balance] = await Promise.all([
    listItemPeople(db, item.id),
    listVisibleItemTasks(db, actor, item.id),
    published ? [] : listItemIndicatorSpans(db, item.id),
    published ? computePlanLights(ctx, { planId: item.plan_id, asOf: input.asOf }) : undefined,
    // 均衡监测 (issue 16): whoever reads the item reads the result of the round serving it.
    published
      ? getItemBalance(db, {
          organizationId: item.organization_id,
          planId: item.plan_id,
          itemNo: item.no,
          itemTitle: item.title,
        })
      : null,
  ]);
  const taskIds = tasks.map((t) => t.id);
  const [owners, indicators, reports, occurrences, extensions, completions, reviews, evidence, audit] =
    await Promise.all([
      listOwnersOf(db, taskIds),
      listIndicatorsOf(db, taskIds),
      listReportsOf(db, taskIds),
      listOccurrencesOf(db, taskIds),
      listExtensionsOf(db, taskIds),
      listCompletionsOf(db, taskIds),
      listReviewsOf(db, taskIds),
      listEvidenceOf(db, item.organization_id, taskIds),
      listItemAuditOf(db, item.organization_id, item.id, taskIds, auditLimit),
    ]);
  const details = assembleItemTasks({
    tasks,
    owners,
    indicators,
    reports,
    occurrences,
    extensions,
    completions,
    reviews,
    evidence,
    lights,
    unitId: ctx.actor.unitId,
  });
  const itemLight = lights?.items.find((row) => row.itemId === item.id);
  return {
    asOf: lights?.asOf ?? null,
    plan: { id: item.plan_id, title: item.plan_title, year: item.plan_year, status: item.plan_status },
    section: { id: item.section_id, no: item.section_no, title: item.section_title },
    item: {
      id: item.id,
      no: item.no,
      title: item.title,
      body: item.body,
      weight: Number(item.weight),
      leaders: people.leaders,
      departments: people.units,
    },
    light: itemLight
      ? { light: itemLight.light, progress: itemLight.progress, reason: itemLight.reason }
      : null,
    spans: indicatorSpans(item.body, published ? indicators : draftSpanInput(draftIndicators)),
    tasks: details,
    audit: audit.map((a) => ({
      id: a.id,
      actor: a.actor_label,
      action: a.action,
      entityType: a.entity_type,
      entityId: a.entity_id,
      at: a.created_at,
    })),
    balance,
  };
}
