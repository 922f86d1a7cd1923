import { insertNotifications } from '../../db/queries/notifications.ts';
import {
  findItemPlan,
  insertReminder,
  listTaskOwnerUnits,
  listUnitUsers,
} from '../../db/queries/reminders.ts';
import { findVisibleTask } from '../../db/queries/tasks.ts';
import { channelReady } from '../../notify/channels.ts';
import type { RetryPolicy } from '../../notify/retry.ts';
import { isSupervisorOf } from '../../policies/tasks.ts';
import type { UrgeResult } from '../../shared/notifications.ts';
import { computePlanLights } from '../compute-plan-lights.ts';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { write } from '../write.ts';
import { deliverPendingReminders } from './deliver-reminders.ts';
import { reminderMessages as M } from './messages.ts';
import { loadNotificationSettings } from './notification-settings.ts';

/** The optional words of a manual 催办. */
export interface UrgeInput {
  message?: string | undefined;
  retry?: RetryPolicy;
}

/** A supervisor urges (催办) the owners of a red or yellow task: in-app at once, e-mail per settings. */
export async function urgeTask(ctx: Context, taskId: number, input: UrgeInput): Promise<UrgeResult> {
  const task = await findVisibleTask(ctx.db, ctx.actor, taskId);
  if (!task) throw new AppError('NOT_FOUND', M.taskNotFound, { taskId });
  if (!isSupervisorOf(ctx.actor, task.organizationId)) throw new AppError('FORBIDDEN', M.notSupervisor);
  const lights = await computePlanLights(ctx, { planId: task.planId });
  const row = lights.tasks.find((t) => t.taskId === taskId);
  const light = row?.light ?? 'grey';
  requireLagging(light);
  const units = await listTaskOwnerUnits(ctx.db, [taskId]);
  return notifyOwners(ctx, {
    targetType: 'task',
    targetId: taskId,
    units,
    title: M.urgeTitle(task.title),
    body: M.urgeBody(
      task.title,
      M.lightNames[light] ?? light,
      row?.reason ?? '',
      input.message,
      ctx.actor.label,
    ),
    link: `/plans/${task.planId}/items/${task.itemId}`,
    retry: input.retry,
  });
}

/** A supervisor urges the owners of a red or yellow item's lagging (red or yellow) tasks. */
export async function urgeItem(ctx: Context, itemId: number, input: UrgeInput): Promise<UrgeResult> {
  const item = await findItemPlan(ctx.db, itemId);
  if (!item || item.organizationId !== ctx.actor.organizationId) {
    throw new AppError('NOT_FOUND', M.itemNotFound, { itemId });
  }
  if (!isSupervisorOf(ctx.actor, item.organizationId)) throw new AppError('FORBIDDEN', M.notSupervisor);
  const lights = await computePlanLights(ctx, { planId: item.planId });
  const row = lights.items.find((i) => i.itemId === itemId);
  const light = row?.light ?? 'grey';
  requireLagging(light);
  const lagging = lights.tasks
    .filter((t) => t.itemId === itemId && (t.light === 'red' || t.light === 'yellow'))
    .map((t) => t.taskId);
  const units = await listTaskOwnerUnits(ctx.db, lagging);
  const what = `${M.itemPrefix(item.no)}${item.title}`;
  return notifyOwners(ctx, {
    targetType: 'item',
    targetId: itemId,
    units,
    title: M.urgeTitle(what),
    body: M.urgeBody(what, M.lightNames[light] ?? light, row?.reason ?? '', input.message, ctx.actor.label),
    link: `/plans/${item.planId}/items/${itemId}`,
    retry: input.retry,
  });
}

function requireLagging(light: string): void {
  if (light !== 'red' && light !== 'yellow') {
    throw new AppError('INVALID_INPUT', M.urgeOnlyRedOrYellow(M.lightNames[light] ?? light), { light });
  }
}

async function notifyOwners(
  ctx: Context,
  urge: {
    targetType: 'task' | 'item';
    targetId: number;
    units: number[];
    title: string;
    body: string;
    link: string;
    retry: RetryPolicy | undefined;
  },
): Promise<UrgeResult> {
  const organizationId = ctx.actor.organizationId;
  const [people, settings] = await Promise.all([
    listUnitUsers(ctx.db, organizationId, urge.units),
    loadNotificationSettings(ctx.db, organizationId),
  ]);
  if (people.length === 0) throw new AppError('INVALID_INPUT', M.urgeNoOwner, { units: urge.units });
  const message = `${urge.title}\n${urge.body}`;
  const emailIds = await write(ctx, async (trx, at) => {
    const ids: number[] = [];
    for (const person of people) {
      const base = {
        organization_id: organizationId,
        target_type: urge.targetType,
        target_id: urge.targetId,
        recipient_user_id: person.userId,
        recipient_unit_id: person.unitId,
        kind: 'urge',
        message,
        scheduled_for: at,
        day: null,
      };
      await insertReminder(trx, { ...base, channel: 'inapp', status: 'sent' });
      if (person.email && channelReady(settings, 'email')) {
        ids.push(await insertReminder(trx, { ...base, channel: 'email', status: 'pending' }));
      }
    }
    await insertNotifications(
      trx,
      people.map((p) => ({
        organizationId,
        userId: p.userId,
        kind: 'urge',
        title: urge.title,
        body: urge.body,
        link: urge.link,
        createdAt: at,
      })),
    );
    return {
      result: ids,
      audit: [
        {
          action: `${urge.targetType}.urge`,
          entityType: urge.targetType,
          entityId: urge.targetId,
          after: { units: urge.units, people: people.length },
        },
      ],
    };
  });
  const delivery =
    emailIds.length > 0 ? await deliverPendingReminders(ctx, settings, urge.retry) : { failed: 0 };
  return { reached: people.length, failed: delivery.failed };
}
