import type { Kysely } from 'kysely';
import { listOrganizationIds } from '../db/queries/jobs.ts';
import type { DB } from '../db/schema.ts';
import { shanghaiDate } from '../domain/context.ts';
import { scheduleJob } from './schedule-job.ts';
import type { DailySchedule } from './schedules.ts';

/** The id and due moment of one daily slot: `${kind}:${organizationId}:${date}` at `at` Beijing time. */
export function dailySlot(
  schedule: DailySchedule,
  organizationId: number,
  date: string,
): { id: string; runAt: Date } {
  const match = /^(\d{2}):(\d{2})$/.exec(schedule.at);
  if (!match) throw new Error(`每日任务 ${schedule.kind} 的时间“${schedule.at}”无效，应为 HH:MM`);
  // Beijing is UTC+8 all year (no daylight saving time).
  const runAt = new Date(`${date}T${match[1]}:${match[2]}:00+08:00`);
  if (Number.isNaN(runAt.getTime())) throw new Error(`每日任务 ${schedule.kind} 的时间“${schedule.at}”无效`);
  return { id: `${schedule.kind}:${organizationId}:${date}`, runAt };
}

/**
 * Makes sure today's (Asia/Shanghai) slot of every daily schedule exists for every organization;
 * a slot whose time has passed today is due at once. Returns how many slots this call created.
 */
export async function ensureDailySlots(
  db: Kysely<DB>,
  now: Date,
  schedules: readonly DailySchedule[],
): Promise<number> {
  if (schedules.length === 0) return 0;
  const today = shanghaiDate(now);
  let created = 0;
  for (const organizationId of await listOrganizationIds(db)) {
    for (const schedule of schedules) {
      const slot = dailySlot(schedule, organizationId, today);
      const inserted = await scheduleJob(db, {
        id: slot.id,
        kind: schedule.kind,
        organizationId,
        runAt: slot.runAt,
        payload: { date: today },
        now,
      });
      if (inserted) created += 1;
    }
  }
  return created;
}
