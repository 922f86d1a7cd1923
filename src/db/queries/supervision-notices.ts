import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import { actingUnit, isBoundLeader } from '../../policies/roles.ts';
import type { DB, SupervisionNoticeEventTable, SupervisionNoticeTable } from '../schema.ts';
import { readsWholeOrganization } from './visibility.ts';

/** A supervision notice with the names a reader needs (item, task, unit, issuer, plan). */
export interface NoticeRow {
  id: number;
  organizationId: number;
  organizationName: string;
  planId: number;
  planTitle: string;
  year: number;
  seq: number;
  itemId: number | null;
  itemNo: number | null;
  itemTitle: string | null;
  taskId: number | null;
  taskTitle: string | null;
  unitId: number;
  unitName: string;
  problem: string;
  requirement: string;
  replyDueOn: string;
  status: SupervisionNoticeTable['status'];
  reply: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  issuedBy: string | null;
  createdAt: string;
  version: number;
}

/**
 * The SQL condition "the actor may see this notice" over `supervision_notices as n`: supervisors
 * and viewers their organization's; department and school users those addressed to their
 * unit; leaders those on items naming them.
 */
function noticeVisibleTo(actor: Actor) {
  if (readsWholeOrganization(actor)) return sql<SqlBool>`n.organization_id = ${actor.organizationId}`;
  const clauses = [];
  const unitId = actingUnit(actor);
  if (unitId !== null) clauses.push(sql<SqlBool>`n.unit_id = ${unitId}`);
  if (isBoundLeader(actor) && actor.leaderId !== null) {
    // A task-level notice names no item directly; its task's item does.
    clauses.push(
      sql<SqlBool>`exists (select 1 from item_leaders il where il.leader_id = ${actor.leaderId} and il.item_id = coalesce(n.item_id, (select t2.item_id from tasks t2 where t2.id = n.task_id)))`,
    );
  }
  if (clauses.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(n.organization_id = ${actor.organizationId} and (${sql.join(clauses, sql` or `)}))`;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('supervision_notices as n')
    .innerJoin('organizations as o', 'o.id', 'n.organization_id')
    .innerJoin('plans as p', 'p.id', 'n.plan_id')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('tasks as t', 't.id', 'n.task_id')
    .leftJoin('items as i', (join) => join.on(sql<SqlBool>`i.id = coalesce(n.item_id, t.item_id)`))
    .leftJoin('users as by', 'by.id', 'n.issued_by')
    .select([
      'n.id as id',
      'n.organization_id as organizationId',
      'o.name as organizationName',
      'n.plan_id as planId',
      'p.title as planTitle',
      'n.year as year',
      'n.seq as seq',
      'i.id as itemId',
      'i.no as itemNo',
      'i.title as itemTitle',
      'n.task_id as taskId',
      't.title as taskTitle',
      'n.unit_id as unitId',
      'u.name as unitName',
      'n.problem as problem',
      'n.requirement as requirement',
      'n.reply_due_on as replyDueOn',
      'n.status as status',
      'n.reply as reply',
      'n.replied_at as repliedAt',
      'n.closed_at as closedAt',
      'by.display_name as issuedBy',
      'n.created_at as createdAt',
      'n.version as version',
    ]);
}

function normalise<T extends { year: number; seq: number; version: number; itemNo: number | null }>(
  row: T,
): T {
  // PostgreSQL hands integers from joins back as they are; keep numbers numbers on both databases.
  return {
    ...row,
    year: Number(row.year),
    seq: Number(row.seq),
    version: Number(row.version),
    itemNo: row.itemNo === null ? null : Number(row.itemNo),
  };
}

/** The notices the actor may see, newest number first, optionally of one status. */
export async function listVisibleNotices(
  db: Kysely<DB>,
  actor: Actor,
  filter: { status?: SupervisionNoticeTable['status'] } = {},
): Promise<NoticeRow[]> {
  let query = baseQuery(db).where(noticeVisibleTo(actor));
  if (filter.status) query = query.where('n.status', '=', filter.status);
  const rows = await query.orderBy('n.year', 'desc').orderBy('n.seq', 'desc').execute();
  return rows.map(normalise);
}

/** One notice the actor may see; undefined when it does not exist for them. */
export async function findVisibleNotice(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<NoticeRow | undefined> {
  const row = await baseQuery(db).where('n.id', '=', id).where(noticeVisibleTo(actor)).executeTakeFirst();
  return row && normalise(row);
}

/** The next number of an organization's notices in a year: one more than the largest so far. */
export async function nextNoticeSeq(db: Kysely<DB>, organizationId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('supervision_notices')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('organization_id', '=', organizationId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

/** Stores an issued notice and returns its id. */
export async function insertNotice(
  db: Kysely<DB>,
  values: {
    organizationId: number;
    planId: number;
    year: number;
    seq: number;
    itemId: number | null;
    taskId: number | null;
    unitId: number;
    problem: string;
    requirement: string;
    replyDueOn: string;
    issuedBy: number | null;
    createdAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('supervision_notices')
    .values({
      organization_id: values.organizationId,
      plan_id: values.planId,
      year: values.year,
      seq: values.seq,
      item_id: values.itemId,
      task_id: values.taskId,
      unit_id: values.unitId,
      problem: values.problem,
      requirement: values.requirement,
      reply_due_on: values.replyDueOn,
      status: 'issued',
      issued_by: values.issuedBy,
      created_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a notice if it is still at the version the caller read; bumps the version. */
export async function updateNoticeIfVersion(
  db: Kysely<DB>,
  id: number,
  version: number,
  changes: Partial<Pick<SupervisionNoticeTable, 'status' | 'reply' | 'replied_at' | 'closed_at'>>,
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('supervision_notices')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Records one step of a notice's history. */
export async function insertNoticeEvent(
  db: Kysely<DB>,
  values: {
    noticeId: number;
    kind: SupervisionNoticeEventTable['kind'];
    text: string;
    userId: number | null;
    actorLabel: string;
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto('supervision_notice_events')
    .values({
      notice_id: values.noticeId,
      kind: values.kind,
      text: values.text,
      user_id: values.userId,
      actor_label: values.actorLabel,
      created_at: values.createdAt,
    })
    .execute();
}

/** A notice's history, oldest first. */
export async function listNoticeEvents(db: Kysely<DB>, noticeId: number) {
  return db
    .selectFrom('supervision_notice_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select([
      'e.kind as kind',
      'e.text as text',
      'e.created_at as at',
      'u.display_name as userName',
      'e.actor_label as label',
    ])
    .where('e.notice_id', '=', noticeId)
    .orderBy('e.id')
    .execute();
}

/** Open (not closed) notices of a plan, counted per item (a task's notice counts for its item) and per unit. */
export async function countOpenNotices(
  db: Kysely<DB>,
  planId: number,
): Promise<Array<{ itemId: number | null; unitId: number; count: number }>> {
  const rows = await db
    .selectFrom('supervision_notices as n')
    .leftJoin('tasks as t', 't.id', 'n.task_id')
    .select([
      sql<number | null>`coalesce(n.item_id, t.item_id)`.as('itemId'),
      'n.unit_id as unitId',
      (eb) => eb.fn.countAll<number | string>().as('count'),
    ])
    .where('n.plan_id', '=', planId)
    .where('n.status', '!=', 'closed')
    .groupBy([sql`coalesce(n.item_id, t.item_id)`, 'n.unit_id'])
    .execute();
  return rows.map((r) => ({
    itemId: r.itemId === null ? null : Number(r.itemId),
    unitId: Number(r.unitId),
    count: Number(r.count),
  }));
}

/** Whether an error is the unique index on (organization, year, seq) refusing a duplicate number. */
export function isDuplicateNumber(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  // PostgreSQL: unique_violation; better-sqlite3: SQLITE_CONSTRAINT_UNIQUE.
  if (code === '23505') return true;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' &&
    typeof message === 'string' &&
    message.includes('supervision_notices')
  );
}

/** What a notice can be issued on: a task or an item, with its plan and default addressee. */
export interface NoticeTarget {
  planId: number;
  organizationId: number;
  year: number;
  planStatus: 'draft' | 'published' | 'closed';
  itemId: number;
  taskId: number | null;
  /** The task's lead unit, or the item's lead (else first) unit, else its first task's lead. */
  leadUnitId: number | null;
}

/** Loads the task (when taskId is given) or the item a notice is about; undefined when missing. */
export async function findNoticeTarget(
  db: Kysely<DB>,
  target: { itemId?: number; taskId?: number },
): Promise<NoticeTarget | undefined> {
  if (target.taskId !== undefined) {
    const row = await db
      .selectFrom('tasks')
      .innerJoin('plans', 'plans.id', 'tasks.plan_id')
      .select([
        'tasks.id as taskId',
        'tasks.item_id as itemId',
        'tasks.lead_unit_id as leadUnitId',
        'plans.id as planId',
        'plans.organization_id as organizationId',
        'plans.year as year',
        'plans.status as planStatus',
      ])
      .where('tasks.id', '=', target.taskId)
      .executeTakeFirst();
    return row && { ...row, year: Number(row.year) };
  }
  if (target.itemId === undefined) return undefined;
  const row = await db
    .selectFrom('items')
    .innerJoin('plans', 'plans.id', 'items.plan_id')
    .select([
      'items.id as itemId',
      'plans.id as planId',
      'plans.organization_id as organizationId',
      'plans.year as year',
      'plans.status as planStatus',
      (eb) =>
        eb
          .selectFrom('item_units')
          .select('item_units.unit_id')
          .whereRef('item_units.item_id', '=', 'items.id')
          .orderBy('item_units.is_lead', 'desc')
          .orderBy('item_units.position')
          .limit(1)
          .as('leadUnitId'),
      (eb) =>
        eb
          .selectFrom('tasks')
          .select('tasks.lead_unit_id')
          .whereRef('tasks.item_id', '=', 'items.id')
          .where('tasks.parent_task_id', 'is', null)
          .orderBy('tasks.id')
          .limit(1)
          .as('firstTaskLead'),
    ])
    .where('items.id', '=', target.itemId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { firstTaskLead, ...rest } = row;
  // An item names its lead unit in item_units; items added later may name none, so its first task's lead answers.
  return {
    ...rest,
    year: Number(row.year),
    taskId: null,
    leadUnitId: row.leadUnitId ?? firstTaskLead ?? null,
  };
}
