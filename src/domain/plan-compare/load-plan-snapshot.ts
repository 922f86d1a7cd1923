import type { Kysely } from 'kysely';
import { listItemLeaders, listItems, listItemUnits, listSections } from '../../db/queries/plan-items.ts';
import type { PlanRow } from '../../db/queries/plans.ts';
import type { DB } from '../../db/schema.ts';
import type { ComparePlanRef } from '../../shared/plan-compare.ts';
import type { CompareItem, PlanSnapshot } from './compare-plans.ts';

/** A plan's name as the comparison shows it. */
export function planRef(plan: PlanRow): ComparePlanRef {
  return { id: plan.id, title: plan.title, year: plan.year, status: plan.status };
}

/** A plan's items with their sections, leaders and departments, in notice order (four queries). */
export async function loadPlanSnapshot(db: Kysely<DB>, plan: PlanRow): Promise<PlanSnapshot> {
  const [sections, items, leaders, units] = await Promise.all([
    listSections(db, plan.id),
    listItems(db, plan.id),
    listItemLeaders(db, plan.id),
    listItemUnits(db, plan.id),
  ]);
  const sectionOf = new Map(sections.map((s) => [s.id, s]));
  const order = new Map(sections.map((s, index) => [s.id, index]));
  const sorted = [...items].sort(
    (x, y) => (order.get(x.section_id) ?? 0) - (order.get(y.section_id) ?? 0) || x.no - y.no || x.id - y.id,
  );
  return {
    plan: planRef(plan),
    items: sorted.map(
      (item): CompareItem => ({
        id: item.id,
        no: item.no,
        title: item.title,
        body: item.body,
        sectionNo: sectionOf.get(item.section_id)?.no ?? 0,
        sectionTitle: sectionOf.get(item.section_id)?.title ?? '',
        leaders: leaders.filter((l) => l.itemId === item.id).map((l) => l.name),
        departments: units
          .filter((u) => u.itemId === item.id)
          .map((u) => ({ name: u.name, isLead: u.isLead })),
      }),
    ),
  };
}
