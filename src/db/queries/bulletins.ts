import { type Kysely, type SqlBool, sql } from 'kysely';
import type { BulletinTable, DB } from '../schema.ts';

/** A bulletin row with the names a reader needs (plan, who created, edited and issued it). */
export interface BulletinRow {
  id: number;
  organizationId: number;
  planId: number;
  planTitle: string;
  month: string;
  revision: number;
  state: BulletinTable['state'];
  asOf: string;
  content: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
  issuedBy: string | null;
  issuedAt: string | null;
  fileSha256: string | null;
  fileName: string | null;
  fileSize: number | null;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('bulletins as b')
    .innerJoin('plans as p', 'p.id', 'b.plan_id')
    .leftJoin('users as cb', 'cb.id', 'b.created_by')
    .leftJoin('users as ub', 'ub.id', 'b.updated_by')
    .select([
      'b.id as id',
      'b.organization_id as organizationId',
      'b.plan_id as planId',
      'p.title as planTitle',
      'b.month as month',
      'b.revision as revision',
      'b.state as state',
      'b.as_of as asOf',
      'b.content as content',
      'b.version as version',
      'cb.display_name as createdBy',
      'b.created_at as createdAt',
      'ub.display_name as updatedBy',
      'b.updated_at as updatedAt',
      'b.issued_by_label as issuedBy',
      'b.issued_at as issuedAt',
      'b.file_sha256 as fileSha256',
      'b.file_name as fileName',
      'b.file_size as fileSize',
    ]);
}

function normalise(row: BulletinRow): BulletinRow {
  // PostgreSQL may hand integers back as strings through joins; keep numbers numbers.
  return {
    ...row,
    revision: Number(row.revision),
    version: Number(row.version),
    fileSize: row.fileSize === null ? null : Number(row.fileSize),
  };
}

/** The organization's bulletins, newest month and revision first; only issued ones when asked. */
export async function listBulletins(
  db: Kysely<DB>,
  organizationId: number,
  filter: { planId?: number; issuedOnly: boolean; childrenIssued?: boolean },
): Promise<BulletinRow[]> {
  let query = baseQuery(db).where(ownOrChildIssued(organizationId, filter.childrenIssued ?? false));
  if (filter.planId !== undefined) query = query.where('b.plan_id', '=', filter.planId);
  if (filter.issuedOnly) query = query.where('b.state', '=', 'issued');
  const rows = await query.orderBy('b.month', 'desc').orderBy('b.revision', 'desc').execute();
  return rows.map(normalise);
}

/** One bulletin of the organization (or an issued one of a child bureau, when asked), or undefined. */
export async function findBulletin(
  db: Kysely<DB>,
  organizationId: number,
  id: number,
  childrenIssued = false,
): Promise<BulletinRow | undefined> {
  const row = await baseQuery(db)
    .where('b.id', '=', id)
    .where(ownOrChildIssued(organizationId, childrenIssued))
    .executeTakeFirst();
  return row && normalise(row);
}

/** "The organization's bulletin, or (when asked) an issued bulletin of one of its child bureaus". */
function ownOrChildIssued(organizationId: number, childrenIssued: boolean) {
  return childrenIssued
    ? sql<SqlBool>`(b.organization_id = ${organizationId} or (b.state = 'issued' and b.organization_id in (select o.id from organizations o where o.parent_id = ${organizationId})))`
    : sql<SqlBool>`b.organization_id = ${organizationId}`;
}

/** The revisions of a plan's month so far: the open draft's id (if any) and the largest revision. */
export async function monthRevisions(
  db: Kysely<DB>,
  planId: number,
  month: string,
): Promise<{ draftId: number | null; maxRevision: number }> {
  const rows = await db
    .selectFrom('bulletins')
    .select(['id', 'revision', 'state'])
    .where('plan_id', '=', planId)
    .where('month', '=', month)
    .execute();
  const draft = rows.find((r) => r.state === 'draft');
  return {
    draftId: draft ? draft.id : null,
    maxRevision: Math.max(0, ...rows.map((r) => Number(r.revision))),
  };
}

