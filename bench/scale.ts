import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { type Database, type DialectName, openDatabase } from '../src/db/connect.ts';
import { insertUser } from '../src/db/queries/users.ts';
import type { DB } from '../src/db/schema.ts';
import { createApiToken } from '../src/domain/accounts/api-tokens.ts';
import { type Context, type Role, systemActor } from '../src/domain/context.ts';
import * as seedModule from '../src/seed/seed-scale.ts';
import { seedScale } from '../src/seed/seed-scale.ts';
import { BENCH_POSTGRES_URL } from './bench-database.ts';

/**
 * Seeded databases for the benchmarks, made by the generator of `duban seed` (src/seed/) and kept
 * between runs under bench/.data/ (gitignored; PostgreSQL: a schema bench_<dialect>_<scale>_<key>
 * in the benchmark database), named by the versions of this seeding and of the generator, so a
 * changed generator seeds afresh. The first bureau's latest plan (built from the Yunxi notice) is
 * the one measured at both scales, so the two figures show whether a plan's cost depends on how
 * many other plans exist. Benchmark accounts (API tokens, no passwords) are added after seeding.
 */
export const SEED_VERSION = 3;
export type Scale = 'bureau' | 'province';
/**
 * Years of plans per bureau at province scale (BENCH_PROVINCE_YEARS; default the generator's five).
 * Fewer years seed much faster; the figures of a plan's reads should not depend on it.
 */
const PROVINCE_YEARS = process.env.BENCH_PROVINCE_YEARS
  ? Number(process.env.BENCH_PROVINCE_YEARS)
  : undefined;
/** The server clock of the benchmarks: late in the plan's year, so every month can be reported on. */
export const BENCH_CLOCK = '2024-12-20T02:00:00Z';
const SEEDED_AT = '2024-02-23T02:00:00Z';
const DATA_DIR = join(import.meta.dirname, '.data');

/** What a benchmark needs from a seeded database: the plan measured and credentials for its users. */
export interface SeedInfo {
  version: number;
  scale: Scale;
  organizations: number;
  plans: number;
  tasks: number;
  reports: number;
  /** The first district's plan, measured at both scales. */
  planId: number;
  /** API tokens: the first district's supervisor, the provincial supervisor, and one per owner unit of the plan. */
  supervisorToken: string;
  provinceToken: string;
  unitTokens: Array<{ unitId: number; token: string; planId?: number }>;
  seedSeconds: number;
}

/** A seeded database: how to open it (also from a spawned server) and its seed facts. */
export interface ScaledDatabase {
  dialect: DialectName;
  scale: Scale;
  /** DATABASE_URL (and DATABASE_SCHEMA) for `duban serve`. */
  env: Record<string, string>;
  info: SeedInfo;
  /** Whether this run seeded it (false: reused from bench/.data/). */
  seeded: boolean;
  open: () => Promise<Database>;
  /** Writes `info` back (after benchmark accounts were added to the database). */
  save: () => void;
}

function nameOf(dialect: DialectName, scale: Scale): string {
  const years = scale === 'province' && PROVINCE_YEARS !== undefined ? `-${PROVINCE_YEARS}y` : '';
  return `${dialect}-${scale}${years}-${generatorKey()}`;
}

/**
 * What a seeded copy was made by: SEED_VERSION (bump it when this file's seeding changes) and the
 * generator's own version when src/seed exports one (SEED_GENERATOR_VERSION).
 */
function generatorKey(): string {
  const generator = (seedModule as Record<string, unknown>).SEED_GENERATOR_VERSION;
  return generator === undefined ? `v${SEED_VERSION}` : `v${SEED_VERSION}_g${String(generator)}`;
}

/** Opens (seeding once) the database of a scale on a dialect. */
export async function scaledDatabase(dialect: DialectName, scale: Scale): Promise<ScaledDatabase> {
  mkdirSync(DATA_DIR, { recursive: true });
  const name = nameOf(dialect, scale);
  const infoPath = join(DATA_DIR, `${name}.json`);
  const env: Record<string, string> =
    dialect === 'sqlite'
      ? { DATABASE_URL: `sqlite:${join(DATA_DIR, `${name}.db`)}` }
      : { DATABASE_URL: BENCH_POSTGRES_URL, DATABASE_SCHEMA: `bench_${name.replace(/-/g, '_')}` };
  const open = () => openDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
  const stored = existsSync(infoPath) ? (JSON.parse(readFileSync(infoPath, 'utf8')) as SeedInfo) : undefined;
  if (stored?.version === SEED_VERSION && (await stillThere(dialect, env, stored))) {
    const save = () => writeFileSync(infoPath, `${JSON.stringify(stored, null, 2)}\n`);
    return { dialect, scale, env, info: stored, seeded: false, open, save };
  }
  await wipe(dialect, env);
  const database = await open();
  try {
    process.stderr.write(`  seeding ${name} (once; kept in bench/.data/) …\n`);
    const info = await seed(database, scale);
    writeFileSync(infoPath, `${JSON.stringify(info, null, 2)}\n`);
    const save = () => writeFileSync(infoPath, `${JSON.stringify(info, null, 2)}\n`);
    return { dialect, scale, env, info, seeded: true, open, save };
  } finally {
    await database.close();
  }
}

