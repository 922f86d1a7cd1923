import type { Kysely, Updateable } from 'kysely';
import type { BalanceStage, FormField, RoundStatus, RowStatus } from '../../shared/balance.ts';
import type { CollectionRowTable, DB } from '../schema.ts';

// School data collection (一表通): forms, rounds and each school's rows. Rows come back as
// camelCase objects with their JSON parsed; a stage of '' (a form without stages) comes back null.

/** A form as stored. */
export interface FormRecord {
  id: number;
  organizationId: number;
  code: string | null;
  name: string;
  staged: boolean;
  fields: FormField[];
}

/** A round as stored, with its form's name and code. */
export interface RoundRecord {
  id: number;
  organizationId: number;
  formId: number;
  formName: string;
  formCode: string | null;
  name: string;
  status: RoundStatus;
  dueOn: string;
  taskId: number | null;
  openedAt: string;
  lockedAt: string | null;
  occurrenceId: number | null;
  version: number;
}

/** A school's row as stored, with the school's name. */
export interface RowRecord {
  id: number;
  roundId: number;
  unitId: number;
  unitName: string;
  stage: BalanceStage | null;
  values: Record<string, number | null>;
  status: RowStatus;
  returnReason: string | null;
  file: { sha256: string; name: string; type: string } | null;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  version: number;
}

/** A school's row to store (insert or update). */
export interface RowWrite {
  values: Record<string, number | null>;
  status: RowStatus;
  returnReason?: string | null;
  file?: { sha256: string; name: string; type: string } | null;
  by: number | null;
  at: string;
  submittedAt?: string | null;
  reviewedBy?: number | null;
  reviewedAt?: string | null;
}

const formColumns = ['id', 'organization_id', 'code', 'name', 'staged', 'fields'] as const;

function toForm(row: {
  id: number;
  organization_id: number;
  code: string | null;
  name: string;
  staged: number;
  fields: string;
}): FormRecord {
  return {
    id: Number(row.id),
    organizationId: Number(row.organization_id),
    code: row.code,
    name: row.name,
    staged: Number(row.staged) === 1,
    fields: JSON.parse(row.fields) as FormField[],
  };
}

/** The organization's forms, the built-in first, then by name. */
export async function listForms(db: Kysely<DB>, organizationId: number): Promise<FormRecord[]> {
  const rows = await db
    .selectFrom('collection_forms')
    .select(formColumns)
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .execute();
  return rows.map(toForm).sort((a, b) => Number(b.code !== null) - Number(a.code !== null) || a.id - b.id);
}

/** One form of the organization, or undefined. */
export function findForm(
  db: Kysely<DB>,
  organizationId: number,
  id: number,
): Promise<FormRecord | undefined> {
  return findFormWhere(db, organizationId, 'id', id);
}

/** The organization's form with this code (the built-in one), or undefined. */
export function findFormByCode(
  db: Kysely<DB>,
  organizationId: number,
  code: string,
): Promise<FormRecord | undefined> {
  return findFormWhere(db, organizationId, 'code', code);
}

async function findFormWhere(
  db: Kysely<DB>,
  organizationId: number,
  column: 'id' | 'code',
  value: number | string,
): Promise<FormRecord | undefined> {
  const row = await db
    .selectFrom('collection_forms')
    .select(formColumns)
    .where('organization_id', '=', organizationId)
    .where(column, '=', value as never)
    .executeTakeFirst();
  return row ? toForm(row) : undefined;
}

