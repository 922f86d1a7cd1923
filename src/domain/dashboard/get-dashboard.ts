import { listVisibleReportFilings, listVisibleTaskOwners } from '../../db/queries/dashboard.ts';
import { findVisiblePlan } from '../../db/queries/plans.ts';
import type { DashboardResponse } from '../../shared/dashboard.ts';
import { type CachedRead, cachedPlanRead } from '../cache/plan-read-cache.ts';
import { computePlanLights } from '../compute-plan-lights.ts';
import { type Context, shanghaiDate } from '../context.ts';
import { countLights } from '../lights/index.ts';
import { loadPlanReporting } from '../reporting/load-reporting.ts';
import { overdueEntries, overdueTaskCount } from './overdue-entries.ts';
import { tallyReporting } from './reporting-tally.ts';
import { unitStandings } from './unit-standings.ts';

/** Which plan, as of which day (default: today in Asia/Shanghai). */
export interface GetDashboardInput {
  planId: number;
  asOf?: string;
}

/**
 * A plan's dashboard as of a day: its lights and summaries, items by light, sections and departments
 * by light, the ranking of departments and schools by on-time reporting, the monthly reporting trend
 * and the red tasks. Counts only what the actor may see; a fixed number of queries whatever the size.
 */
export async function getDashboard(ctx: Context, input: GetDashboardInput): Promise<DashboardResponse> {
  const { db, actor } = ctx;
  // Plan visibility and the asOf check happen in computePlanLights, which throws before the
  // other answers are read.
  const [lights, plan, owners, filings, reportingRules] = await Promise.all([
    computePlanLights(ctx, input),
    findVisiblePlan(db, actor, input.planId),
    listVisibleTaskOwners(db, actor, input.planId),
    listVisibleReportFilings(db, actor, input.planId),
    loadPlanReporting(db, actor.organizationId, input.planId),
  ]);
  const year = plan?.year ?? Number(lights.asOf.slice(0, 4));
  const reporting = tallyReporting(
    owners.map((o) => ({
      taskId: o.taskId,
      unitId: o.unitId,
      startOn: o.startOn,
      dueOn: o.dueOn,
      completedOn: o.status === 'done' && o.completedAt ? shanghaiDate(new Date(o.completedAt)) : null,
    })),
    filings.map((f) => ({
      taskId: f.taskId,
      unitId: f.unitId,
      period: f.period,
      submittedOn: shanghaiDate(new Date(f.submittedAt)),
      state: f.state,
    })),
    year,
    lights.asOf,
    reportingRules,
  );
  const standings = unitStandings(owners, new Map(lights.tasks.map((t) => [t.taskId, t])), reporting.byUnit);
  const { light, progress, reason, counts } = lights.plan;
  const overdue = overdueEntries(lights);
  return {
    planId: lights.planId,
    asOf: lights.asOf,
    plan: { light, progress, reason, counts },
    ...lights.summaries,
    itemCounts: countLights(lights.items.map((item) => item.light)),
    sections: lights.sections.map((s) => ({
      sectionId: s.sectionId,
      no: s.no,
      title: s.title,
      light: s.light,
      progress: s.progress,
      counts: s.counts,
    })),
    departments: standings.departments,
    ranking: standings.ranking,
    trend: reporting.trend,
    overdue,
    overdueTasks: overdueTaskCount(overdue),
  };
}

/** The dashboard as JSON text ready to send, from the read cache when nothing it reads has changed. */
export function getDashboardJson(ctx: Context, input: GetDashboardInput): Promise<CachedRead> {
  return cachedPlanRead(ctx, 'dashboard', input, () => getDashboard(ctx, input));
}
