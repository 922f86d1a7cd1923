import type { OverdueEntry } from '../../shared/dashboard.ts';
import { daysBetween, type LateReport, lateReportReasons, periodRange } from '../lights/index.ts';
import type { PlanLights, TaskLightRow } from '../plan-lights-model.ts';
import { overdueMessages as M } from './overdue-messages.ts';

/** An overdue thing before it is placed on its task's row. */
type Thing = Pick<OverdueEntry, 'what' | 'owners' | 'dueOn' | 'daysOverdue' | 'reason'> & {
  /** Groups the same lapse of several school copies. */
  key: string;
};

/**
 * The overdue things of a plan's red tasks (逾期事项), worst first: for each red task, every
 * indicator past its due date or lagging red (from the day it fell due), one entry per unit whose
 * oldest outstanding report is past the grace days (all it owes, counted from that report's due
 * day), and the same lapses of
 * the schools the task was fanned out to, one entry each. The dashboard, the bulletin and the
 * supervision pages read these; "逾期N天" is always counted from the date printed beside it.
 */
export function overdueEntries(lights: PlanLights): OverdueEntry[] {
  const items = new Map(lights.items.map((item) => [item.itemId, item]));
  const ids = new Set(lights.tasks.map((t) => t.taskId));
  const childrenOf = new Map<number, TaskLightRow[]>();
  for (const task of lights.tasks) {
    if (task.parentTaskId === null || !ids.has(task.parentTaskId)) continue;
    childrenOf.set(task.parentTaskId, [...(childrenOf.get(task.parentTaskId) ?? []), task]);
  }
  const grace = lights.settings.reportGraceDays;
  const entries: OverdueEntry[] = [];
  for (const task of lights.tasks) {
    // A school copy stands on its own only when the reader cannot see its parent (a school user).
    if (task.parentTaskId !== null && ids.has(task.parentTaskId)) continue;
    if (task.light !== 'red') continue;
    const item = items.get(task.itemId);
    const things = [
      ...thingsOf(task, lights.asOf, grace),
      ...schoolThings(childrenOf.get(task.taskId) ?? [], lights.asOf, grace),
    ];
    for (const thing of things) {
      entries.push({
        taskId: task.taskId,
        title: task.title,
        itemId: task.itemId,
        itemNo: item?.no ?? 0,
        itemTitle: item?.title ?? '',
        what: thing.what,
        owners: thing.owners,
        dueOn: thing.dueOn,
        daysOverdue: thing.daysOverdue,
        reason: thing.reason,
      });
    }
  }
  return entries.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      a.itemNo - b.itemNo ||
      a.taskId - b.taskId ||
      a.what.localeCompare(b.what),
  );
}

/** How many tasks the entries belong to. */
export function overdueTaskCount(entries: readonly OverdueEntry[]): number {
  return new Set(entries.map((e) => e.taskId)).size;
}

// One task's own overdue things: red indicators (or the task's own deadline when it has none) and
// each unit's reports overdue past the grace days.
function thingsOf(task: TaskLightRow, asOf: string, grace: number): Thing[] {
  const things: Thing[] = [];
  for (const indicator of task.indicators) {
    if (indicator.light !== 'red' || !indicator.lateSince) continue;
    const what = indicator.name ?? indicator.text;
    things.push({
      key: `indicator:${indicator.text}`,
      what,
      owners: task.units,
      dueOn: indicator.lateSince,
      daysOverdue: Math.max(0, daysBetween(indicator.lateSince, asOf)),
      reason: indicator.reason,
    });
  }
  if (task.indicators.length === 0 && task.status !== 'done' && task.dueOn < asOf && task.light === 'red') {
    const days = daysBetween(task.dueOn, asOf);
    things.push({
      key: 'task',
      what: M.taskItself,
      owners: task.units,
      dueOn: task.dueOn,
      daysOverdue: days,
      reason: M.taskOverdue(task.dueOn, days),
    });
  }
  // A unit whose oldest outstanding report is past the grace days is listed with all it owes.
  const byUnit = new Map<string, LateReport[]>();
  for (const late of task.report.late) {
    const unit = late.unit ?? task.units[0] ?? '';
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), late]);
  }
  for (const [unit, late] of byUnit) {
    const oldest = late.reduce((a, b) => (b.days > a.days ? b : a));
    if (oldest.days <= grace) continue;
    things.push({
      key: 'reports',
      what: M.reports(late.length === 1 ? oldest.label : periodRange(late)),
      owners: unit ? [unit] : task.units,
      dueOn: oldest.dueOn,
      daysOverdue: oldest.days,
      reason: lateReportReasons(late).join(''),
    });
  }
  return things;
}

// The same lapse of several school copies told once: how many schools, the oldest due date, the
// longest delay, and the first schools by name.
function schoolThings(copies: readonly TaskLightRow[], asOf: string, grace: number): Thing[] {
  const groups = new Map<string, Array<{ school: string; thing: Thing; late: LateReport[] }>>();
  for (const copy of copies) {
    if (copy.light !== 'red') continue;
    const school = copy.units[0] ?? '';
    const lateReports = copy.report.late;
    for (const thing of thingsOf(copy, asOf, grace)) {
      const late = thing.key === 'reports' ? lateReports : [];
      groups.set(thing.key, [...(groups.get(thing.key) ?? []), { school, thing, late }]);
    }
  }
  return [...groups.values()].map((members) => {
    const oldest = members.reduce((a, b) => (b.thing.daysOverdue > a.thing.daysOverdue ? b : a));
    const schools = [...new Set(members.map((m) => m.school))];
    const allLate = members.flatMap((m) => m.late);
    const periods = [...new Map(allLate.map((l) => [l.period, l])).values()];
    const what =
      oldest.thing.key === 'reports'
        ? M.reports(periods.length === 1 ? (periods[0]?.label ?? '') : periodRange(periods))
        : oldest.thing.what;
    const earliest = members.map((m) => m.thing.dueOn).sort()[0] ?? oldest.thing.dueOn;
    // A reduce, not Math.max(...): a group of many thousand schools would overflow the call stack.
    const longest = members.reduce((max, m) => Math.max(max, m.thing.daysOverdue), 0);
    return {
      key: oldest.thing.key,
      what,
      owners: [M.schools(schools.length)],
      dueOn: earliest,
      daysOverdue: longest,
      reason: M.schoolsReason(schools, what, longest),
    };
  });
}
