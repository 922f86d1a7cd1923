import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { type Context, systemActor } from '../domain/context.ts';
import { publishPlan } from '../domain/publish-plan.ts';
import { type BureauDirectory, createBureauDirectory, existingDirectory } from './bureau-directory.ts';
import { createSeedOrganization } from './directory.ts';
import { placeName } from './names.ts';
import { copyPlanDraft, loadPlanTemplate, type PlanTemplate } from './plan-template.ts';
import { generatePlanYear } from './plan-year.ts';
import { SeededRandom } from './random.ts';
import { ensureSeedAccounts, ensureSeedAdmin } from './seed-accounts.ts';
import { importYunxiBureau, publishMoment, YUNXI_YEAR } from './yunxi-template.ts';

/** Changes whenever the same options would generate different data (benchmarks key their copies by it). */
export const SEED_GENERATOR_VERSION = 2;

/** How much to generate. */
export type SeedScale = 'bureau' | 'city' | 'province';

/** The shape of each scale: bureaus (grouped under cities), schools in all, departments per bureau, years. */
export const SEED_SCALES: Readonly<
  Record<
    SeedScale,
    { cities: number; bureausPerCity: number; schools: number; departments: number; years: number }
  >
> = {
  bureau: { cities: 0, bureausPerCity: 1, schools: 60, departments: 30, years: 1 },
  city: { cities: 1, bureausPerCity: 12, schools: 720, departments: 30, years: 1 },
  // 140 bureaus and 3,000 schools: 21 or 22 schools a bureau.
  province: { cities: 14, bureausPerCity: 10, schools: 3_000, departments: 30, years: 5 },
};

/** What to generate. */
export interface SeedOptions {
  scale: SeedScale;
  seed?: number;
  /** Years of plans per bureau, ending with `lastYear` (default: the scale's). */
  years?: number;
  /** The last plan year (default 2024, the Yunxi notice's). */
  lastYear?: number;
  /** The last simulated day of the last year (default its 31 December), e.g. a demo's today. */
  through?: string;
  onProgress?: (progress: SeedProgress) => void;
}

/** Where a run stands: plan-years done of all, and work rows (reports, occurrences, reviews) written. */
export interface SeedProgress {
  done: number;
  total: number;
  rows: number;
  label: string;
}

/** What a run made, for the summary. */
export interface SeedResult {
  organizations: number;
  plans: number;
  reports: number;
  occurrences: number;
  reviews: number;
  /** Accounts to log in with (all with the seed password). */
  logins: Array<{ username: string; who: string }>;
}

