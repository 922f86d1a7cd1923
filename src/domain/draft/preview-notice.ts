import { listLeaders } from '../../db/queries/leaders.ts';
import { listUnits } from '../../db/queries/units.ts';
import { parseNoticeText } from '../../notice/parse-notice.ts';
import type { ParsedNotice } from '../../notice/types.ts';
import type { DepartmentName, LeaderName, ParsePreview } from '../../shared/import.ts';
import { can } from '../accounts/permissions.ts';
import { type Context, shanghaiToday } from '../context.ts';
import {
  closeness,
  loadUnitDirectory,
  resolveName,
  similarNamePairs,
  type UnitDirectory,
} from '../directory/resolve-names.ts';
import { simplified } from '../directory/simplified.ts';
import { pastYearWarning, planYearOf } from '../import/plan-year.ts';
import { locateSpans } from './locate-spans.ts';
import { rejoinNames } from './rejoin-names.ts';

const MAX_SUGGESTIONS = 5;

/**
 * Parses a notice without saving anything and says, for the import wizard, what importing it
 * would meet: each department name known, an alias or unknown (with close units to map it to),
 * unknown names that look like one unit written two ways, each leader name existing or to be
 * created (names the parser could only guess settled by the directory of leaders, see
 * rejoinNames), where every finding sits in the text, and — first among the warnings — a plan year
 * already past (today on the server’s clock, Asia/Shanghai). `read` is the sandbox’s parse of
 * `text` when the caller has it (uploads); otherwise the text is parsed here.
 */
export async function previewNotice(
  ctx: Context,
  text: string,
  read: ParsedNotice = parseNoticeText(text),
): Promise<ParsePreview> {
  const organizationId = ctx.actor.organizationId;
  const [directory, leaders, units] = await Promise.all([
    loadUnitDirectory(ctx.db, organizationId),
    listLeaders(ctx.db, organizationId),
    can(ctx.actor, 'plans.import') ? listUnits(ctx.db, organizationId) : Promise.resolve([]),
  ]);
  const known = new Set(leaders.map((l) => l.name));
  // Names the parser had to guess (周 岚许 诺) are settled where the directory knows them.
  const parsed = rejoinNames(text, read, known);
  const names = namesOf(parsed);
  const departments = names.departments.map((name) => departmentName(name, directory));
  const unknown = departments.filter((d) => d.status === 'unknown').map((d) => d.name);
  return {
    ...parsed,
    warnings: [...pastYearWarning(planYearOf(parsed), shanghaiToday(ctx)), ...parsed.warnings],
    text,
    names: {
      departments,
      leaders: names.leaders.map(
        (name): LeaderName => ({ name, exists: known.has(name) || known.has(simplified(name)) }),
      ),
    },
    spans: locateSpans(text, parsed),
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    similarNames: similarNamePairs(unknown, unknown),
  };
}

function departmentName(name: string, directory: UnitDirectory): DepartmentName {
  const resolved = resolveName(name, directory);
  if (resolved.unitId !== null) {
    const unit = directory.units.find((u) => u.id === resolved.unitId);
    const ref = { id: resolved.unitId, name: unit?.name ?? name };
    return resolved.via === 'alias'
      ? { name, status: 'alias', unit: ref }
      : { name, status: 'known', unit: ref };
  }
  // The best suggestion (with its reason) first, then other close units, closest first.
  const ranked = directory.units
    .map((u) => ({ id: u.id, name: u.name, rank: closeness(name, u.name) }))
    .filter((u): u is { id: number; name: string; rank: number } => u.rank !== null)
    .sort(
      (a, b) =>
        a.rank - b.rank || Math.abs(a.name.length - name.length) - Math.abs(b.name.length - name.length),
    );
  const suggestions: Array<{ id: number; name: string; why?: string }> = [];
  const best = resolved.suggestion;
  if (best) suggestions.push({ id: best.unitId, name: best.name, why: best.why });
  for (const u of ranked) {
    if (suggestions.length >= MAX_SUGGESTIONS) break;
    if (!suggestions.some((s) => s.id === u.id)) suggestions.push({ id: u.id, name: u.name });
  }
  return { name, status: 'unknown', suggestions };
}

// Names in order of first appearance, lead departments included (as the import reads them).
function namesOf(parsed: ParsedNotice): { departments: string[]; leaders: string[] } {
  const departments = new Set<string>();
  const leaders = new Set<string>();
  for (const section of parsed.sections) {
    for (const item of section.items) {
      for (const name of [...item.departments, ...item.leadDepartments]) departments.add(name);
      for (const name of item.leaders) leaders.add(name);
    }
  }
  return { departments: [...departments], leaders: [...leaders] };
}
