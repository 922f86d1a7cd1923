import { listTasksForActor, type TaskListEntry } from '../db/queries/task-list.ts';
import { computePlanLights } from './compute-plan-lights.ts';
import type { Context } from './context.ts';
import type { Light } from './lights/index.ts';
import type { TaskLightRow } from './plan-lights-model.ts';

/** Filters of the task list; all optional and combined with "and". */
export interface ListTasksInput {
  /** Only the actor's own work: their unit's tasks, or for a leader the items naming them. */
  mine?: boolean;
  /** Only tasks this department or school leads or co-owns. */
  department?: number;
  /** Only tasks whose computed light is this one. */
  light?: Light;
  /** Only tasks due strictly before this day (YYYY-MM-DD). */
  dueBefore?: string;
  planId?: number;
  /** The day lights are computed for (default: today in Asia/Shanghai). */
  asOf?: string;
}

/** A listed task with its owners and its light, progress and reason. */
export interface ListedTask extends TaskListEntry {
  leadUnit: string | null;
  units: string[];
  light: Light;
  /** Accepted share of what the task owes so far; null while nothing is owed. */
  progress: number | null;
  reason: string;
}

/**
 * The tasks the actor may see across plans, filtered; visibility and the stored filters apply
 * inside the query, the light filter after computing lights once per plan in the result.
 */
export async function listTasks(ctx: Context, input: ListTasksInput): Promise<ListedTask[]> {
  const rows = await listTasksForActor(ctx.db, ctx.actor, {
    mine: input.mine,
    unitId: input.department,
    dueBefore: input.dueBefore,
    planId: input.planId,
  });
  const lightsByTask = new Map<number, TaskLightRow>();
  for (const planId of new Set(rows.map((r) => r.planId))) {
    const lights = await computePlanLights(ctx, { planId, asOf: input.asOf });
    for (const task of lights.tasks) lightsByTask.set(task.taskId, task);
  }
  const listed: ListedTask[] = [];
  for (const row of rows) {
    const light = lightsByTask.get(row.id);
    // Every visible task of a visible plan has a light; a row without one cannot be shown truthfully.
    if (!light) continue;
    if (input.light !== undefined && light.light !== input.light) continue;
    listed.push({
      ...row,
      leadUnit: light.leadUnit,
      units: light.units,
      light: light.light,
      progress: light.progress,
      reason: light.reason,
    });
  }
  return listed;
}
