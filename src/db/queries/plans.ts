import type { Kysely, Selectable } from 'kysely';
import type { DB, NewPlan, PlanTable } from '../schema.ts';

/** A plan row. */
export type PlanRow = Selectable<PlanTable>;

/** A plan as listed: its row's summary fields plus item and task counts. */
export interface PlanListRow {
  id: number;
  organizationId: number;
  title: string;
  year: number;
  status: PlanTable['status'];
  docNumber: string | null;
  issuedOn: string | null;
  publishedOn: string | null;
  updatedAt: string;
  items: number;
  tasks: number;
}

// A bureau sees its own plans and those of the bureaus directly under it (DESIGN.md, Scale).
function visibleOrganizations(db: Kysely<DB>, organizationId: number) {
  return db
    .selectFrom('organizations')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', organizationId), eb('parent_id', '=', organizationId)]));
}

/** The plans an organization may read, newest year first, with item and task counts. */
export async function listPlans(db: Kysely<DB>, organizationId: number): Promise<PlanListRow[]> {
  const rows = await db
    .selectFrom('plans')
    .select((eb) => [
      'plans.id as id',
      'plans.organization_id as organizationId',
      'plans.title as title',
      'plans.year as year',
      'plans.status as status',
      'plans.doc_number as docNumber',
      'plans.issued_on as issuedOn',
      'plans.published_on as publishedOn',
      'plans.updated_at as updatedAt',
      eb
        .selectFrom('items')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('items.plan_id', '=', 'plans.id')
        .as('items'),
      eb
        .selectFrom('tasks')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('tasks.plan_id', '=', 'plans.id')
        .as('tasks'),
    ])
    .where('plans.organization_id', 'in', visibleOrganizations(db, organizationId))
    .orderBy('plans.year', 'desc')
    .orderBy('plans.id', 'desc')
    .execute();
  // PostgreSQL returns counts as strings.
  return rows.map((row) => ({ ...row, items: Number(row.items ?? 0), tasks: Number(row.tasks ?? 0) }));
}

/** One plan the organization may read. */
export async function findVisiblePlan(
  db: Kysely<DB>,
  organizationId: number,
  planId: number,
): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .where('organization_id', 'in', visibleOrganizations(db, organizationId))
    .executeTakeFirst();
}

/** One plan the organization owns (and so may change). */
export async function findOwnPlan(
  db: Kysely<DB>,
  organizationId: number,
  planId: number,
): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** The organization's draft plan with this title and year, the one a re-import updates. */
export async function findDraftPlan(
  db: Kysely<DB>,
  organizationId: number,
  title: string,
  year: number,
): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('title', '=', title)
    .where('year', '=', year)
    .where('status', '=', 'draft')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Inserts a plan and returns its id. */
export async function insertPlan(db: Kysely<DB>, values: NewPlan): Promise<number> {
  const row = await db.insertInto('plans').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The plan fields an import rewrites on a draft. */
export type DraftPlanFields = Pick<
  PlanTable,
  | 'notice_id'
  | 'issuer'
  | 'doc_number'
  | 'notice_title'
  | 'issued_on'
  | 'preamble'
  | 'warnings'
  | 'updated_at'
>;

/** Rewrites a draft's notice fields if it is still a draft at the expected version; returns rows updated. */
export async function updateDraftPlan(
  db: Kysely<DB>,
  planId: number,
  version: number,
  fields: DraftPlanFields,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('plans')
    .set({ ...fields, version: version + 1 })
    .where('id', '=', planId)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** Marks a draft published if it is still a draft at the expected version; returns rows updated. */
export async function markPlanPublished(
  db: Kysely<DB>,
  planId: number,
  version: number,
  publishedOn: string,
  updatedAt: string,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('plans')
    .set({ status: 'published', published_on: publishedOn, updated_at: updatedAt, version: version + 1 })
    .where('id', '=', planId)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** How many plans an organization has (for tests and the first-start check). */
export async function countPlans(db: Kysely<DB>, organizationId: number): Promise<number> {
  const row = await db
    .selectFrom('plans')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
