import type { Generated, Kysely } from 'kysely';
import type { DB } from '../schema.ts';

// The year-end evaluation's tables (migration 0012). They are typed here and joined onto the
// schema with withTables, so the evaluation's storage stays in one file.

type EvaluationRubricTable = {
  id: Generated<number>;
  plan_id: number;
  weight_completion: number;
  weight_timeliness: number;
  weight_quality: number;
  bonus_cap: number;
  penalty_cap: number;
  updated_by: number | null;
  updated_by_label: string;
  updated_at: string;
  version: number;
};

type EvaluationAdjustmentTable = {
  id: Generated<number>;
  plan_id: number;
  unit_id: number;
  kind: 'bonus' | 'penalty';
  /** Points × 100, so sums are exact on both databases. */
  centipoints: number;
  reason: string;
  created_by: number | null;
  author_label: string;
  created_at: string;
};

type EvaluationLockTable = {
  id: Generated<number>;
  plan_id: number;
  as_of: string;
  /** JSON of the Evaluation as published. */
  snapshot: string;
  locked_by: number | null;
  locked_by_label: string;
  locked_at: string;
};

/** The evaluation tables on top of the schema. */
export type EvaluationTables = {
  evaluation_rubrics: EvaluationRubricTable;
  evaluation_adjustments: EvaluationAdjustmentTable;
  evaluation_locks: EvaluationLockTable;
};

function withEvaluation(db: Kysely<DB>) {
  return db.withTables<EvaluationTables>();
}

/** A plan's saved rubric, as stored. */
export interface RubricRow {
  completion: number;
  timeliness: number;
  quality: number;
  bonusCap: number;
  penaltyCap: number;
  updatedAt: string;
  updatedByLabel: string;
  version: number;
}

/** The rubric saved for a plan, if any. */
export async function findRubric(db: Kysely<DB>, planId: number): Promise<RubricRow | undefined> {
  const row = await withEvaluation(db)
    .selectFrom('evaluation_rubrics')
    .selectAll()
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (
    row && {
      completion: Number(row.weight_completion),
      timeliness: Number(row.weight_timeliness),
      quality: Number(row.weight_quality),
      bonusCap: Number(row.bonus_cap),
      penaltyCap: Number(row.penalty_cap),
      updatedAt: row.updated_at,
      updatedByLabel: row.updated_by_label,
      version: Number(row.version),
    }
  );
}

/** What saving a rubric writes. */
export interface RubricValues {
  completion: number;
  timeliness: number;
  quality: number;
  bonusCap: number;
  penaltyCap: number;
  updatedBy: number | null;
  updatedByLabel: string;
  updatedAt: string;
}

function rubricColumns(v: RubricValues) {
  return {
    weight_completion: v.completion,
    weight_timeliness: v.timeliness,
    weight_quality: v.quality,
    bonus_cap: v.bonusCap,
    penalty_cap: v.penaltyCap,
    updated_by: v.updatedBy,
    updated_by_label: v.updatedByLabel,
    updated_at: v.updatedAt,
  };
}

/** Stores a plan's first rubric. */
export async function insertRubric(db: Kysely<DB>, planId: number, values: RubricValues): Promise<void> {
  await withEvaluation(db)
    .insertInto('evaluation_rubrics')
    .values({ plan_id: planId, ...rubricColumns(values), version: 1 })
    .execute();
}

/** Updates a plan's rubric if it is still at the version read; 0 rows when someone else saved first. */
export async function updateRubricIfVersion(
  db: Kysely<DB>,
  planId: number,
  version: number,
  values: RubricValues,
): Promise<{ numUpdatedRows: bigint }> {
  return withEvaluation(db)
    .updateTable('evaluation_rubrics')
    .set({ ...rubricColumns(values), version: version + 1 })
    .where('plan_id', '=', planId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** A bonus or penalty entry as stored, with its unit's name. */
export interface AdjustmentRow {
  id: number;
  unitId: number;
  unitName: string;
  kind: 'bonus' | 'penalty';
  centipoints: number;
  reason: string;
  authorLabel: string;
  createdAt: string;
}

/** A plan's bonus and penalty entries, oldest first. */
export async function listAdjustments(db: Kysely<DB>, planId: number): Promise<AdjustmentRow[]> {
  const rows = await withEvaluation(db)
    .selectFrom('evaluation_adjustments')
    .innerJoin('units', 'units.id', 'evaluation_adjustments.unit_id')
    .select([
      'evaluation_adjustments.id',
      'evaluation_adjustments.unit_id',
      'units.name',
      'evaluation_adjustments.kind',
      'evaluation_adjustments.centipoints',
      'evaluation_adjustments.reason',
      'evaluation_adjustments.author_label',
      'evaluation_adjustments.created_at',
    ])
    .where('evaluation_adjustments.plan_id', '=', planId)
    .orderBy('evaluation_adjustments.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.name,
    kind: r.kind,
    centipoints: Number(r.centipoints),
    reason: r.reason,
    authorLabel: r.author_label,
    createdAt: r.created_at,
  }));
}

