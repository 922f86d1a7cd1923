import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import type { DB, ReviewState, TaskStatus } from '../schema.ts';
import { taskVisibleTo } from './visibility.ts';

/** One owner (lead or co-owner) of a task the actor may see, with the task's dates and the unit. */
export interface TaskOwnerRow {
  taskId: number;
  unitId: number;
  role: 'lead' | 'co';
  unitName: string;
  unitKind: 'department' | 'school';
  startOn: string;
  dueOn: string;
  status: TaskStatus;
  completedAt: string | null;
}

/** A report on a task the actor may see: who, which period, when last handed in, its review state. */
export interface ReportFilingRow {
  taskId: number;
  unitId: number;
  period: string;
  submittedAt: string;
  state: ReviewState;
}

/** Every owner of every task of a plan the actor may see, in one query. */
export async function listVisibleTaskOwners(
  db: Kysely<DB>,
  actor: Actor,
  planId: number,
): Promise<TaskOwnerRow[]> {
  const rows = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select([
      'task_units.task_id',
      'task_units.unit_id',
      'task_units.role',
      'units.name',
      'units.kind',
      'tasks.start_on',
      'tasks.due_on',
      'tasks.status',
      'tasks.completed_at',
    ])
    .where('tasks.plan_id', '=', planId)
    .where(taskVisibleTo(actor))
    .orderBy('task_units.task_id')
    .orderBy('task_units.unit_id')
    .execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    unitId: r.unit_id,
    role: r.role,
    unitName: r.name,
    unitKind: r.kind,
    startOn: r.start_on,
    dueOn: r.due_on,
    status: r.status,
    completedAt: r.completed_at,
  }));
}

/** Every report on the tasks of a plan the actor may see, in one query. */
export async function listVisibleReportFilings(
  db: Kysely<DB>,
  actor: Actor,
  planId: number,
): Promise<ReportFilingRow[]> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select(['reports.task_id', 'reports.unit_id', 'reports.period', 'reports.submitted_at', 'reports.state'])
    .where('tasks.plan_id', '=', planId)
    .where(taskVisibleTo(actor))
    .orderBy('reports.id')
    .execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    unitId: r.unit_id,
    period: r.period,
    submittedAt: r.submitted_at,
    state: r.state,
  }));
}