/** Whether a database already holds an organization (then `duban seed` wants --force). */
export async function countOrganizations(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Fills a database with generated bureaus: the first built by importing the Yunxi notice, the
 * others copied from its structure with their own names, units, schools and leaders, each plan
 * published through the use case and filled with a year of work by generatePlanYear.
 */
export async function seedScale(database: Database, options: SeedOptions): Promise<SeedResult> {
  const shape = SEED_SCALES[options.scale];
  const years = options.years ?? shape.years;
  const lastYear = options.through ? Number(options.through.slice(0, 4)) : (options.lastYear ?? YUNXI_YEAR);
  const firstYear = lastYear - years + 1;
  const random = new SeededRandom(options.seed ?? 20240101);
  const bureaus = Math.max(1, shape.cities) * shape.bureausPerCity;
  const total = bureaus * years;
  const result: SeedResult = {
    organizations: 0,
    plans: 0,
    reports: 0,
    occurrences: 0,
    reviews: 0,
    logins: [],
  };
  const at = `${firstYear}-01-05T01:00:00.000Z`;
  await tuneForBulk(database, true);
  try {
    const tops = await createTops(database, options.scale, shape.cities, at, random.fork('tops'), result);
    let done = 0;
    let template: PlanTemplate | undefined;
    const districts = new Set<string>(['云溪区']);
    // The scale's schools shared out among its bureaus as evenly as whole schools allow.
    const schoolsOf = (index: number) =>
      Math.floor((shape.schools * (index + 1)) / bureaus) - Math.floor((shape.schools * index) / bureaus);
    for (let index = 0; index < bureaus; index++) {
      const r = random.fork(`bureau${index}`);
      const city = tops.cities[Math.floor(index / shape.bureausPerCity)] ?? {
        id: null,
        name: '岳阳市',
        abbr: '岳',
      };
      const first = index === 0;
      let district = '云溪区';
      while (!first && districts.has(district)) district = `${placeName(r)}${r.chance(0.6) ? '县' : '区'}`;
      districts.add(district);
      const name = first ? '岳阳市云溪区教育体育局' : `${city.name}${district}教育体育局`;
      const organizationId = await createSeedOrganization(database, name, city.id, at);
      result.organizations++;
      const schools = schoolsOf(index);
      let directory: BureauDirectory | undefined;
      for (let year = firstYear; year <= lastYear; year++) {
        let planId: number;
        if (!template) {
          ({ planId } = await importYunxiBureau(database, {
            organizationId,
            year,
            departments: shape.departments,
            schools,
            random: r,
          }));
        } else {
          // The first bureau keeps the notice's own names; the others get theirs once.
          directory ??= first
            ? await existingDirectory(database, organizationId)
            : await createBureauDirectory(database, organizationId, template, {
                departments: shape.departments,
                schools,
                random: r,
                at,
              });
          planId = await copyPlanDraft(database, template, {
            organizationId,
            year,
            district,
            issuer: name,
            docNumber: `${city.abbr}${district.slice(0, 1)}教体〔${year}〕${r.int(1, 12)}号`,
            issuedOn: `${year}-02-${String(r.int(18, 22))}`,
            unitIds: directory.unitIds,
            leaderIds: directory.leaderIds,
            at: publishMoment(year),
          });
          await publishPlan(bureauContext(database, organizationId, publishMoment(year)), { planId });
        }
        const counts = await generatePlanYear(database, {
          planId,
          through: year === lastYear && options.through ? options.through : `${year}-12-31`,
          seed: Math.floor(r.fork(year).next() * 2 ** 31),
        });
        if (!template) template = await loadPlanTemplate(database, planId);
        result.plans++;
        result.reports += counts.reports;
        result.occurrences += counts.occurrences;
        result.reviews += counts.reviews;
        done++;
        options.onProgress?.({
          done,
          total,
          rows: result.reports + result.occurrences + result.reviews,
          label: `${name} ${year}年`,
        });
      }
      if (index < 3)
        result.logins.push({ username: `duban-${organizationId}`, who: `${name} 督办（办公室）` });
    }
    // A lone bureau gets its administrator last, so that its own supervisor account exists first.
    const firstBureau = await firstBureauId(database);
    if (
      tops.cities.length === 0 &&
      firstBureau !== undefined &&
      (await ensureSeedAdmin(database, firstBureau, at))
    ) {
      result.logins.unshift({ username: 'admin', who: '系统管理员（兼督办）' });
    }
    await firstBureauLogins(database, result);
    await sql`analyze`.execute(database.db);
  } finally {
    await tuneForBulk(database, false);
  }
  return result;
}

function bureauContext(database: Database, organizationId: number, at: string): Context {
  return {
    db: database.db,
    dialect: database.dialect,
    actor: systemActor(organizationId),
    now: () => new Date(at),
  };
}

interface Tops {
  cities: Array<{ id: number | null; name: string; abbr: string }>;
}

// The province and city bureaus above the districts, each with a supervisor who reads its children.
async function createTops(
  database: Database,
  scale: SeedScale,
  cities: number,
  at: string,
  random: SeededRandom,
  result: SeedResult,
): Promise<Tops> {
  const tops: Tops = { cities: [] };
  const supervise = async (organizationId: number, name: string) => {
    await ensureSeedAccounts(database, organizationId, [], [], at, random);
    result.logins.push({ username: `duban-${organizationId}`, who: `${name} 督办` });
  };
  let parent: number | null = null;
  let adminOrg: number | null = null;
  if (scale === 'province') {
    parent = await createSeedOrganization(database, '湖南省教育厅', null, at);
    adminOrg = parent;
    result.organizations++;
    await supervise(parent, '湖南省教育厅');
  }
  const used = new Set<string>();
  for (let index = 0; index < cities; index++) {
    let place = index === 0 ? '岳阳' : placeName(random);
    while (used.has(place)) place = placeName(random);
    used.add(place);
    const name = `${place}市`;
    const id = await createSeedOrganization(database, `${name}教育体育局`, parent, at);
    adminOrg ??= id;
    result.organizations++;
    if (index < 2) await supervise(id, `${name}教育体育局`);
    else await ensureSeedAccounts(database, id, [], [], at, random);
    tops.cities.push({ id, name, abbr: place.slice(0, 1) });
  }
  if (adminOrg !== null && (await ensureSeedAdmin(database, adminOrg, at))) {
    result.logins.unshift({ username: 'admin', who: '系统管理员（最上级单位）' });
  }
  return tops;
}

async function firstBureauId(database: Database): Promise<number | undefined> {
  const first = await database.db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', '岳阳市云溪区教育体育局')
    .orderBy('id')
    .executeTakeFirst();
  return first?.id;
}

// A department, a school and a leader of the first bureau, so every role can be tried.
async function firstBureauLogins(database: Database, result: SeedResult): Promise<void> {
  const firstId = await firstBureauId(database);
  if (firstId === undefined) return;
  const first = { id: firstId };
  const users = await database.db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.username', 'users.display_name', 'user_roles.role'])
    .where('users.organization_id', '=', first.id)
    .orderBy('users.id')
    .execute();
  for (const role of ['department', 'school', 'leader'] as const) {
    const user = users.find((u) => u.role === role);
    if (user)
      result.logins.push({
        username: user.username,
        who: `${user.display_name}（${{ department: '股室', school: '学校', leader: '局领导' }[role]}）`,
      });
  }
}

// SQLite: no fsync per transaction and a large page cache while generating; back to the normal
// settings afterwards (connect.ts's synchronous = NORMAL under WAL).
async function tuneForBulk(database: Database, on: boolean): Promise<void> {
  if (database.dialect !== 'sqlite') return;
  if (on) {
    await sql`pragma synchronous = OFF`.execute(database.db);
    await sql`pragma cache_size = -262144`.execute(database.db);
    await sql`pragma temp_store = MEMORY`.execute(database.db);
  } else {
    await sql`pragma synchronous = NORMAL`.execute(database.db);
    await sql`pragma cache_size = -2000`.execute(database.db);
  }
}