/** Stores a bonus or penalty entry and returns its id. */
export async function insertAdjustment(
  db: Kysely<DB>,
  values: {
    planId: number;
    unitId: number;
    kind: 'bonus' | 'penalty';
    centipoints: number;
    reason: string;
    createdBy: number | null;
    authorLabel: string;
    createdAt: string;
  },
): Promise<number> {
  const row = await withEvaluation(db)
    .insertInto('evaluation_adjustments')
    .values({
      plan_id: values.planId,
      unit_id: values.unitId,
      kind: values.kind,
      centipoints: values.centipoints,
      reason: values.reason,
      created_by: values.createdBy,
      author_label: values.authorLabel,
      created_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Deletes one entry of a plan; 0 rows when it is not there. */
export async function deleteAdjustment(db: Kysely<DB>, planId: number, id: number): Promise<bigint> {
  const result = await withEvaluation(db)
    .deleteFrom('evaluation_adjustments')
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows;
}

/** A plan's lock: when, by whom, and the evaluation as published. */
export interface LockRow {
  asOf: string;
  snapshot: string;
  lockedByLabel: string;
  lockedAt: string;
}

/** The lock of a plan's evaluation, if it was published. */
export async function findLock(db: Kysely<DB>, planId: number): Promise<LockRow | undefined> {
  const row = await withEvaluation(db)
    .selectFrom('evaluation_locks')
    .select(['as_of', 'snapshot', 'locked_by_label', 'locked_at'])
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return (
    row && {
      asOf: row.as_of,
      snapshot: row.snapshot,
      lockedByLabel: row.locked_by_label,
      lockedAt: row.locked_at,
    }
  );
}

/** Stores the lock; the unique plan_id refuses a second one (two supervisors locking at once). */
export async function insertLock(
  db: Kysely<DB>,
  values: {
    planId: number;
    asOf: string;
    snapshot: string;
    lockedBy: number | null;
    lockedByLabel: string;
    lockedAt: string;
  },
): Promise<void> {
  await withEvaluation(db)
    .insertInto('evaluation_locks')
    .values({
      plan_id: values.planId,
      as_of: values.asOf,
      snapshot: values.snapshot,
      locked_by: values.lockedBy,
      locked_by_label: values.lockedByLabel,
      locked_at: values.lockedAt,
    })
    .execute();
}

/** Every review decision (accept or return) on the reports of a plan, oldest first. */
export async function listReportReviews(
  db: Kysely<DB>,
  planId: number,
): Promise<Array<{ reportId: number; decision: 'accept' | 'return'; reviewedAt: string }>> {
  const rows = await db
    .selectFrom('reviews')
    .innerJoin('reports', 'reports.id', 'reviews.target_id')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select(['reviews.target_id', 'reviews.decision', 'reviews.created_at'])
    .where('reviews.target_type', '=', 'report')
    .where('tasks.plan_id', '=', planId)
    .orderBy('reviews.created_at')
    .orderBy('reviews.id')
    .execute();
  return rows.map((r) => ({ reportId: r.target_id, decision: r.decision, reviewedAt: String(r.created_at) }));
}

/**
 * Holds the plan row until the transaction ends, so a rubric edit and the lock of the same plan
 * never interleave on PostgreSQL; SQLite already runs one write transaction at a time.
 */
export async function holdPlanForEvaluation(
  db: Kysely<DB>,
  dialect: 'sqlite' | 'postgres',
  planId: number,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.selectFrom('plans').select('id').where('id', '=', planId).forUpdate().execute();
}

/** Whether a unit leads or co-owns any task of the plan (only such units are evaluated). */
export async function unitOwnsPlanWork(db: Kysely<DB>, planId: number, unitId: number): Promise<boolean> {
  const row = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .select('task_units.task_id')
    .where('tasks.plan_id', '=', planId)
    .where('task_units.unit_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
