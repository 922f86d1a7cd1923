// The last steps of the demo year, taken through the use cases just before the clock, so the pages a
// demonstration opens first have something to show: a report of 人事股 with its completions waiting
// for review (待审核), a report of 办公室 returned by 陈玲玲 with her reason (被退回, the re-file form,
// the unit's notification), and the draft bulletin (工作通报) of the last finished month.
import type { Database } from '../src/db/connect.ts';
import { loadActor } from '../src/domain/accounts/load-actor.ts';
import { createBulletin } from '../src/domain/bulletin/create-bulletin.ts';
import { type Context, shanghaiDate } from '../src/domain/context.ts';
import type { CompletionInput } from '../src/domain/report-completions.ts';
import { loadPlanReporting } from '../src/domain/reporting/load-reporting.ts';
import { reportingPeriods } from '../src/domain/reporting/reporting-rule.ts';
import { reviewReport } from '../src/domain/review-report.ts';
import { submitReport } from '../src/domain/submit-report.ts';
import { EVIDENCE_FILES } from '../src/seed/plan-year-evidence.ts';
import { addDays, laterOf } from '../src/seed/seed-dates.ts';

const RETURN_REASONS = {
  withCompletions: '完成记录缺少会议纪要和签到表，请补充佐证材料并写明本月完成的具体事项后重新提交。',
  plain: '进展说明过于笼统，请写明本月完成的具体工作、数据和下一步安排后重新提交。',
};
const MINUTE = 60_000;

/** Takes the last steps; returns the draft bulletin's id, if a month had finished. */
export async function lastSteps(
  database: Database,
  options: { planId: number; through: string; clock: string; users: ReadonlyMap<string, number> },
): Promise<{ bulletinId: number | undefined }> {
  const { db } = database;
  const { planId } = options;
  const clock = Date.parse(options.clock);
  const today = shanghaiDate(new Date(clock));
  if (options.through < '2024-03-01' || today > '2024-12-31') return { bulletinId: undefined };
  const { organization_id: organizationId } = await db
    .selectFrom('plans')
    .select('organization_id')
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  const plan = { id: planId, organizationId };
  const as = async (username: string, minutesBefore: number): Promise<Context> => {
    const actor = await loadActor(db, options.users.get(username) ?? -1);
    if (!actor) throw new Error(`demo: ${username} not loaded`);
    return { db, dialect: database.dialect, actor, now: () => new Date(clock - minutesBefore * MINUTE) };
  };

  // 人事股 files a report with what it did and waits for review; when it owes none, a unit that is
  // late with a report on a task with promises files it now.
  const personnel = await as('renshigu', 90);
  let pending = await openSlot(database, plan, personnel.actor.unitId, today, true);
  let filer = personnel;
  if (!pending) {
    const owners = await db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .innerJoin('users', 'users.unit_id', 'task_units.unit_id')
      .select(['task_units.unit_id', 'users.id as userId'])
      .where('tasks.plan_id', '=', planId)
      .where('users.disabled', '=', 0)
      .orderBy('task_units.unit_id')
      .orderBy('users.id')
      .execute();
    for (const owner of owners) {
      pending = await openSlot(database, plan, owner.unit_id, today, true);
      const actor = pending && (await loadActor(db, owner.userId));
      if (pending && actor) {
        filer = { ...personnel, actor };
        break;
      }
    }
  }
  if (pending) {
    await submitReport(filer, {
      taskId: pending.taskId,
      period: pending.period,
      selfStatus: 'on_track',
      percent: 50,
      narrative: `${Number(pending.period.slice(5))}月按计划推进各项工作，完成情况见本期完成事项，佐证材料已上传。`,
      completions: pending.completions,
    });
  }

  // 办公室's report waiting for review is returned (one with completions first); without one, it
  // files one, which is returned.
  const office = await as('bangongshi', 75);
  let returned = await waitingReport(database, planId, office.actor.unitId);
  if (!returned) {
    const open = await openSlot(database, plan, office.actor.unitId, today);
    if (open) {
      const { reportId } = await submitReport(office, {
        taskId: open.taskId,
        period: open.period,
        selfStatus: 'on_track',
        percent: 45,
        narrative: `${Number(open.period.slice(5))}月组织集中学习，围绕党的二十大精神开展专题研讨。`,
        completions: open.completions,
      });
      returned = { id: reportId, itemId: open.itemId, completions: open.completions.length };
    }
  }
  if (returned) {
    const leads = await db
      .selectFrom('item_leaders')
      .innerJoin('users', 'users.leader_id', 'item_leaders.leader_id')
      .select('users.id')
      .where('item_leaders.item_id', '=', returned.itemId)
      .where('users.username', '=', 'chenlingling')
      .executeTakeFirst();
    await reviewReport(await as(leads ? 'chenlingling' : 'admin', 50), {
      reportId: returned.id,
      decision: 'return',
      comment: returned.completions > 0 ? RETURN_REASONS.withCompletions : RETURN_REASONS.plain,
    });
  }

  // The bulletin of the month before the clock's, written just before the clock.
  const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  if (lastMonth < '2024-02') return { bulletinId: undefined };
  const { id } = await createBulletin(await as('admin', 20), { planId, month: lastMonth });
  return { bulletinId: id };
}