/** Whether a form (or round) of this name exists in the organization: names are unique per bureau. */
export async function nameTaken(
  db: Kysely<DB>,
  table: 'collection_forms' | 'collection_rounds',
  organizationId: number,
  name: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a form; returns its id. */
export async function insertForm(
  db: Kysely<DB>,
  form: Omit<FormRecord, 'id'> & { createdBy: number | null; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('collection_forms')
    .values({
      organization_id: form.organizationId,
      code: form.code,
      name: form.name,
      staged: form.staged ? 1 : 0,
      fields: JSON.stringify(form.fields),
      created_by: form.createdBy,
      created_at: form.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

function roundQuery(db: Kysely<DB>) {
  return db
    .selectFrom('collection_rounds as r')
    .innerJoin('collection_forms as f', 'f.id', 'r.form_id')
    .select([
      'r.id',
      'r.organization_id',
      'r.form_id',
      'f.name as form_name',
      'f.code as form_code',
      'r.name',
      'r.status',
      'r.due_on',
      'r.task_id',
      'r.opened_at',
      'r.locked_at',
      'r.occurrence_id',
      'r.version',
    ]);
}

type RoundRow = Awaited<ReturnType<ReturnType<typeof roundQuery>['executeTakeFirstOrThrow']>>;

function toRound(row: RoundRow): RoundRecord {
  return {
    id: Number(row.id),
    organizationId: Number(row.organization_id),
    formId: Number(row.form_id),
    formName: row.form_name,
    formCode: row.form_code,
    name: row.name,
    status: row.status,
    dueOn: row.due_on,
    taskId: row.task_id === null ? null : Number(row.task_id),
    openedAt: row.opened_at,
    lockedAt: row.locked_at,
    occurrenceId: row.occurrence_id === null ? null : Number(row.occurrence_id),
    version: Number(row.version),
  };
}

/** The organization's rounds, newest first. */
export async function listRounds(db: Kysely<DB>, organizationId: number): Promise<RoundRecord[]> {
  const rows = await roundQuery(db)
    .where('r.organization_id', '=', organizationId)
    .orderBy('r.opened_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map(toRound);
}

/** One round of the organization, or undefined (another organization's does not exist). */
export async function findRound(
  db: Kysely<DB>,
  organizationId: number,
  id: number,
): Promise<RoundRecord | undefined> {
  const row = await roundQuery(db)
    .where('r.organization_id', '=', organizationId)
    .where('r.id', '=', id)
    .executeTakeFirst();
  return row ? toRound(row) : undefined;
}

/** Stores an open round; returns its id. */
export async function insertRound(
  db: Kysely<DB>,
  round: {
    organizationId: number;
    formId: number;
    name: string;
    dueOn: string;
    taskId: number | null;
    openedBy: number | null;
    openedAt: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('collection_rounds')
    .values({
      organization_id: round.organizationId,
      form_id: round.formId,
      name: round.name,
      status: 'open',
      due_on: round.dueOn,
      task_id: round.taskId,
      opened_by: round.openedBy,
      opened_at: round.openedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Locks a round if it is still at `version`; returns whether it did. */
export async function lockRoundIfVersion(
  db: Kysely<DB>,
  round: { id: number; version: number },
  change: { lockedBy: number | null; lockedAt: string; occurrenceId: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable('collection_rounds')
    .set({
      status: 'locked',
      locked_by: change.lockedBy,
      locked_at: change.lockedAt,
      occurrence_id: change.occurrenceId,
      version: round.version + 1,
    })
    .where('id', '=', round.id)
    .where('version', '=', round.version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

function rowQuery(db: Kysely<DB>) {
  return db
    .selectFrom('collection_rows as w')
    .innerJoin('units as u', 'u.id', 'w.unit_id')
    .select([
      'w.id',
      'w.round_id',
      'w.unit_id',
      'u.name as unit_name',
      'w.stage',
      'w.data',
      'w.status',
      'w.return_reason',
      'w.file_sha256',
      'w.file_name',
      'w.file_type',
      'w.updated_at',
      'w.submitted_at',
      'w.reviewed_at',
      'w.version',
    ]);
}

type RowRow = Awaited<ReturnType<ReturnType<typeof rowQuery>['executeTakeFirstOrThrow']>>;

function toRow(row: RowRow): RowRecord {
  return {
    id: Number(row.id),
    roundId: Number(row.round_id),
    unitId: Number(row.unit_id),
    unitName: row.unit_name,
    stage: row.stage === '' ? null : (row.stage as BalanceStage),
    values: JSON.parse(row.data) as Record<string, number | null>,
    status: row.status,
    returnReason: row.return_reason,
    file:
      row.file_sha256 === null
        ? null
        : {
            sha256: row.file_sha256,
            name: row.file_name ?? '附件',
            type: row.file_type ?? 'application/octet-stream',
          },
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    version: Number(row.version),
  };
}

/** The rows of rounds (all schools, or one), by school name then stage (小学 before 初中). */
export async function listRows(
  db: Kysely<DB>,
  roundIds: readonly number[],
  unitId?: number,
): Promise<RowRecord[]> {
  if (roundIds.length === 0) return [];
  let query = rowQuery(db).where('w.round_id', 'in', [...roundIds]);
  if (unitId !== undefined) query = query.where('w.unit_id', '=', unitId);
  const rows = await query.orderBy('u.name').orderBy('w.stage', 'desc').orderBy('w.id').execute();
  return rows.map(toRow);
}

/** One row with its round's organization, or undefined. */
export async function findRow(
  db: Kysely<DB>,
  id: number,
): Promise<(RowRecord & { organizationId: number }) | undefined> {
  const row = await rowQuery(db)
    .innerJoin('collection_rounds as r', 'r.id', 'w.round_id')
    .select('r.organization_id')
    .where('w.id', '=', id)
    .executeTakeFirst();
  return row ? { ...toRow(row), organizationId: Number(row.organization_id) } : undefined;
}

function rowValues(write: RowWrite): Updateable<CollectionRowTable> {
  return {
    data: JSON.stringify(write.values),
    status: write.status,
    updated_by: write.by,
    updated_at: write.at,
    ...(write.returnReason !== undefined ? { return_reason: write.returnReason } : {}),
    ...(write.file !== undefined
      ? {
          file_sha256: write.file?.sha256 ?? null,
          file_name: write.file?.name ?? null,
          file_type: write.file?.type ?? null,
        }
      : {}),
    ...(write.submittedAt !== undefined ? { submitted_at: write.submittedAt } : {}),
    ...(write.reviewedBy !== undefined ? { reviewed_by: write.reviewedBy } : {}),
    ...(write.reviewedAt !== undefined ? { reviewed_at: write.reviewedAt } : {}),
  };
}

/** Stores a new row of a school; returns its id. */
export async function insertRow(
  db: Kysely<DB>,
  key: { roundId: number; unitId: number; stage: BalanceStage | null },
  write: RowWrite,
): Promise<number> {
  const row = await db
    .insertInto('collection_rows')
    .values({
      round_id: key.roundId,
      unit_id: key.unitId,
      stage: key.stage ?? '',
      data: JSON.stringify(write.values),
      status: write.status,
      return_reason: write.returnReason ?? null,
      file_sha256: write.file?.sha256 ?? null,
      file_name: write.file?.name ?? null,
      file_type: write.file?.type ?? null,
      updated_by: write.by,
      updated_at: write.at,
      submitted_at: write.submittedAt ?? null,
      reviewed_by: write.reviewedBy ?? null,
      reviewed_at: write.reviewedAt ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Updates a row if it is still at `version`; returns whether it did. */
export async function updateRowIfVersion(
  db: Kysely<DB>,
  row: { id: number; version: number },
  write: RowWrite,
): Promise<boolean> {
  const result = await db
    .updateTable('collection_rows')
    .set({ ...rowValues(write), version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a school's row of a stage it no longer reports (a draft only). */
export async function deleteDraftRow(db: Kysely<DB>, id: number): Promise<void> {
  await db
    .deleteFrom('collection_rows')
    .where('id', '=', id)
    .where('status', 'in', ['draft', 'returned'])
    .execute();
}

/** The school's rows of the latest other round on the same form (to prefill a new round). */
export async function lastRowsOfSchool(
  db: Kysely<DB>,
  round: { id: number; organizationId: number; formId: number },
  unitId: number,
): Promise<{ roundName: string; rows: RowRecord[] } | undefined> {
  const previous = await db
    .selectFrom('collection_rounds as r')
    .innerJoin('collection_rows as w', 'w.round_id', 'r.id')
    .select(['r.id', 'r.name'])
    .where('r.organization_id', '=', round.organizationId)
    .where('r.form_id', '=', round.formId)
    .where('r.id', '!=', round.id)
    .where('w.unit_id', '=', unitId)
    .orderBy('r.opened_at', 'desc')
    .orderBy('r.id', 'desc')
    .executeTakeFirst();
  if (!previous) return undefined;
  return { roundName: previous.name, rows: await listRows(db, [Number(previous.id)], unitId) };
}

/** A plan task as a round links to it: its item and owner. */
export interface RoundTaskRecord {
  id: number;
  planId: number;
  planYear: number;
  planStatus: 'draft' | 'published' | 'closed';
  itemNo: number;
  itemTitle: string;
  itemBody: string;
  leadUnitId: number | null;
  status: string;
}

function roundTaskQuery(db: Kysely<DB>, organizationId: number) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .innerJoin('items as i', 'i.id', 't.item_id')
    .select([
      't.id',
      't.plan_id',
      'p.year',
      'p.status as plan_status',
      'i.no',
      'i.title',
      'i.body',
      't.lead_unit_id',
      't.status',
    ])
    .where('p.organization_id', '=', organizationId)
    .where('t.parent_task_id', 'is', null);
}

type RoundTaskRow = Awaited<ReturnType<ReturnType<typeof roundTaskQuery>['executeTakeFirstOrThrow']>>;

function toRoundTask(row: RoundTaskRow): RoundTaskRecord {
  return {
    id: Number(row.id),
    planId: Number(row.plan_id),
    planYear: Number(row.year),
    planStatus: row.plan_status,
    itemNo: Number(row.no),
    itemTitle: row.title,
    itemBody: row.body,
    leadUnitId: row.lead_unit_id === null ? null : Number(row.lead_unit_id),
    status: row.status,
  };
}

/** The tasks of the organization's plans with these ids (top-level tasks only). */
export async function findRoundTasks(
  db: Kysely<DB>,
  organizationId: number,
  ids: readonly number[],
): Promise<Map<number, RoundTaskRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await roundTaskQuery(db, organizationId)
    .where('t.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [Number(row.id), toRoundTask(row)]));
}

/** The task of the newest published plan whose item speaks of the 差异系数 (item 13 of Yunxi), if any. */
export async function suggestBalanceTask(
  db: Kysely<DB>,
  organizationId: number,
): Promise<RoundTaskRecord | undefined> {
  const row = await roundTaskQuery(db, organizationId)
    .where('p.status', '=', 'published')
    .where('i.body', 'like', '%差异系数%')
    .orderBy('p.year', 'desc')
    .orderBy('p.id', 'desc')
    .orderBy('t.id')
    .executeTakeFirst();
  return row ? toRoundTask(row) : undefined;
}
