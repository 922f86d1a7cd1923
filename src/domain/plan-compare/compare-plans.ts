import type {
  CompareItemRef,
  ComparePlanRef,
  ItemMatchView,
  PlanComparison,
  ResponsibilityChange,
} from '../../shared/plan-compare.ts';
import { type MatchThresholds, matchItems } from './match-items.ts';
import { diffText } from './text-diff.ts';

/** An item with what the comparison reads: text, place and responsibility. */
export interface CompareItem extends CompareItemRef {
  body: string;
  leaders: string[];
  departments: Array<{ name: string; isLead: boolean }>;
}

/** A plan as the comparison reads it. */
export interface PlanSnapshot {
  plan: ComparePlanRef;
  items: CompareItem[];
}

/**
 * Compares next year's plan (after) with this year's (before): pairs of items with their text
 * differences and responsibility moves, items added and items dropped. Pure: no database.
 */
export function comparePlans(
  before: PlanSnapshot,
  after: PlanSnapshot,
  thresholds?: MatchThresholds,
): Omit<PlanComparison, 'linked'> {
  const matching = matchItems(before.items, after.items, thresholds);
  const matches: ItemMatchView[] = matching.pairs.map((pair) => {
    const x = before.items[pair.before]!;
    const y = after.items[pair.after]!;
    const unchanged = pair.status === 'unchanged';
    return {
      before: ref(x),
      after: ref(y),
      status: pair.status,
      relation: pair.relation,
      similarity: pair.similarity,
      titleDiff: unchanged ? [{ op: 'equal', text: y.title }] : diffText(x.title, y.title),
      bodyDiff: unchanged ? [{ op: 'equal', text: flat(y.body) }] : diffText(flat(x.body), flat(y.body)),
      responsibility: responsibilityChange(x, y),
    };
  });
  const count = (test: (m: ItemMatchView) => boolean) => matches.filter(test).length;
  const added = matching.added.map((j) => ref(after.items[j]!));
  const dropped = matching.dropped.map((i) => ref(before.items[i]!));
  return {
    plan: after.plan,
    base: before.plan,
    counts: {
      unchanged: count((m) => m.relation === 'same' && m.status === 'unchanged'),
      changed: count((m) => m.relation === 'same' && m.status === 'changed'),
      possible: count((m) => m.status === 'possible'),
      added: added.length,
      dropped: dropped.length,
      split: count((m) => m.relation === 'split'),
      merged: count((m) => m.relation === 'merged'),
      responsibility: count((m) => m.responsibility !== null),
    },
    matches,
    added,
    dropped,
  };
}

/** Leaders and departments added and removed, and a change of lead; null when nothing moved. */
export function responsibilityChange(
  x: Pick<CompareItem, 'leaders' | 'departments'>,
  y: Pick<CompareItem, 'leaders' | 'departments'>,
): ResponsibilityChange | null {
  const minus = (from: string[], other: string[]) => from.filter((name) => !other.includes(name));
  const depsX = x.departments.map((d) => d.name);
  const depsY = y.departments.map((d) => d.name);
  const leadBefore = x.departments.find((d) => d.isLead)?.name ?? null;
  const leadAfter = y.departments.find((d) => d.isLead)?.name ?? null;
  const change: ResponsibilityChange = {
    leadersAdded: minus(y.leaders, x.leaders),
    leadersRemoved: minus(x.leaders, y.leaders),
    departmentsAdded: minus(depsY, depsX),
    departmentsRemoved: minus(depsX, depsY),
    leadBefore,
    leadAfter,
    leadChanged: leadBefore !== leadAfter,
  };
  const moved =
    change.leadChanged ||
    change.leadersAdded.length + change.leadersRemoved.length > 0 ||
    change.departmentsAdded.length + change.departmentsRemoved.length > 0;
  return moved ? change : null;
}

function ref(item: CompareItem): CompareItemRef {
  return {
    id: item.id,
    no: item.no,
    title: item.title,
    sectionNo: item.sectionNo,
    sectionTitle: item.sectionTitle,
  };
}

// Line breaks inside an item are page breaks and hard wraps of the notice, not part of the text.
function flat(text: string): string {
  return text.replace(/\s*\n\s*/g, '');
}
