import { listOrganizationsWithOpenRounds } from '../../db/queries/collection-work.ts';
import { listOrganizationsWithOpenFindings } from '../../db/queries/findings.ts';
import { listOrganizationsWithPublishedPlans } from '../../db/queries/reminders.ts';
import type { JobContext, JobRun } from '../../jobs/handlers.ts';
import { shanghaiDate } from '../context.ts';
import { runDailyReminders } from './run-daily-reminders.ts';

/** The day a daily job is for: its payload's day, else the last part of its id, else today. */
export function jobDay(job: JobRun, now: Date): string {
  const payload = job.payload as { day?: unknown } | null | undefined;
  if (payload && typeof payload.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(payload.day))
    return payload.day;
  const fromId = /(\d{4}-\d{2}-\d{2})$/.exec(job.id)?.[1];
  return fromId ?? shanghaiDate(now);
}

/**
 * The job `reminders.daily`: the day's reminders of one organization (or of every one with a
 * published plan, a finding not yet closed or a collection round open).
 */
export async function runDailyRemindersJob(ctx: JobContext, job: JobRun): Promise<void> {
  const day = jobDay(job, ctx.now());
  const organizations =
    job.organizationId === null ? await organizationsToRemind(ctx.db) : [job.organizationId];
  for (const organizationId of organizations) {
    const context = {
      db: ctx.db,
      dialect: ctx.dialect,
      now: ctx.now,
      actor: { organizationId, userId: null, label: '督办提醒', roles: [], unitId: null, leaderId: null },
    };
    const result = await runDailyReminders(context, { organizationId, day });
    // Counts only: names, messages and channel addresses stay out of the log.
    ctx.log.info('reminders.daily', { organizationId, ...result });
  }
}

async function organizationsToRemind(db: JobContext['db']): Promise<number[]> {
  const [withPlans, withFindings, withRounds] = await Promise.all([
    listOrganizationsWithPublishedPlans(db),
    listOrganizationsWithOpenFindings(db),
    listOrganizationsWithOpenRounds(db),
  ]);
  return [...new Set([...withPlans, ...withFindings, ...withRounds])].sort((a, b) => a - b);
}
