import { readFileSync } from 'node:fs';
import type { Database } from '../db/connect.ts';
import { type Context, systemActor } from '../domain/context.ts';
import { importNotice } from '../domain/import-notice.ts';
import { publishPlan } from '../domain/publish-plan.ts';
import { addSeedUnits, type SeedUnit } from './directory.ts';
import { DEPARTMENT_NAMES, schoolNames } from './names.ts';
import type { SeededRandom } from './random.ts';

/** The Yunxi 2024 notice: the structure every generated plan is built from. */
export const yunxiNoticeText = readFileSync(
  new URL('../../test/fixtures/notices/yunxi-2024-jiaoti-gongzuo-yaodian.txt', import.meta.url),
  'utf8',
);

/** The notice's own year; generated plans of other years replace it (same length, so offsets hold). */
export const YUNXI_YEAR = 2024;

/** The Yunxi notice rewritten for another year. */
export function noticeTextFor(year: number): string {
  return yunxiNoticeText.replaceAll(String(YUNXI_YEAR), String(year));
}

/** The moment a generated plan is imported and published: 23 February of its year, 10:00 Shanghai. */
export function publishMoment(year: number): string {
  return `${year}-02-23T02:00:00.000Z`;
}

/** What a bureau built from the notice itself looks like. */
export interface ImportedBureau {
  planId: number;
  /** The draft's units and leaders, as imported (before publishing). */
  context: Context;
}

/**
 * Builds a bureau the way a real one starts: the notice imported through the use case (units and
 * leaders created from its names), the directory completed to `departments` departments and
 * `schools` schools, then the plan published (school copies fan out to the schools). The notice is
 * the Yunxi one of that year unless `text` is given.
 */
export async function importYunxiBureau(
  database: Database,
  options: {
    organizationId: number;
    year: number;
    departments: number;
    schools: number;
    random: SeededRandom;
    text?: string;
  },
): Promise<{ planId: number }> {
  const at = publishMoment(options.year);
  const context: Context = {
    db: database.db,
    dialect: database.dialect,
    actor: systemActor(options.organizationId),
    now: () => new Date(at),
  };
  const { planId } = await importNotice(
    context,
    { text: options.text ?? noticeTextFor(options.year), fileName: `${options.year}年教育体育工作要点.txt` },
    { createUnits: true },
  );
  await addSeedUnits(database, options.organizationId, await directoryCompletion(database, options), at);
  await publishPlan(context, { planId });
  return { planId };
}

/** The departments and schools a bureau still lacks after its import. */
async function directoryCompletion(
  database: Database,
  options: { organizationId: number; departments: number; schools: number; random: SeededRandom },
): Promise<SeedUnit[]> {
  const existing = await database.db
    .selectFrom('units')
    .select(['name', 'kind'])
    .where('organization_id', '=', options.organizationId)
    .execute();
  const names = new Set(existing.map((u) => u.name));
  const departments = existing.filter((u) => u.kind === 'department').length;
  const missing: SeedUnit[] = DEPARTMENT_NAMES.filter((name) => !names.has(name))
    .slice(0, Math.max(0, options.departments - departments))
    .map((name) => ({ name, kind: 'department', schoolKind: null }));
  const schools = schoolNames(options.random, options.schools).filter((s) => !names.has(s.name));
  return [...missing, ...schools.map((s) => ({ name: s.name, kind: 'school' as const, schoolKind: s.kind }))];
}
