import type { Kysely } from 'kysely';
import type { DB, ReportingOverrideTable } from '../schema.ts';

/** A plan's or task's own reporting fields. */
export interface ReportingOverrideRow {
  targetType: ReportingOverrideTable['target_type'];
  targetId: number;
  cycle: ReportingOverrideTable['cycle'];
  dueDay: number | null;
}

const columns = ['target_type as targetType', 'target_id as targetId', 'cycle', 'due_day as dueDay'] as const;

/** The overrides of a plan and of every task in it, in one query. */
export function listPlanReportingOverrides(
  db: Kysely<DB>,
  organizationId: number,
  planId: number,
): Promise<ReportingOverrideRow[]> {
  return db
    .selectFrom('reporting_overrides')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('target_type', '=', 'plan'), eb('target_id', '=', planId)]),
        eb.and([
          eb('target_type', '=', 'task'),
          eb(
            'target_id',
            'in',
            eb.selectFrom('tasks').select('tasks.id').where('tasks.plan_id', '=', planId),
          ),
        ]),
      ]),
    )
    .execute();
}

/** The overrides of every plan and task of an organization (a handful of rows). */
export function listReportingOverrides(
  db: Kysely<DB>,
  organizationId: number,
): Promise<ReportingOverrideRow[]> {
  return db
    .selectFrom('reporting_overrides')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Sets a plan's or task's override; both fields null removes it. */
export async function saveReportingOverride(
  db: Kysely<DB>,
  organizationId: number,
  row: ReportingOverrideRow,
  at: string,
): Promise<void> {
  await db
    .deleteFrom('reporting_overrides')
    .where('target_type', '=', row.targetType)
    .where('target_id', '=', row.targetId)
    .execute();
  if (row.cycle === null && row.dueDay === null) return;
  await db
    .insertInto('reporting_overrides')
    .values({
      target_type: row.targetType,
      target_id: row.targetId,
      organization_id: organizationId,
      cycle: row.cycle,
      due_day: row.dueDay,
      updated_at: at,
    })
    .execute();
}

/** A task of an organization whose plan or itself has an override, with both overrides' fields. */
export interface TaskOverrideRow {
  taskId: number;
  planCycle: ReportingOverrideTable['cycle'];
  planDueDay: number | null;
  taskCycle: ReportingOverrideTable['cycle'];
  taskDueDay: number | null;
}

/** Every task of an organization that a plan or task override applies to, in one query. */
export function listOverriddenTasks(db: Kysely<DB>, organizationId: number): Promise<TaskOverrideRow[]> {
  return db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .leftJoin('reporting_overrides as po', (join) =>
      join.on('po.target_type', '=', 'plan').onRef('po.target_id', '=', 'plans.id'),
    )
    .leftJoin('reporting_overrides as tov', (join) =>
      join.on('tov.target_type', '=', 'task').onRef('tov.target_id', '=', 'tasks.id'),
    )
    .select([
      'tasks.id as taskId',
      'po.cycle as planCycle',
      'po.due_day as planDueDay',
      'tov.cycle as taskCycle',
      'tov.due_day as taskDueDay',
    ])
    .where('plans.organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('po.target_id', 'is not', null), eb('tov.target_id', 'is not', null)]))
    .execute();
}
