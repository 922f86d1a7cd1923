import { findVisibleTask, type TaskInContext } from '../db/queries/tasks.ts';
import type { Actor, Tx } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { workflowMessages as W } from '../domain/workflow-messages.ts';
import { policyMessages as M } from './messages.ts';
import { type AbilityRule, hasBusinessRole, isSupervisor, supervises } from './roles.ts';

// Tasks and the work on them: a unit's users own their unit's tasks; the organization's supervisors
// act with full rights on its work; an item's leader reviews its work. A parent bureau reads its
// districts' tasks (visibility.ts) and changes none of them: every check below compares the task's
// organization with the actor's.

/** The abilities of tasks. */
export const taskAbilities = {
  'tasks.read': hasBusinessRole,
  'tasks.edit': isSupervisor,
} satisfies Record<string, AbilityRule>;

/** Loads a task the actor may see, or throws NOT_FOUND: what one may not see does not exist. */
export async function requireVisibleTask(trx: Tx, actor: Actor, taskId: number): Promise<TaskInContext> {
  const task = await findVisibleTask(trx, actor, taskId);
  if (!task) throw new AppError('NOT_FOUND', W.taskNotFound, { taskId });
  return task;
}

/** Throws unless the actor's unit leads or co-owns the task (FORBIDDEN: they can see it, e.g. its leader). */
export function requireOwner(task: TaskInContext): void {
  if (!task.actorOwns) throw new AppError('FORBIDDEN', W.notOwner, { taskId: task.id });
}

/** Throws CONFLICT unless the task's plan is published and the task is still open for the owner's work. */
export function requireOpenTask(task: TaskInContext): void {
  if (task.planStatus !== 'published')
    throw new AppError('CONFLICT', W.planNotPublished, { taskId: task.id });
  if (task.status === 'done') throw new AppError('CONFLICT', W.taskDone, { taskId: task.id });
}

/** Whether the actor acts with full rights in the organization that owns the work: its supervisors. */
export function isSupervisorOf(actor: Actor, organizationId: number): boolean {
  return supervises(actor, organizationId);
}

/** Whether the actor may accept or return a report or occurrence on an item: a supervisor or its leader. */
export function canReview(actor: Actor, organizationId: number, actorLeadsItem: boolean): boolean {
  return isSupervisorOf(actor, organizationId) || (actor.organizationId === organizationId && actorLeadsItem);
}

/** Whether the actor may change a task (due date, units): a supervisor of its organization. */
export function mayEditTask(actor: Actor, task: { organizationId: number }): boolean {
  return supervises(actor, task.organizationId);
}

/** Throws FORBIDDEN unless the actor may change the task. */
export function requireTaskEditor(actor: Actor, task: { organizationId: number }): void {
  if (!mayEditTask(actor, task)) throw new AppError('FORBIDDEN', M.notEditor);
}
