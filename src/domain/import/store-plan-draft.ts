import type { Insertable } from 'kysely';
import { insertLeaders, listLeaders } from '../../db/queries/leaders.ts';
import {
  deletePlanStructure,
  insertItemIndicators,
  insertItemLeaderRows,
  insertItems,
  insertItemUnitRows,
  insertSections,
} from '../../db/queries/plan-items.ts';
import { findDraftPlan, insertPlan, updateDraftPlan } from '../../db/queries/plans.ts';
import type { ItemIndicatorTable } from '../../db/schema.ts';
import type { ParsedItem, ParsedNotice } from '../../notice/types.ts';
import type { Tx } from '../context.ts';
import { simplified } from '../directory/simplified.ts';
import type { WriteResult } from '../write.ts';
import { assertUpdated } from '../write.ts';

/** What storing a draft needs besides the parse: who, which notice, the year and resolved units. */
export interface DraftInput {
  organizationId: number;
  userId: number | null;
  noticeId: number;
  year: number;
  warnings: unknown[];
  unitIds: ReadonlyMap<string, number>;
  at: string;
}

/** The stored draft: its id, whether it is new, and what was written. */
export interface StoredDraft {
  planId: number;
  created: boolean;
  counts: { sections: number; items: number; indicators: number };
  createdLeaders: string[];
  audit: WriteResult<unknown>['audit'];
}

/**
 * Writes the plan draft: a new plan, or, when the organization already has a draft of the same
 * title and year, that draft rewritten in place (same id, version bumped) so a corrected notice
 * replaces its sections and items instead of adding a second plan.
 */
export async function storePlanDraft(trx: Tx, parsed: ParsedNotice, input: DraftInput): Promise<StoredDraft> {
  const createdLeaders: string[] = [];
  const audit: StoredDraft['audit'] = [];
  const leaderIds = await ensureLeaders(trx, parsed, input, createdLeaders, audit);
  const fields = {
    notice_id: input.noticeId,
    issuer: parsed.issuer,
    doc_number: parsed.docNumber,
    notice_title: parsed.noticeTitle,
    issued_on: parsed.issuedOn,
    preamble: parsed.preamble,
    warnings: JSON.stringify(input.warnings),
    updated_at: input.at,
  };
  const existing = await findDraftPlan(trx, input.organizationId, parsed.title, input.year);
  let planId: number;
  if (existing) {
    planId = existing.id;
    assertUpdated(await updateDraftPlan(trx, planId, existing.version, fields), '该工作要点草稿');
    await deletePlanStructure(trx, planId);
  } else {
    planId = await insertPlan(trx, {
      ...fields,
      organization_id: input.organizationId,
      title: parsed.title,
      year: input.year,
      status: 'draft',
      created_by: input.userId,
      created_at: input.at,
    });
  }
  const counts = await storeStructure(trx, planId, parsed, leaderIds, input.unitIds);
  audit.push({
    action: existing ? 'plan.reimport' : 'plan.import',
    entityType: 'plan',
    entityId: planId,
    before: existing ? { version: existing.version, noticeId: existing.notice_id } : undefined,
    after: { title: parsed.title, year: input.year, noticeId: input.noticeId, ...counts },
  });
  return { planId, created: !existing, counts, createdLeaders, audit };
}

async function ensureLeaders(
  trx: Tx,
  parsed: ParsedNotice,
  input: DraftInput,
  created: string[],
  audit: StoredDraft['audit'],
): Promise<Map<string, number>> {
  const ids = new Map((await listLeaders(trx, input.organizationId)).map((l) => [l.name, l.id]));
  const missing = new Set<string>();
  for (const section of parsed.sections) {
    for (const item of section.items)
      for (const name of item.leaders) {
        // 陳玲玲 in a traditional-character copy is the directory's 陈玲玲.
        const same = ids.get(simplified(name));
        if (same !== undefined) ids.set(name, same);
        if (!ids.has(name)) missing.add(name);
      }
  }
  const names = [...missing];
  const newIds = await insertLeaders(trx, {
    organizationId: input.organizationId,
    names,
    createdAt: input.at,
  });
  names.forEach((name, k) => {
    const id = newIds[k]!;
    ids.set(name, id);
    created.push(name);
    audit.push({ action: 'leader.create', entityType: 'leader', entityId: id, after: { name } });
  });
  return ids;
}

// Set-based, a few statements per thousand rows whatever the notice's size (see db/queries/batch.ts):
// sections, then items (their ids in notice order), then the items' leaders, units and indicators.
async function storeStructure(
  trx: Tx,
  planId: number,
  parsed: ParsedNotice,
  leaderIds: ReadonlyMap<string, number>,
  unitIds: ReadonlyMap<string, number>,
): Promise<StoredDraft['counts']> {
  const sectionIds = await insertSections(
    trx,
    parsed.sections.map((section) => ({
      plan_id: planId,
      no: section.no,
      title: section.title,
      source_start: section.source.start,
      source_end: section.source.end,
    })),
  );
  const items: ParsedItem[] = [];
  const itemRows = parsed.sections.flatMap((section, s) =>
    section.items.map((item) => {
      items.push(item);
      return {
        plan_id: planId,
        section_id: sectionIds[s]!,
        no: item.no,
        title: item.title,
        body: item.body,
        weight: 1,
        source_start: item.source.start,
        source_end: item.source.end,
      };
    }),
  );
  const itemIds = await insertItems(trx, itemRows);
  const leaders: Array<{ item_id: number; leader_id: number; position: number }> = [];
  const units: Array<{ itemId: number; unitId: number; isLead: boolean; position: number }> = [];
  const indicators: Array<Insertable<ItemIndicatorTable>> = [];
  items.forEach((item, k) => {
    const itemId = itemIds[k]!;
    unique(item.leaders.map((name) => leaderIds.get(name))).forEach((leaderId, position) => {
      leaders.push({ item_id: itemId, leader_id: leaderId, position });
    });
    itemUnits(item, unitIds).forEach((unit, position) => {
      units.push({ itemId, ...unit, position });
    });
    item.indicators.forEach((indicator, position) => {
      indicators.push({
        item_id: itemId,
        position,
        kind: indicator.kind,
        text: indicator.text,
        per: indicator.per ?? null,
        target_min: indicator.min ?? null,
        target_max: indicator.max ?? null,
        target_value: indicator.value ?? null,
        name: indicator.name ?? null,
        due_on: indicator.due ?? null,
        span_start: indicator.span[0],
        span_end: indicator.span[1],
      });
    });
  });
  await insertItemLeaderRows(trx, leaders);
  await insertItemUnitRows(trx, units);
  await insertItemIndicators(trx, indicators);
  return { sections: sectionIds.length, items: itemIds.length, indicators: indicators.length };
}

// Two names of one unit in the same item (纪监室、纪检监察室 after aliasing) must become one row.
function itemUnits(
  item: ParsedItem,
  unitIds: ReadonlyMap<string, number>,
): Array<{ unitId: number; isLead: boolean }> {
  const leads = item.leadDepartments.length > 0 ? item.leadDepartments : item.departments.slice(0, 1);
  const byUnit = new Map<number, boolean>();
  for (const name of [...item.departments, ...leads.filter((n) => !item.departments.includes(n))]) {
    const unitId = unitIds.get(name);
    if (unitId === undefined) continue;
    byUnit.set(unitId, (byUnit.get(unitId) ?? false) || leads.includes(name));
  }
  return [...byUnit].map(([unitId, isLead]) => ({ unitId, isLead }));
}

function unique(ids: Array<number | undefined>): number[] {
  return [...new Set(ids.filter((id): id is number => id !== undefined))];
}
