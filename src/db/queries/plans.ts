import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import { planReach } from '../../policies/roles.ts';
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

// The organizations whose plans the actor reads, as src/policies/plans.ts says (planReach): none for
// the three administrators; their own; or also the bureaus directly under it (DESIGN.md, Scale).
function visibleOrganizations(db: Kysely<DB>, actor: Actor) {
  const reach = planReach(actor);
  const organizationId = reach === 'none' ? -1 : actor.organizationId;
  return db
    .selectFrom('organizations')
    .select('id')
    .where((eb) =>
      reach === 'children'
        ? eb.or([eb('id', '=', organizationId), eb('parent_id', '=', organizationId)])
        : eb('id', '=', organizationId),
    );
}

/** The plans the actor may read, newest year first, with item and task counts. */
export async function listPlans(db: Kysely<DB>, actor: Actor): Promise<PlanListRow[]> {
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
    .where('plans.organization_id', 'in', visibleOrganizations(db, actor))
    .orderBy('plans.year', 'desc')
    .orderBy('plans.id', 'desc')
    .execute();
  // PostgreSQL returns counts as strings.
  return rows.map((row) => ({ ...row, items: Number(row.items ?? 0), tasks: Number(row.tasks ?? 0) }));
}

/** One plan the actor may read (src/policies/plans.ts planReach), or undefined. */
export async function findVisiblePlan(
  db: Kysely<DB>,
  actor: Actor,
  planId: number,
): Promise<PlanRow | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', planId)
    .where('organization_id', 'in', visibleOrganizations(db, actor))
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

/** A published or closed plan that a draft would duplicate, with the recorded work it holds. */
export interface PlanTwinRow {
  id: number;
  title: string;
  docNumber: string | null;
  year: number;
  status: 'published' | 'closed';
  publishedOn: string | null;
  version: number;
  reports: number;
  occurrences: number;
}

/**
 * The organization's published or closed plans that are the same document as `draft`: the same
 * 文号 (issuers equal, or one unknown), or, where either lacks a 文号, the same title and year.
 * Published ones first, then the latest published; `draft` itself is left out.
 */
export async function findPlanTwins(
  db: Kysely<DB>,
  organizationId: number,
  draft: Pick<PlanRow, 'id' | 'issuer' | 'doc_number' | 'title' | 'year'>,
): Promise<PlanTwinRow[]> {
  const rows = await db
    .selectFrom('plans')
    .select((eb) => [
      'plans.id as id',
      'plans.title as title',
      'plans.doc_number as docNumber',
      'plans.year as year',
      'plans.status as status',
      'plans.published_on as publishedOn',
      'plans.version as version',
      eb
        .selectFrom('reports')
        .innerJoin('tasks', 'tasks.id', 'reports.task_id')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('tasks.plan_id', '=', 'plans.id')
        .as('reports'),
      eb
        .selectFrom('occurrences')
        .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
        .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('tasks.plan_id', '=', 'plans.id')
        .as('occurrences'),
    ])
    .where('plans.organization_id', '=', organizationId)
    .where('plans.id', '!=', draft.id)
    .where('plans.status', 'in', ['published', 'closed'])
    .where((eb) => {
      const sameTitle = eb.and([eb('plans.title', '=', draft.title), eb('plans.year', '=', draft.year)]);
      if (draft.doc_number === null) return sameTitle;
      const sameDocument = [eb('plans.doc_number', '=', draft.doc_number)];
      if (draft.issuer !== null)
        sameDocument.push(eb.or([eb('plans.issuer', 'is', null), eb('plans.issuer', '=', draft.issuer)]));
      return eb.or([eb.and(sameDocument), eb.and([sameTitle, eb('plans.doc_number', 'is', null)])]);
    })
    .orderBy((eb) => eb.case().when('plans.status', '=', 'published').then(0).else(1).end())
    .orderBy('plans.published_on', 'desc')
    .orderBy('plans.id', 'desc')
    .execute();
  // PostgreSQL returns counts as strings.
  return rows.map((row) => ({
    ...row,
    status: row.status as PlanTwinRow['status'],
    reports: Number(row.reports ?? 0),
    occurrences: Number(row.occurrences ?? 0),
  }));
}

/** Closes a published plan if it is still at the expected version; returns rows updated. */
export async function markPlanClosed(
  db: Kysely<DB>,
  planId: number,
  version: number,
  updatedAt: string,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('plans')
    .set({ status: 'closed', updated_at: updatedAt, version: version + 1 })
    .where('id', '=', planId)
    .where('version', '=', version)
    .where('status', '=', 'published')
    .executeTakeFirst();
}