async function stillThere(
  dialect: DialectName,
  env: Record<string, string>,
  info: SeedInfo,
): Promise<boolean> {
  if (dialect === 'sqlite' && !existsSync(env.DATABASE_URL!.slice('sqlite:'.length))) return false;
  try {
    const database = await openDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
    try {
      const plan = await database.db
        .selectFrom('plans')
        .select('id')
        .where('id', '=', info.planId)
        .executeTakeFirst();
      return plan !== undefined;
    } finally {
      await database.close();
    }
  } catch {
    return false;
  }
}

async function wipe(dialect: DialectName, env: Record<string, string>): Promise<void> {
  if (dialect === 'sqlite') {
    const path = env.DATABASE_URL!.slice('sqlite:'.length);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    return;
  }
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${env.DATABASE_SCHEMA} cascade`);
  } finally {
    await client.end();
  }
}

async function seed(database: Database, scale: Scale): Promise<SeedInfo> {
  const start = process.hrtime.bigint();
  const { db } = database;
  let lastShown = 0;
  await seedScale(database, {
    scale,
    ...(scale === 'province' && PROVINCE_YEARS !== undefined ? { years: PROVINCE_YEARS } : {}),
    onProgress: (p) => {
      if (p.done === p.total || p.done - lastShown >= Math.max(1, Math.floor(p.total / 10))) {
        lastShown = p.done;
        process.stderr.write(`    ${p.done}/${p.total} plan-years, ${p.rows} work rows\n`);
      }
    },
  });
  // The measured plan: the first bureau's (built from the Yunxi notice) latest year.
  const first = await db
    .selectFrom('plans')
    .select('organization_id')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const plan = await db
    .selectFrom('plans')
    .select('id')
    .where('organization_id', '=', first.organization_id)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const top = await db
    .selectFrom('organizations')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const tokenFor = (organizationId: number, username: string, roles: Role[], unitId: number | null) =>
    benchToken(database, organizationId, username, roles, unitId);
  const supervisorToken = await tokenFor(first.organization_id, 'bench-supervisor', ['supervisor'], null);
  const provinceToken = await tokenFor(top.id, 'bench-province', ['supervisor'], null);
  const owners = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .select('task_units.unit_id')
    .distinct()
    .where('tasks.plan_id', '=', plan.id)
    .orderBy('task_units.unit_id')
    .execute();
  const unitTokens: SeedInfo['unitTokens'] = [];
  for (const { unit_id } of owners) {
    unitTokens.push({
      unitId: unit_id,
      token: await tokenFor(first.organization_id, `bench-unit-${unit_id}`, ['department'], unit_id),
    });
  }
  const count = async (table: 'organizations' | 'plans' | 'tasks' | 'reports') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  await sql`analyze`.execute(db);
  return {
    version: SEED_VERSION,
    scale,
    organizations: await count('organizations'),
    plans: await count('plans'),
    tasks: await count('tasks'),
    reports: await count('reports'),
    planId: plan.id,
    supervisorToken,
    provinceToken,
    unitTokens,
    seedSeconds: Number(process.hrtime.bigint() - start) / 1e9,
  };
}

/** A benchmark account (no password: hashing would measure argon2) and an API token for it. */
export async function benchToken(
  database: Database,
  organizationId: number,
  username: string,
  roles: Role[],
  unitId: number | null,
): Promise<string> {
  const userId = await insertUser(database.db, {
    organizationId,
    username,
    displayName: username,
    passwordHash: null,
    unitId,
    leaderId: null,
    roles,
    createdAt: SEEDED_AT,
  });
  const ctx: Context = { ...database, actor: systemActor(organizationId), now: () => new Date(SEEDED_AT) };
  return (await createApiToken(ctx, userId, '基准测试')).token;
}

/** Removes the reports the benchmark's unit accounts filed, so each run starts from the seeded data. */
export async function removeBenchReports(db: Kysely<DB>): Promise<void> {
  await db
    .deleteFrom('reports')
    .where(
      'submitted_by',
      'in',
      db.selectFrom('users').select('id').where('username', 'like', 'bench-unit-%'),
    )
    .execute();
}
