import { listReminderFindings } from '../../db/queries/findings.ts';
import { listItemLeaders } from '../../db/queries/plan-items.ts';
import { loadPlanReports } from '../../db/queries/reports.ts';
import { loadPlanTasks } from '../../db/queries/tasks.ts';
import { listUnits } from '../../db/queries/units.ts';
import { loadOpenRounds, owesRows } from '../balance/workbench-rounds.ts';
import { computePlanLights } from '../compute-plan-lights.ts';
import { type Context, shanghaiDate } from '../context.ts';
import { expectedReports, filingOf, type ReportFiling } from '../dashboard/report-slots.ts';
import { loadPlanReporting } from '../reporting/load-reporting.ts';
import type { OpenFinding, OpenWork, ReminderWork } from './plan-reminders.ts';
import type { OpenRoundDue, RoundSchoolDue } from './round-reminders.ts';

/**
 * A plan's open work as of a day, for reminders: every task not done (its own due date, its owner
 * units), and every owner's report not handed in (a returned one counts as not handed in), with
 * the periods and due dates the lights use (reporting rule and working-day calendar). The
 * context's actor must read the whole organization (the job's system actor does).
 */
export async function loadReminderWork(
  ctx: Context,
  plan: { id: number; year: number },
  day: string,
): Promise<ReminderWork> {
  const organizationId = ctx.actor.organizationId;
  const [lights, work, leaders, reports, units, reporting] = await Promise.all([
    computePlanLights(ctx, { planId: plan.id, asOf: day }),
    loadPlanTasks(ctx.db, plan.id),
    listItemLeaders(ctx.db, plan.id),
    loadPlanReports(ctx.db, plan.id),
    listUnits(ctx.db, organizationId, { includeInactive: true }),
    loadPlanReporting(ctx.db, organizationId, plan.id),
  ]);
  const lightOf = new Map(lights.tasks.map((t) => [t.taskId, t]));
  const ownersOf = new Map<number, number[]>();
  for (const unit of [...work.units].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1))) {
    ownersOf.set(unit.task_id, [...(ownersOf.get(unit.task_id) ?? []), unit.unit_id]);
  }
  const filed = new Map<string, ReportFiling>(
    reports.map((r) => [
      `${r.taskId}/${r.unitId}/${r.period}`,
      { ...r, submittedOn: shanghaiDate(new Date(r.submittedAt)) },
    ]),
  );
  const open: OpenWork[] = [];
  for (const task of work.tasks) {
    const light = lightOf.get(task.id);
    if (!light || light.light === 'done' || task.status === 'done') continue;
    const owners = ownersOf.get(task.id) ?? [];
    const base = { taskId: task.id, itemId: task.item_id, title: task.title };
    open.push({ ...base, target: 'task', dueOn: task.due_on, unitIds: owners });
    for (const unitId of owners) {
      const owner = {
        taskId: task.id,
        unitId,
        startOn: task.start_on,
        dueOn: task.due_on,
        completedOn: null,
      };
      for (const slot of expectedReports(owner, plan.year, reporting)) {
        const filing = filingOf(slot, filed);
        if (filing && filing.state !== 'returned' && filing.submittedOn <= day) continue;
        open.push({
          ...base,
          target: 'report',
          dueOn: slot.dueOn,
          unitIds: [unitId],
          period: slot.period,
          periodLabel: periodLabel(slot.period),
        });
      }
    }
  }
  const items = new Map<number, { no: number; title: string; leaderIds: number[] }>();
  for (const item of lights.items) items.set(item.itemId, { no: item.no, title: item.title, leaderIds: [] });
  for (const leader of leaders) items.get(leader.itemId)?.leaderIds.push(leader.leaderId);
  return { planId: plan.id, open, items, unitNames: new Map(units.map((u) => [u.id, u.name])) };
}

/**
 * The organization's findings not yet closed (问题整改), for reminders: open ones for their unit,
 * escalated ones for the supervisors to assign, rectified ones for them to verify; with the linked
 * item and its leaders. The context's actor must read the whole organization.
 */
export async function loadReminderFindings(ctx: Context): Promise<OpenFinding[]> {
  const rows = await listReminderFindings(ctx.db, ctx.actor.organizationId);
  return rows.map((r) => ({
    findingId: r.id,
    title: r.title,
    source: r.source,
    dueOn: r.dueOn,
    status: r.status,
    unitId: r.unitId,
    unitName: r.unitName,
    planId: r.planId,
    item:
      r.itemId === null
        ? null
        : { id: r.itemId, no: r.itemNo ?? 0, title: r.itemTitle ?? '', leaderIds: r.leaderIds },
  }));
}

/**
 * The organization's open collection rounds (数据填报), for reminders: each with the schools expected
 * to fill it that have not submitted their rows (nothing filed, a draft, or returned). Locked rounds
 * and schools whose rows all wait for review or are accepted are left out.
 */
export async function loadReminderRounds(ctx: Context): Promise<OpenRoundDue[]> {
  const rounds = await loadOpenRounds(ctx.db, ctx.actor.organizationId);
  return rounds.map(({ round, schools }) => ({
    roundId: round.id,
    name: round.name,
    dueOn: round.dueOn,
    schools: schools.filter(owesRows).map(
      (s): RoundSchoolDue => ({
        unitId: s.unitId,
        unitName: s.unitName,
        state: s.state as RoundSchoolDue['state'],
      }),
    ),
  }));
}

// '2024-05' → '5月'; quarters and terms keep their key's wording ('2024-Q2' → '第二季度').
function periodLabel(period: string): string {
  const month = /^\d{4}-(\d{2})$/.exec(period)?.[1];
  if (month) return `${Number(month)}月`;
  const quarter = /^\d{4}-Q([1-4])$/.exec(period)?.[1];
  if (quarter) return `第${'一二三四'[Number(quarter) - 1]}季度`;
  if (period.endsWith('-spring')) return '春季学期';
  if (period.endsWith('-autumn')) return '秋季学期';
  return period;
}
