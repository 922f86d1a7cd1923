import type { OverdueTask } from '../../shared/dashboard.ts';
import { daysBetween } from '../lights/index.ts';
import type { PlanLights, TaskLightRow } from '../plan-lights-model.ts';

/** Days a task is past its due date (open work) or its oldest overdue report, whichever is more. */
export function daysOverdue(task: TaskLightRow, asOf: string): number {
  const days = [task.report.overdueDays];
  if (task.status !== 'done' && task.dueOn < asOf) days.push(daysBetween(task.dueOn, asOf));
  return Math.max(0, ...days);
}

// A parent task takes the worst light of its school copies; it is listed only when it is red on
// its own account, so one school's lapse shows once, under the school.
function redOnItsOwn(task: TaskLightRow, asOf: string): boolean {
  return (
    task.report.light === 'red' ||
    task.indicators.some((indicator) => indicator.light === 'red') ||
    (task.indicators.length === 0 && task.status !== 'done' && task.dueOn < asOf)
  );
}

/** The red tasks of a plan, worst first (most days overdue, then item and task order). */
export function overdueTasks(lights: PlanLights): OverdueTask[] {
  const items = new Map(lights.items.map((item) => [item.itemId, item]));
  const parents = new Set(lights.tasks.flatMap((t) => (t.parentTaskId === null ? [] : [t.parentTaskId])));
  return lights.tasks
    .filter((task) => task.light === 'red')
    .filter((task) => !parents.has(task.taskId) || redOnItsOwn(task, lights.asOf))
    .map((task) => {
      const item = items.get(task.itemId);
      return {
        taskId: task.taskId,
        title: task.title,
        itemId: task.itemId,
        itemNo: item?.no ?? 0,
        itemTitle: item?.title ?? '',
        owners: task.units,
        dueOn: task.dueOn,
        daysOverdue: daysOverdue(task, lights.asOf),
        reason: task.reason,
      };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.itemNo - b.itemNo || a.taskId - b.taskId);
}
