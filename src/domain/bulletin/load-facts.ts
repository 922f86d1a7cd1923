import { listBulletinTasks, listIndicatorsDueBetween } from '../../db/queries/bulletins.ts';
import { latestLockedBalanceRound } from '../balance/item-balance.ts';
import { computePlanLights } from '../compute-plan-lights.ts';
import { type Context, shanghaiDate } from '../context.ts';
import { getDashboard } from '../dashboard/get-dashboard.ts';
import { loadPlanReporting } from '../reporting/load-reporting.ts';
import { periodsOfSpan } from '../reporting/reporting-rule.ts';
import type { BulletinFacts, CompletedTask, DueNext } from './facts.ts';
import type { BulletinMonth } from './month.ts';

/**
 * Gathers a month's facts for a plan the actor (a supervisor) reads whole: the dashboard as of the
 * month's end (lights by section, ranking, red tasks, reporting trend), the item lights with their
 * reasons, tasks completed in the month, what falls due in the next one, and the latest
 * seven-indicator collection round locked by then (the monitor's result, issue 16). No light is
 * computed here; they all come from computePlanLights.
 */
export async function loadBulletinFacts(
  ctx: Context,
  plan: { id: number; title: string; organizationId: number },
  organizationName: string,
  span: BulletinMonth,
): Promise<BulletinFacts> {
  const input = { planId: plan.id, asOf: span.asOf };
  const [dashboard, lights, tasks, indicatorsDue, reporting, balance] = await Promise.all([
    getDashboard(ctx, input),
    computePlanLights(ctx, input),
    listBulletinTasks(ctx.db, plan.id),
    listIndicatorsDueBetween(ctx.db, plan.id, span.next.firstDay, span.next.lastDay),
    loadPlanReporting(ctx.db, plan.organizationId, plan.id),
    latestLockedBalanceRound(ctx.db, plan.organizationId, span.asOf),
  ]);
  const topTasks = tasks.filter((t) => t.parentTaskId === null);
  const completedOn = (t: { status: string; completedAt: string | null }) =>
    t.status === 'done' && t.completedAt ? shanghaiDate(new Date(t.completedAt)) : null;
  const inMonth = (day: string | null) => day !== null && day >= span.firstDay && day <= span.asOf;

  const completedTasks: CompletedTask[] = topTasks.flatMap((t) => {
    const on = completedOn(t);
    return on && inMonth(on)
      ? [{ itemNo: t.itemNo, itemTitle: t.itemTitle, title: t.title, unit: t.leadUnit, completedOn: on }]
      : [];
  });
  // An item is completed in the month when all its tasks are done and the last was done in it.
  const byItem = new Map<number, typeof topTasks>();
  for (const task of topTasks) byItem.set(task.itemId, [...(byItem.get(task.itemId) ?? []), task]);
  const completedItems = [...byItem.values()].flatMap((group) => {
    const days = group.map(completedOn);
    if (days.some((d) => d === null)) return [];
    const last = (days as string[]).sort().at(-1) ?? '';
    const first = group[0];
    return first && inMonth(last) ? [{ no: first.itemNo, title: first.itemTitle, completedOn: last }] : [];
  });

  // Units of the item's own tasks by name; the schools its tasks fanned out to only by number.
  const unitsOfItem = (itemId: number) => [
    ...new Set(
      lights.tasks.filter((t) => t.itemId === itemId && t.parentTaskId === null).flatMap((t) => t.units),
    ),
  ];
  const schoolsOfItem = (itemId: number) =>
    new Set(
      lights.tasks.filter((t) => t.itemId === itemId && t.parentTaskId !== null).flatMap((t) => t.units),
    ).size;
  const lagging = lights.items
    .filter((item) => item.light === 'red' || item.light === 'yellow')
    .sort((a, b) => (a.light === b.light ? a.no - b.no : a.light === 'red' ? -1 : 1))
    .map((item) => ({
      no: item.no,
      title: item.title,
      light: item.light,
      reason: item.reason,
      leaders: item.leaders,
      units: unitsOfItem(item.itemId),
      schools: schoolsOfItem(item.itemId),
    }));

  const taskById = new Map(topTasks.map((t) => [t.taskId, t]));
  const open = (taskId: number) => taskById.get(taskId)?.status !== 'done';
  const dueNext: DueNext[] = [
    ...topTasks
      .filter((t) => t.status !== 'done' && t.dueOn >= span.next.firstDay && t.dueOn <= span.next.lastDay)
      .map((t) => ({ itemNo: t.itemNo, title: t.title, unit: t.leadUnit, dueOn: t.dueOn, what: null })),
    ...indicatorsDue
      .filter((d) => open(d.taskId) && taskById.get(d.taskId)?.dueOn !== d.dueOn)
      .flatMap((d) => {
        const task = taskById.get(d.taskId);
        return task
          ? [{ itemNo: task.itemNo, title: task.title, unit: task.leadUnit, dueOn: d.dueOn, what: d.text }]
          : [];
      }),
  ].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.itemNo - b.itemNo);

  const reportDueNext = [
    ...new Set(
      periodsOfSpan(reporting.planRule, span.next.firstDay, span.next.lastDay, reporting)
        .map((p) => p.dueOn)
        .filter((d) => d >= span.next.firstDay && d <= span.next.lastDay),
    ),
  ].sort();

  const schools = dashboard.ranking.filter((r) => r.kind === 'school');
  const trend = dashboard.trend.find((t) => t.month === span.month);
  return {
    planTitle: plan.title,
    organizationName,
    month: span.month,
    asOf: span.asOf,
    nextMonth: span.next.month,
    itemTotal: lights.items.length,
    taskTotal: topTasks.length,
    schoolTaskTotal: tasks.length - topTasks.length,
    plan: { light: dashboard.plan.light, progress: dashboard.plan.progress, counts: dashboard.plan.counts },
    itemCounts: dashboard.itemCounts,
    sections: dashboard.sections,
    monthReports:
      trend && trend.onTime + trend.late + trend.missing > 0
        ? { onTime: trend.onTime, late: trend.late, missing: trend.missing }
        : null,
    completedItems,
    completedTasks,
    lagging,
    overdue: dashboard.overdue,
    overdueTasks: dashboard.overdueTasks,
    ranking: dashboard.ranking.filter((r) => r.kind === 'department'),
    schools: {
      count: schools.length,
      due: schools.reduce((sum, r) => sum + r.reportsDue, 0),
      onTime: schools.reduce((sum, r) => sum + r.reportsOnTime, 0),
    },
    dueNext,
    reportDueNext,
    balance: balance
      ? {
          roundName: balance.round.name,
          lockedOn: balance.lockedOn,
          rows: balance.rows,
          result: balance.result,
        }
      : null,
  };
}
