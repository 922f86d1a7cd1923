import { randomInt } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.ts';

/** The scope of data every organization shares: the holiday calendar (calendar_days). */
export const SHARED_SCOPE = 0;
/** Shards per scope: concurrent writes of one organization renew different rows. */
export const VERSION_SHARDS = 8;

/**
 * Gives one shard of a scope a new data version inside the caller's transaction. The version is a
 * random number rather than a count, so a database restored from a backup (whose counts would
 * start again from an old value) can never bring back a version a server cached other data under.
 */
export async function bumpDataVersion(db: Kysely<DB>, scope: number): Promise<void> {
  const version = randomInt(1, 2 ** 31 - 1);
  const shard = randomInt(VERSION_SHARDS);
  await db
    .insertInto('data_versions')
    .values({ scope, shard, version })
    .onConflict((oc) => oc.columns(['scope', 'shard']).doUpdateSet({ version }))
    .execute();
}

/** What a plan read depends on: the plan's organization and its parent, and the data versions around it. */
export interface PlanVersions {
  organizationId: number;
  parentId: number | null;
  /**
   * Every version shard of the plan's organization, of its parent (whose supervisors may read
   * and write the plan, and whose readers' settings a read may use) and of the shared scope, as
   * one text that changes whenever any of them does.
   */
  versions: string;
}

/** One query: what a cached read of a plan is keyed by; undefined when the plan does not exist. */
export async function readPlanVersions(db: Kysely<DB>, planId: number): Promise<PlanVersions | undefined> {
  const rows = await db
    .selectFrom('plans')
    .innerJoin('organizations', 'organizations.id', 'plans.organization_id')
    // An IN list over the primary key's first column: an index lookup per scope, not a scan.
    .leftJoin('data_versions', (join) =>
      join.on(
        sql<boolean>`data_versions.scope in (plans.organization_id, organizations.parent_id, ${SHARED_SCOPE})`,
      ),
    )
    .select([
      'plans.organization_id as organizationId',
      'organizations.parent_id as parentId',
      'data_versions.scope',
      'data_versions.shard',
      'data_versions.version',
    ])
    .where('plans.id', '=', planId)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  const versions = rows
    .filter((r) => r.scope !== null)
    .map((r) => `${r.scope}.${r.shard}.${r.version}`)
    .sort()
    .join(',');
  return { organizationId: first.organizationId, parentId: first.parentId, versions };
}
