import { type Insertable, type Kysely, type RawBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import { actingUnit, isBoundLeader, readsWholeOrganization } from '../../policies/roles.ts';
import type { DB, FindingEventTable, FindingTable, InspectionTable } from '../schema.ts';

// All SQL of findings to rectify (问题整改) and monthly inspections (月度检查). Lists filter by what
// the actor may see inside the query, so a finding of another unit is never even loaded.

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The SQL condition "the actor may see the finding `findings`": supervisors and viewers see
 * their organization's; a department or school its own and those it escalated; a leader those
 * linked to an item naming them.
 */
export function findingVisibleTo(actor: Actor): RawBuilder<SqlBool> {
  const org = sql<SqlBool>`findings.organization_id = ${actor.organizationId}`;
  if (readsWholeOrganization(actor)) return org;
  const clauses: RawBuilder<SqlBool>[] = [];
  const unitId = actingUnit(actor);
  if (unitId !== null) {
    clauses.push(sql<SqlBool>`(findings.unit_id = ${unitId} or findings.escalated_from_unit_id = ${unitId})`);
  }
  if (isBoundLeader(actor) && actor.leaderId !== null) {
    clauses.push(
      sql<SqlBool>`exists (select 1 from item_leaders il where il.item_id = findings.item_id and il.leader_id = ${actor.leaderId})`,
    );
  }
  if (clauses.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${org} and (${sql.join(clauses, sql` or `)}))`;
}

/** A finding row with the names it shows. */
export interface FindingRow {
  id: number;
  organizationId: number;
  source: string;
  title: string;
  detail: string;
  unitId: number;
  unitName: string;
  unitKind: 'department' | 'school';
  escalatedFromUnitId: number | null;
  escalatedFromName: string | null;
  escalatedFromKind: 'department' | 'school' | null;
  severity: FindingTable['severity'];
  dueOn: string;
  status: FindingTable['status'];
  itemId: number | null;
  itemNo: number | null;
  itemTitle: string | null;
  planId: number | null;
  inspectionId: number | null;
  createdBy: string | null;
  createdAt: string;
  version: number;
}

/** Filters of the register. */
export interface FindingFilter {
  id?: number;
  status?: FindingTable['status'];
  unitId?: number;
  severity?: FindingTable['severity'];
  /** Only open or escalated findings whose deadline is before this day. */
  overdueBefore?: string;
}

/** The findings the actor may see, matching the filter: open work first, by deadline. */
export async function listVisibleFindings(
  db: Db,
  actor: Actor,
  filter: FindingFilter,
): Promise<FindingRow[]> {
  let query = db
    .selectFrom('findings')
    .innerJoin('units as u', 'u.id', 'findings.unit_id')
    .leftJoin('units as eu', 'eu.id', 'findings.escalated_from_unit_id')
    .leftJoin('items as i', 'i.id', 'findings.item_id')
    .leftJoin('users as cu', 'cu.id', 'findings.created_by')
    .select([
      'findings.id',
      'findings.organization_id as organizationId',
      'findings.source',
      'findings.title',
      'findings.detail',
      'findings.unit_id as unitId',
      'u.name as unitName',
      'u.kind as unitKind',
      'findings.escalated_from_unit_id as escalatedFromUnitId',
      'eu.name as escalatedFromName',
      'eu.kind as escalatedFromKind',
      'findings.severity',
      'findings.due_on as dueOn',
      'findings.status',
      'findings.item_id as itemId',
      'i.no as itemNo',
      'i.title as itemTitle',
      'findings.plan_id as planId',
      'findings.inspection_id as inspectionId',
      'cu.display_name as createdBy',
      'findings.created_at as createdAt',
      'findings.version',
    ])
    .where(findingVisibleTo(actor));
  if (filter.id !== undefined) query = query.where('findings.id', '=', filter.id);
  if (filter.status) query = query.where('findings.status', '=', filter.status);
  if (filter.unitId !== undefined) query = query.where('findings.unit_id', '=', filter.unitId);
  if (filter.severity) query = query.where('findings.severity', '=', filter.severity);
  if (filter.overdueBefore) {
    query = query
      .where('findings.status', 'in', ['open', 'escalated'])
      .where('findings.due_on', '<', filter.overdueBefore);
  }
  const rows = await query
    .orderBy(sql`case when findings.status = 'closed' then 1 else 0 end`)
    .orderBy('findings.due_on')
    .orderBy('findings.id')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/** One finding if the actor may see it. */
export async function findVisibleFinding(db: Db, actor: Actor, id: number): Promise<FindingRow | undefined> {
  return (await listVisibleFindings(db, actor, { id }))[0];
}

/** Inserts a finding and returns its id. */
export async function insertFinding(
  db: Db,
  values: Omit<Insertable<FindingTable>, 'id' | 'version' | 'escalated_from_unit_id' | 'updated_at'>,
): Promise<number> {
  const row = await db.insertInto('findings').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Moves a finding on if it is still at the version read; the caller checks numUpdatedRows. */
export async function updateFinding(
  db: Db,
  id: number,
  version: number,
  patch: {
    status: FindingTable['status'];
    unitId?: number;
    dueOn?: string;
    escalatedFromUnitId?: number;
    updatedAt: string;
  },
): Promise<{ numUpdatedRows: bigint }> {
  return db
    .updateTable('findings')
    .set({
      status: patch.status,
      ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
      ...(patch.dueOn !== undefined ? { due_on: patch.dueOn } : {}),
      ...(patch.escalatedFromUnitId !== undefined
        ? { escalated_from_unit_id: patch.escalatedFromUnitId }
        : {}),
      updated_at: patch.updatedAt,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Appends a step to a finding's history. */
export async function insertFindingEvent(db: Db, event: Omit<FindingEventTable, 'id'>): Promise<number> {
  const row = await db.insertInto('finding_events').values(event).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A history step with the unit's name. */
export interface FindingEventRow {
  id: number;
  kind: FindingEventTable['kind'];
  note: string;
  unitId: number | null;
  unitName: string | null;
  unitKind: 'department' | 'school' | null;
  dueOn: string | null;
  by: string;
  at: string;
}

/** A finding's history, oldest first. */
export async function listFindingEvents(db: Db, findingId: number): Promise<FindingEventRow[]> {
  return db
    .selectFrom('finding_events as e')
    .leftJoin('units as u', 'u.id', 'e.unit_id')
    .leftJoin('users as by', 'by.id', 'e.by_user_id')
    .select([
      'e.id',
      'e.kind',
      'e.note',
      'e.unit_id as unitId',
      'u.name as unitName',
      'u.kind as unitKind',
      'e.due_on as dueOn',
      sql<string>`coalesce(${sql.ref('by.display_name')}, e.by_label)`.as('by'),
      'e.at',
    ])
    .where('e.finding_id', '=', findingId)
    .orderBy('e.id')
    .execute();
}

/** A finding's evidence with the moment it was attached (to place it beside its history step). */
export async function listFindingEvidence(db: Db, findingId: number) {
  const rows = await db
    .selectFrom('evidence')
    .select(['id', 'file_name', 'media_type', 'size', 'created_at'])
    .where('owner_type', '=', 'finding')
    .where('owner_id', '=', findingId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    createdAt: r.created_at,
  }));
}

/** An evidence row of a finding the actor may see, or undefined. */
export async function findVisibleFindingEvidence(db: Db, actor: Actor, evidenceId: number) {
  const row = await db
    .selectFrom('evidence')
    .innerJoin('findings', 'findings.id', 'evidence.owner_id')
    .select([
      'evidence.id',
      'evidence.owner_type',
      'evidence.owner_id',
      'evidence.file_name',
      'evidence.media_type',
      'evidence.size',
      'evidence.sha256',
    ])
    .where('evidence.id', '=', evidenceId)
    .where('evidence.owner_type', '=', 'finding')
    .whereRef('evidence.organization_id', '=', 'findings.organization_id')
    .where(findingVisibleTo(actor))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
  };
}

/** An active unit of the organization, or undefined. */
export async function findActiveUnit(db: Db, organizationId: number, unitId: number) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('id', '=', unitId)
    .where('organization_id', '=', organizationId)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** What a finding's link to an item or plan is checked against (src/policies/findings.ts). */
export interface FindingLinkTarget {
  planId: number;
  itemId: number | null;
  organizationId: number;
  /** Whether the unit asked about leads or co-owns a task of the item (of the plan, without an item). */
  unitOwns: boolean;
}

// Whether `unitId` owns a task under the item (or plan) the outer query selects.
function unitOwnsTaskWhere(unitId: number | null, column: 'item_id' | 'plan_id', outer: string) {
  if (unitId === null) return sql<number>`0`;
  return sql<number>`case when exists (select 1 from tasks t inner join task_units tu on tu.task_id = t.id
    where t.${sql.raw(column)} = ${sql.ref(outer)} and tu.unit_id = ${unitId}) then 1 else 0 end`;
}

/** An item of any organization with its plan, and whether `unitId` owns a task of it; undefined if none. */
export async function findItemForFinding(
  db: Db,
  itemId: number,
  unitId: number | null,
): Promise<FindingLinkTarget | undefined> {
  const row = await db
    .selectFrom('items')
    .innerJoin('plans', 'plans.id', 'items.plan_id')
    .select([
      'items.id as itemId',
      'items.plan_id as planId',
      'plans.organization_id as organizationId',
      unitOwnsTaskWhere(unitId, 'item_id', 'items.id').as('unitOwns'),
    ])
    .where('items.id', '=', itemId)
    .executeTakeFirst();
  return row && { ...row, unitOwns: Number(row.unitOwns) === 1 };
}

/** A plan of any organization, and whether `unitId` owns a task of it; undefined if none. */
export async function findPlanForFinding(
  db: Db,
  planId: number,
  unitId: number | null,
): Promise<FindingLinkTarget | undefined> {
  const row = await db
    .selectFrom('plans')
    .select([
      'plans.id as planId',
      'plans.organization_id as organizationId',
      unitOwnsTaskWhere(unitId, 'plan_id', 'plans.id').as('unitOwns'),
    ])
    .where('plans.id', '=', planId)
    .executeTakeFirst();
  return row && { ...row, itemId: null, unitOwns: Number(row.unitOwns) === 1 };
}

/** Inserts a monthly inspection; undefined when the unit already filed that month (and item). */
export async function insertInspection(
  db: Db,
  values: Omit<InspectionTable, 'id'>,
): Promise<number | undefined> {
  // ON CONFLICT DO NOTHING: a concurrent second filing loses quietly and the caller says so.
  const row = await db
    .insertInto('inspections')
    .values(values)
    .onConflict((oc) => oc.columns(['organization_id', 'unit_id', 'period', 'item_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** A filed inspection with the filer's name. */
export interface InspectionFilingRow {
  id: number;
  unitId: number;
  itemId: number | null;
  findingCount: number;
  note: string;
  filedBy: string | null;
  filedAt: string;
}

/** The month's inspections, of one unit or of the whole organization. */
export async function listInspections(
  db: Db,
  organizationId: number,
  period: string,
  unitId?: number,
): Promise<InspectionFilingRow[]> {
  let query = db
    .selectFrom('inspections as n')
    .leftJoin('users as by', 'by.id', 'n.filed_by')
    .select([
      'n.id',
      'n.unit_id as unitId',
      'n.item_id as itemId',
      'n.finding_count as findingCount',
      'n.note',
      'by.display_name as filedBy',
      'n.filed_at as filedAt',
    ])
    .where('n.organization_id', '=', organizationId)
    .where('n.period', '=', period);
  if (unitId !== undefined) query = query.where('n.unit_id', '=', unitId);
  const rows = await query.orderBy('n.id').execute();
  return rows.map((r) => ({ ...r, findingCount: Number(r.findingCount) }));
}

/** The active units expected to file (every school) plus any unit that filed, by kind then name. */
export async function listInspectionUnits(db: Db, organizationId: number, filedUnitIds: number[]) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'kind'])
    .where('organization_id', '=', organizationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'school'), eb('active', '=', 1)]),
        ...(filedUnitIds.length > 0 ? [eb('id', 'in', filedUnitIds)] : []),
      ]),
    )
    .orderBy('kind', 'desc')
    .orderBy('name')
    .execute();
}

/** A finding still waiting on someone, as the daily reminders need it. */
export interface ReminderFindingRow {
  id: number;
  title: string;
  source: string;
  unitId: number;
  unitName: string;
  dueOn: string;
  status: 'open' | 'escalated' | 'rectified';
  planId: number | null;
  itemId: number | null;
  itemNo: number | null;
  itemTitle: string | null;
  /** The leaders named by the linked item (none without an item). */
  leaderIds: number[];
}

/**
 * The organization's findings not yet closed (open, escalated or rectified), with the unit's name
 * and the linked item with its leaders, by deadline. For the daily reminders' system actor: no
 * visibility filter.
 */
export async function listReminderFindings(db: Db, organizationId: number): Promise<ReminderFindingRow[]> {
  const rows = await db
    .selectFrom('findings')
    .innerJoin('units as u', 'u.id', 'findings.unit_id')
    .leftJoin('items as i', 'i.id', 'findings.item_id')
    .select([
      'findings.id',
      'findings.title',
      'findings.source',
      'findings.unit_id as unitId',
      'u.name as unitName',
      'findings.due_on as dueOn',
      'findings.status',
      'findings.plan_id as planId',
      'findings.item_id as itemId',
      'i.no as itemNo',
      'i.title as itemTitle',
    ])
    .where('findings.organization_id', '=', organizationId)
    .where('findings.status', 'in', ['open', 'escalated', 'rectified'])
    .orderBy('findings.due_on')
    .orderBy('findings.id')
    .execute();
  const itemIds = [...new Set(rows.flatMap((r) => (r.itemId === null ? [] : [r.itemId])))];
  const leaders =
    itemIds.length === 0
      ? []
      : await db
          .selectFrom('item_leaders')
          .select(['item_id', 'leader_id'])
          .where('item_id', 'in', itemIds)
          .orderBy('item_id')
          .orderBy('leader_id')
          .execute();
  const leadersOf = new Map<number, number[]>();
  for (const l of leaders) leadersOf.set(l.item_id, [...(leadersOf.get(l.item_id) ?? []), l.leader_id]);
  return rows.map((r) => ({
    ...r,
    status: r.status as ReminderFindingRow['status'],
    itemNo: r.itemNo === null ? null : Number(r.itemNo),
    leaderIds: r.itemId === null ? [] : (leadersOf.get(r.itemId) ?? []),
  }));
}

/** The organizations with a finding not yet closed (the daily reminders run for them too). */
export async function listOrganizationsWithOpenFindings(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('findings')
    .select('organization_id')
    .distinct()
    .where('status', 'in', ['open', 'escalated', 'rectified'])
    .orderBy('organization_id')
    .execute();
  return rows.map((r) => r.organization_id);
}
