import type { ItemNode, Light, PlanTree, SectionNode, TaskNode } from '@shared/plan-tree.ts';

/** Which items the board lists: those concerning the user (与我有关) or all of the plan. */
export type BoardScope = 'mine' | 'all';

/** The board's filters, as they stand in the address (?scope=&light=&department=&leader=&section=&q=). */
export interface BoardFilters {
  /** Absent: the user's default (see defaultScope). */
  scope?: BoardScope;
  light?: Light;
  /** A unit id named by the item. */
  department?: number;
  /** A leader's name. */
  leader?: string;
  section?: number;
  /** Text searched in item titles and bodies. */
  q?: string;
}

const lightNames: readonly Light[] = ['red', 'yellow', 'green', 'grey', 'done'];
const scopes: readonly BoardScope[] = ['mine', 'all'];

/** What "与我有关" means for a user: the unit whose tasks they do, and the leader they are (by name). */
export interface Mine {
  unitId: number | null;
  leader: string | null;
}

/** Whether a user has anything of their own on a board. */
export function hasMine(mine: Mine): boolean {
  return mine.unitId !== null || mine.leader !== null;
}

/**
 * Where the board opens: on the user's own items for those who see only part of the plan (leaders,
 * departments, schools), on the whole plan for those who read all of it or have nothing of their own,
 * and for a draft, which has no tasks yet.
 */
export function defaultScope(mine: Mine, readsAll: boolean, draft: boolean): BoardScope {
  return !readsAll && !draft && hasMine(mine) ? 'mine' : 'all';
}

/** Whether an item concerns the user: it names them as leader, or their unit leads or co-owns one of its tasks. */
export function itemIsMine(item: ItemNode, mine: Mine): boolean {
  if (mine.leader !== null && item.leaders.includes(mine.leader)) return true;
  const unitId = mine.unitId;
  return unitId !== null && item.tasks.some((task) => ownedBy(task, unitId));
}

function ownedBy(task: TaskNode, unitId: number): boolean {
  return (
    task.lead?.id === unitId ||
    task.coOwners.some((unit) => unit.id === unitId) ||
    task.schools.some((school) => ownedBy(school, unitId))
  );
}

/** Reads the filters from the address's query; anything malformed is ignored. */
export function filtersFromSearch(params: URLSearchParams): BoardFilters {
  const filters: BoardFilters = {};
  const scope = params.get('scope');
  if (scope && (scopes as readonly string[]).includes(scope)) filters.scope = scope as BoardScope;
  const light = params.get('light');
  if (light && (lightNames as readonly string[]).includes(light)) filters.light = light as Light;
  const department = Number(params.get('department'));
  if (Number.isInteger(department) && department > 0) filters.department = department;
  const leader = params.get('leader')?.trim();
  if (leader) filters.leader = leader;
  const section = Number(params.get('section'));
  if (Number.isInteger(section) && section > 0) filters.section = section;
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  return filters;
}

/** The filters as an address query (empty ones left out), so links and back/forward keep them. */
export function filtersToSearch(filters: BoardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.scope) params.set('scope', filters.scope);
  if (filters.light) params.set('light', filters.light);
  if (filters.department) params.set('department', String(filters.department));
  if (filters.leader) params.set('leader', filters.leader);
  if (filters.section) params.set('section', String(filters.section));
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  return params;
}

/** Whether any filter is set (the scope is a view, not a filter to clear). */
export function hasFilters(filters: BoardFilters): boolean {
  return filtersToSearch({ ...filters, scope: undefined }).toString() !== '';
}

/** An item's light; null when the user sees none of its tasks (or on a draft), so it counts under no light. */
export function itemLight(item: ItemNode): Light | null {
  return item.light?.light ?? null;
}

/** Whether an item passes every filter but the section (which picks whole sections). */
export function itemMatches(item: ItemNode, filters: BoardFilters, mine?: Mine): boolean {
  if (filters.scope === 'mine' && mine && !itemIsMine(item, mine)) return false;
  if (filters.light && itemLight(item) !== filters.light) return false;
  if (filters.department && !item.departments.some((d) => d.id === filters.department)) return false;
  if (filters.leader && !item.leaders.includes(filters.leader)) return false;
  if (filters.q) {
    const q = normalise(filters.q);
    if (!normalise(item.title).includes(q) && !normalise(item.body).includes(q)) return false;
  }
  return true;
}

/**
 * The sections and items the board shows for the filters: sections in order, each with its
 * matching items; a section left without items is dropped. Search is a plain substring match
 * (Chinese has no word boundaries), ignoring case and full-/half-width differences.
 */
export function filterBoard(
  tree: Pick<PlanTree, 'sections'>,
  filters: BoardFilters,
  mine?: Mine,
): SectionNode[] {
  return tree.sections
    .filter((section) => !filters.section || section.id === filters.section)
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => itemMatches(item, filters, mine)),
    }))
    .filter((section) => section.items.length > 0);
}

/** The leaders and departments named anywhere in the plan, in first-seen order (the filters' choices). */
export function boardChoices(tree: Pick<PlanTree, 'sections'>) {
  const leaders = new Set<string>();
  const departments = new Map<number, string>();
  for (const section of tree.sections) {
    for (const item of section.items) {
      for (const leader of item.leaders) leaders.add(leader);
      for (const d of item.departments) departments.set(d.id, d.name);
    }
  }
  return {
    leaders: [...leaders],
    departments: [...departments].map(([id, name]) => ({ id, name })),
  };
}

/** Counts of items by light over the items that pass the other filters (the clickable counts). */
export function lightCounts(
  tree: Pick<PlanTree, 'sections'>,
  filters: BoardFilters,
  mine?: Mine,
): Record<Light, number> {
  const counts: Record<Light, number> = { red: 0, yellow: 0, green: 0, grey: 0, done: 0 };
  const rest = { ...filters, light: undefined };
  for (const section of filterBoard(tree, rest, mine)) {
    for (const item of section.items) {
      const light = itemLight(item);
      if (light) counts[light] += 1;
    }
  }
  return counts;
}

/** Splits text into parts that do and do not match the search, for highlighting. */
export function splitMatches(text: string, q: string | undefined): Array<{ text: string; match: boolean }> {
  const needle = q ? normalise(q) : '';
  if (!needle) return [{ text, match: false }];
  const hay = normalise(text);
  const parts: Array<{ text: string; match: boolean }> = [];
  let from = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

// Same length as the input, unit for unit (so offsets found in it hold in the original):
// full-width ASCII to half-width, the ideographic space to a space, A–Z to lower case.
function normalise(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    else if (code === 0x3000) code = 0x20;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    out += String.fromCharCode(code);
  }
  return out;
}
