import type { Database } from '../db/connect.ts';
import { addSeedAliases, addSeedLeaders, addSeedUnits, type SeedUnit } from './directory.ts';
import { DEPARTMENT_NAMES, DEPARTMENT_VARIANTS, personName, schoolNames } from './names.ts';
import type { PlanTemplate } from './plan-template.ts';
import type { SeededRandom } from './random.ts';

/** A bureau's directory as the template's names find it: template name → the bureau's id. */
export interface BureauDirectory {
  unitIds: Map<string, number>;
  leaderIds: Map<string, number>;
}

const LEADER_TITLES = [
  '党组书记、局长',
  '党组副书记、副局长',
  '党组成员、副局长',
  '党组成员、副局长',
  '党组成员、纪检组长',
  '总督学',
  '副局长',
];

/**
 * Creates a bureau's departments (the template's, some under the other name bureaus use, completed
 * from the usual list), its schools and its leaders (new names for the template's), set-based.
 */
export async function createBureauDirectory(
  database: Database,
  organizationId: number,
  template: PlanTemplate,
  options: { departments: number; schools: number; random: SeededRandom; at: string },
): Promise<BureauDirectory> {
  const { random, at } = options;
  const ownNames = new Map<string, string>();
  for (const unit of template.itemUnits) {
    if (ownNames.has(unit.name)) continue;
    const variant = DEPARTMENT_VARIANTS[unit.name];
    ownNames.set(unit.name, variant && random.chance(0.35) ? variant : unit.name);
  }
  const taken = new Set(ownNames.values());
  const extra = DEPARTMENT_NAMES.filter((n) => !taken.has(n) && !ownNames.has(n)).slice(
    0,
    Math.max(0, options.departments - taken.size),
  );
  const units: SeedUnit[] = [
    ...[...taken, ...extra].map((name) => ({ name, kind: 'department' as const, schoolKind: null })),
    ...schoolNames(random, options.schools).map((s) => ({
      name: s.name,
      kind: 'school' as const,
      schoolKind: s.kind,
    })),
  ];
  const leaderNames = [...new Set(template.itemLeaders.map((l) => l.name))];
  return database.db.transaction().execute(async (trx) => {
    const byName = await addSeedUnits(database, organizationId, units, at, trx);
    const people = new Set<string>();
    while (people.size < leaderNames.length) people.add(personName(random));
    const leaders = [...people].map((name, index) => ({
      name,
      title: LEADER_TITLES[index % LEADER_TITLES.length] ?? null,
    }));
    const leaderIds = await addSeedLeaders(database, organizationId, leaders, at, trx);
    const unitIds = new Map<string, number>();
    for (const [templateName, own] of ownNames) {
      const id = byName.get(own);
      if (id !== undefined) unitIds.set(templateName, id);
    }
    // A bureau that says 财务股 still recognises 计财股 in a notice: the template's name is an alias.
    const aliases = [...ownNames]
      .filter(([templateName, own]) => templateName !== own)
      .flatMap(([templateName]) => {
        const unitId = unitIds.get(templateName);
        return unitId === undefined ? [] : [{ unitId, alias: templateName }];
      });
    await addSeedAliases(database, organizationId, aliases, at, trx);
    const templateLeaders = new Map<string, number>();
    leaderNames.forEach((name, index) => {
      const id = leaderIds.get(leaders[index]?.name ?? '');
      if (id !== undefined) templateLeaders.set(name, id);
    });
    return { unitIds, leaderIds: templateLeaders };
  });
}

/** The directory of a bureau whose names are the template's own (the bureau the notice was imported into). */
export async function existingDirectory(
  database: Database,
  organizationId: number,
): Promise<BureauDirectory> {
  const [units, leaders] = await Promise.all([
    database.db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('organization_id', '=', organizationId)
      .execute(),
    database.db
      .selectFrom('leaders')
      .select(['id', 'name'])
      .where('organization_id', '=', organizationId)
      .execute(),
  ]);
  return {
    unitIds: new Map(units.map((u) => [u.name, u.id])),
    leaderIds: new Map(leaders.map((l) => [l.name, l.id])),
  };
}