/** Stores a new draft and returns its id. */
export async function insertBulletin(
  db: Kysely<DB>,
  values: {
    organizationId: number;
    planId: number;
    month: string;
    revision: number;
    asOf: string;
    content: string;
    userId: number | null;
    at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('bulletins')
    .values({
      organization_id: values.organizationId,
      plan_id: values.planId,
      month: values.month,
      revision: values.revision,
      state: 'draft',
      as_of: values.asOf,
      content: values.content,
      created_by: values.userId,
      created_at: values.at,
      updated_by: values.userId,
      updated_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a draft's content if it is still a draft at the version the editor saw. */
export async function updateDraftContent(
  db: Kysely<DB>,
  values: { id: number; version: number; content: string; asOf?: string; userId: number | null; at: string },
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('bulletins')
    .set({
      content: values.content,
      ...(values.asOf ? { as_of: values.asOf } : {}),
      updated_by: values.userId,
      updated_at: values.at,
      version: values.version + 1,
    })
    .where('id', '=', values.id)
    .where('version', '=', values.version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
}

/** Freezes a draft as issued with its file, if still at the version the issuer saw. */
export async function markBulletinIssued(
  db: Kysely<DB>,
  values: {
    id: number;
    version: number;
    content: string;
    userId: number | null;
    label: string;
    at: string;
    file: { sha256: string; name: string; size: number };
  },
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('bulletins')
    .set({
      state: 'issued',
      content: values.content,
      issued_by: values.userId,
      issued_by_label: values.label,
      issued_at: values.at,
      updated_by: values.userId,
      updated_at: values.at,
      file_sha256: values.file.sha256,
      file_name: values.file.name,
      file_size: values.file.size,
      version: values.version + 1,
    })
    .where('id', '=', values.id)
    .where('version', '=', values.version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
}

/** A task of the plan as the bulletin reads it: its item, lead unit, due day and completion. */
export interface BulletinTaskRow {
  taskId: number;
  parentTaskId: number | null;
  title: string;
  itemId: number;
  itemNo: number;
  itemTitle: string;
  leadUnit: string | null;
  dueOn: string;
  status: string;
  completedAt: string | null;
}

/** Every task of a plan with its item and lead unit, in item and task order (one query). */
export async function listBulletinTasks(db: Kysely<DB>, planId: number): Promise<BulletinTaskRow[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .innerJoin('items as i', 'i.id', 't.item_id')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    .select([
      't.id as taskId',
      't.parent_task_id as parentTaskId',
      't.title as title',
      'i.id as itemId',
      'i.no as itemNo',
      'i.title as itemTitle',
      'u.name as leadUnit',
      't.due_on as dueOn',
      't.status as status',
      't.completed_at as completedAt',
    ])
    .where('t.plan_id', '=', planId)
    .orderBy('i.no')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({ ...r, itemNo: Number(r.itemNo) }));
}

/** Indicators of a plan's top-level tasks with a due day inside a span, in due order. */
export async function listIndicatorsDueBetween(
  db: Kysely<DB>,
  planId: number,
  fromOn: string,
  toOn: string,
): Promise<Array<{ taskId: number; text: string; dueOn: string }>> {
  const rows = await db
    .selectFrom('indicators as d')
    .innerJoin('tasks as t', 't.id', 'd.task_id')
    .select(['d.task_id as taskId', 'd.text as text', 'd.due_on as dueOn'])
    .where('t.plan_id', '=', planId)
    .where('t.parent_task_id', 'is', null)
    .where('d.due_on', '>=', fromOn)
    .where('d.due_on', '<=', toOn)
    .orderBy('d.due_on')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ taskId: r.taskId, text: r.text, dueOn: r.dueOn ?? toOn }));
}
