import type { Kysely } from 'kysely';
import { findIcalTokenUser, listFeedTasks } from '../../db/queries/ical-tokens.ts';
import { listVisibleNotices } from '../../db/queries/supervision-notices.ts';
import type { DB } from '../../db/schema.ts';
import { actingUnit } from '../../policies/roles.ts';
import { noticeNumber } from '../../shared/supervision.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { sha256Hex } from '../accounts/tokens.ts';
import type { Actor } from '../context.ts';
import { expectedReports } from '../dashboard/report-slots.ts';
import { loadOrganizationTaskReporting, type PlanReporting } from '../reporting/load-reporting.ts';
import { type AllDayEvent, buildCalendar } from './ical-format.ts';
import { icalMessages as M } from './messages.ts';

type FeedTask = Awaited<ReturnType<typeof listFeedTasks>>[number];

/** Reports are filed by department and school users, so only their feeds carry report due days. */
function reportEvents(actor: Actor, tasks: readonly FeedTask[], reporting: PlanReporting): AllDayEvent[] {
  const unitId = actingUnit(actor);
  if (unitId === null) return [];
  const byPeriod = new Map<string, { dueOn: string; titles: string[] }>();
  for (const task of tasks) {
    const owner = { taskId: task.id, unitId, startOn: task.startOn, dueOn: task.dueOn, completedOn: null };
    for (const slot of expectedReports(owner, task.year, reporting)) {
      const entry = byPeriod.get(slot.period) ?? { dueOn: slot.dueOn, titles: [] };
      entry.titles.push(task.title);
      byPeriod.set(slot.period, entry);
    }
  }
  return [...byPeriod].map(([period, { dueOn, titles }]) => ({
    uid: `report-${unitId}-${period}@duban`,
    date: dueOn,
    summary: M.reportDue(titles.length),
    description: M.reportDescription(titles),
  }));
}

/**
 * The iCal feed behind a private token: all-day events for the due dates of the user's open tasks
 * (units: their own; leaders: their items'; supervisors: all), report due days for units, and
 * the reply deadlines of open supervision notices. Undefined when the token is unknown or revoked.
 */
export async function readIcalFeed(
  deps: { db: Kysely<DB>; now: () => Date },
  token: string,
): Promise<string | undefined> {
  const owner = await findIcalTokenUser(deps.db, sha256Hex(token));
  if (!owner) return undefined;
  const actor = await loadActor(deps.db, owner.userId);
  if (!actor) return undefined;
  const [tasks, notices] = await Promise.all([
    listFeedTasks(deps.db, actor),
    listVisibleNotices(deps.db, actor, { status: 'issued' }),
  ]);
  const events: AllDayEvent[] = [
    ...tasks.map((task) => ({
      uid: `task-${task.id}-due@duban`,
      date: task.dueOn,
      summary: M.taskDue(task.title),
      description: M.taskDescription(task.itemNo, task.itemTitle, task.leadUnit),
    })),
    ...reportEvents(actor, tasks, await loadOrganizationTaskReporting(deps.db, actor.organizationId)),
    ...notices.map((notice) => ({
      uid: `notice-${notice.id}-reply@duban`,
      date: notice.replyDueOn,
      summary: M.noticeDue(noticeNumber(notice.year, notice.seq)),
      description: M.noticeDescription(notice.unitName, notice.problem),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
  return buildCalendar({ name: M.calendarName(owner.displayName), events, now: deps.now() });
}