// A unit's report still waiting for review, if it has one: of the latest month, one with completions first.
async function waitingReport(database: Database, planId: number, unitId: number | null) {
  const reports = await database.db
    .selectFrom('reports')
    .innerJoin('tasks', 'tasks.id', 'reports.task_id')
    .select(['reports.id', 'reports.period', 'tasks.item_id as itemId'])
    .select((eb) =>
      eb
        .selectFrom('occurrences')
        .select((o) => o.fn.countAll<number>().as('n'))
        .whereRef('occurrences.report_id', '=', 'reports.id')
        .as('completions'),
    )
    .where('tasks.plan_id', '=', planId)
    .where('reports.unit_id', '=', unitId ?? -1)
    .where('reports.state', '=', 'submitted')
    .orderBy('reports.period', 'desc')
    .orderBy('reports.id')
    .execute();
  const latest = reports[0]?.period;
  const report = reports.find((r) => r.period === latest && Number(r.completions) > 0) ?? reports[0];
  return report && { id: report.id, itemId: report.itemId, completions: Number(report.completions) };
}

// A month a unit still owes a report for on an open task it owns, with the completions it carries:
// the latest first, from the month being reported on (today's from its 15th, else the last), tasks
// with promises first; `withCompletions`: only one that carries some.
async function openSlot(
  database: Database,
  plan: { id: number; organizationId: number },
  unitId: number | null,
  today: string,
  withCompletions = false,
) {
  const { id: planId, organizationId } = plan;
  const tasks = await database.db
    .selectFrom('tasks')
    .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
    .select(['tasks.id', 'tasks.item_id', 'tasks.start_on', 'tasks.due_on'])
    .select((eb) =>
      eb
        .selectFrom('indicators')
        .select((i) => i.fn.countAll<number>().as('n'))
        .whereRef('indicators.task_id', '=', 'tasks.id')
        .as('promises'),
    )
    .where('tasks.plan_id', '=', planId)
    .where('task_units.unit_id', '=', unitId ?? -1)
    .where('tasks.status', 'not in', ['done', 'completion_requested'])
    .orderBy('tasks.id')
    .execute();
  const filed = await database.db
    .selectFrom('reports')
    .select(['task_id', 'period'])
    .where('unit_id', '=', unitId ?? -1)
    .execute();
  const taken = new Set(filed.map((r) => `${r.task_id}/${r.period}`));
  const ordered = [...tasks].sort(
    (a, b) => Number(Number(b.promises) > 0) - Number(Number(a.promises) > 0) || a.id - b.id,
  );
  // The months each task is reported on, by its reporting rule.
  const reporting = await loadPlanReporting(database.db, organizationId, planId);
  const owed = new Map(
    ordered.map((t) => {
      const end = t.due_on < '2024-12-31' ? t.due_on : '2024-12-31';
      const periods = reportingPeriods(reporting.ruleOfTask(t.id), t.start_on, end, reporting);
      return [t.id, new Set(periods.flatMap((p) => p.months))];
    }),
  );
  const previous = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);
  const current = today.slice(8) >= '15' ? today.slice(0, 7) : previous(today.slice(0, 7));
  for (let month = current; month >= '2024-01'; month = previous(month)) {
    for (const task of ordered) {
      if (!owed.get(task.id)?.has(month) || taken.has(`${task.id}/${month}`)) continue;
      const completions = await completionsOf(database, task.id, month, today);
      if (withCompletions && completions.length === 0) continue;
      return { taskId: task.id, itemId: task.item_id, period: month, completions };
    }
    if (withCompletions) return undefined;
  }
  return undefined;
}

// What a report carries: the month's session of a monthly promise not yet recorded, a document or
// an event promised and not yet recorded, a count still short of its least, each with its file, dated
// within the month and not after today.
async function completionsOf(
  database: Database,
  taskId: number,
  month: string,
  today: string,
): Promise<CompletionInput[]> {
  const indicators = await database.db
    .selectFrom('indicators')
    .select(['id', 'kind', 'text', 'name', 'per', 'target_min'])
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute();
  const recorded = await database.db
    .selectFrom('occurrences')
    .select(['indicator_id', 'occurred_on'])
    .where('indicator_id', 'in', indicators.map((i) => i.id).concat(-1))
    .where('state', '!=', 'returned')
    .execute();
  const file = (index: number) => {
    const f = EVIDENCE_FILES[index] as (typeof EVIDENCE_FILES)[number];
    return { fileName: f.name, mediaType: 'text/plain', bytes: f.bytes };
  };
  const monthEnd = addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);
  const last = monthEnd < today ? monthEnd : today;
  const completions: CompletionInput[] = [];
  for (const indicator of indicators) {
    const mine = recorded.filter((o) => o.indicator_id === indicator.id);
    const name = indicator.name ?? indicator.text;
    if (indicator.kind === 'recurring' && indicator.per === 'month') {
      if (mine.some((o) => o.occurred_on.startsWith(month))) continue;
      const on = laterOf(`${month}-01`, addDays(last, -3));
      completions.push({
        indicatorId: indicator.id,
        occurredOn: on,
        note: `${on} ${name}`,
        files: [file(0)],
      });
    }
    const short =
      ((indicator.kind === 'deliverable' || indicator.kind === 'event') && mine.length === 0) ||
      (indicator.kind === 'count' && mine.length < Number(indicator.target_min ?? 1));
    if (short) {
      const on = laterOf(`${month}-01`, addDays(last, -1));
      const files = [file(indicator.kind === 'deliverable' ? 4 : 1)];
      completions.push({ indicatorId: indicator.id, occurredOn: on, note: `${on} ${name}`, files });
    }
  }
  return completions;
}
