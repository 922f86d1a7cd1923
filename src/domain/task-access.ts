import { findVisibleTask, type TaskInContext } from '../db/queries/tasks.ts';
import type { Actor, Tx } from './context.ts';
import { AppError } from './errors.ts';
import { workflowMessages as M } from './workflow-messages.ts';

// Policies of the task workflow, kept apart from the use cases so that the HTTP layer can send the
// same answers to the web app (which buttons to show).

/** Loads a task the actor may see, or throws NOT_FOUND: what one may not see does not exist. */
export async function requireVisibleTask(trx: Tx, actor: Actor, taskId: number): Promise<TaskInContext> {
  const task = await findVisibleTask(trx, actor, taskId);
  if (!task) throw new AppError('NOT_FOUND', M.taskNotFound, { taskId });
  return task;
}

/** Throws unless the actor's unit leads or co-owns the task (FORBIDDEN: they can see it, e.g. its leader). */
export function requireOwner(task: TaskInContext): void {
  if (!task.actorOwns) throw new AppError('FORBIDDEN', M.notOwner, { taskId: task.id });
}

/** Throws CONFLICT unless the task's plan is published and the task is still open for the owner's work. */
export function requireOpenTask(task: TaskInContext): void {
  if (task.planStatus !== 'published')
    throw new AppError('CONFLICT', M.planNotPublished, { taskId: task.id });
  if (task.status === 'done') throw new AppError('CONFLICT', M.taskDone, { taskId: task.id });
}

/** Whether the actor acts with full rights in the organization that owns the work. */
export function isSupervisorOf(actor: Actor, organizationId: number): boolean {
  return (
    actor.organizationId === organizationId && actor.roles.some((r) => r === 'supervisor' || r === 'admin')
  );
}

/** Whether the actor may accept or return a report or occurrence on an item: supervisor, admin or its leader. */
export function canReview(actor: Actor, organizationId: number, actorLeadsItem: boolean): boolean {
  return isSupervisorOf(actor, organizationId) || (actor.organizationId === organizationId && actorLeadsItem);
}
