import type { PlanReporting } from '../domain/reporting/load-reporting.ts';
import { reportingPeriods } from '../domain/reporting/reporting-rule.ts';
import {
  EVIDENCE_RETURN_REASONS,
  type PlannedFiling,
  type PlannedReport,
  type PlanYearData,
  RETURN_REASONS,
  reviewerFor,
  workingDaysAfter,
  workMoment,
} from './plan-year-model.ts';
import type { SeededRandom } from './random.ts';
import { addDays, earlierOf, laterOf } from './seed-dates.ts';

const NARRATIVES = [
  (title: string, month: string) => `${month}按计划推进“${title}”，各项工作有序开展。`,
  (title: string, month: string) => `${month}围绕“${title}”召开专题会议，明确责任分工和时间节点。`,
  (title: string, month: string) => `${month}完成“${title}”阶段性任务，已整理佐证材料。`,
  (title: string, month: string) => `${month}对“${title}”开展自查，发现问题已限期整改。`,
];

const REFILE_NOTES = '已按审核意见补充材料并修改。';

/**
 * Plans the monthly reports of every owner of every task up to `through` (their first filing),
 * following the task's reporting rule, the working-day calendar and the unit's habit: most on
 * time, some late, some missing, a silent unit's none at all from its silent month. Nothing is
 * written yet: completions are filed into these reports first (placeOccurrences), then their
 * reviews are drawn (reviewReports); a task stops reporting once its completion (办结) is accepted,
 * which is decided after that (emitReports, in plan-year-report-rows.ts, drops what follows).
 */
export function planReports(
  data: PlanYearData,
  reporting: PlanReporting,
  random: SeededRandom,
): PlannedReport[] {
  const yearEnd = `${data.year}-12-31`;
  const planned: PlannedReport[] = [];
  // Most tasks share one rule and one span, so their periods are computed once.
  const periodsMemo = new Map<string, ReturnType<typeof reportingPeriods>>();
  for (const task of data.tasks) {
    const rule = reporting.ruleOfTask(task.id);
    const end = earlierOf(yearEnd, task.due_on);
    const memoKey = `${rule.cycle}/${rule.dueDay}/${task.start_on}/${end}`;
    let periods = periodsMemo.get(memoKey);
    if (!periods) {
      periods = reportingPeriods(rule, task.start_on, end, reporting);
      periodsMemo.set(memoKey, periods);
    }
    const owners = data.owners.get(task.id) ?? [];
    const title = task.title.length > 24 ? `${task.title.slice(0, 24)}…` : task.title;
    for (const unitId of owners) {
      const userId = data.accounts.unitUser.get(unitId);
      const habit = data.habits.get(unitId);
      if (userId === undefined || !habit) continue;
      const r = random.fork(`rep${task.id}/${unitId}`);
      // The unit's habit, a little better or worse on this task.
      const sloppiness = habit.sloppiness * (0.5 + r.next());
      for (const [index, period] of periods.entries()) {
        const roll = r.next();
        if (roll < sloppiness * 0.3) continue;
        const late = roll < sloppiness;
        const filedOn = late
          ? addDays(period.dueOn, r.int(1, 15))
          : laterOf(addDays(period.dueOn, -r.int(0, 8)), laterOf(period.startOn, task.start_on));
        if (filedOn > data.through) continue;
        const fileMonth = filedOn.slice(0, 7);
        const month = [...period.months]
          .reverse()
          .find((m) => m <= fileMonth && m.startsWith(String(data.year)));
        if (!month || (habit.silentFrom !== undefined && month >= habit.silentFrom)) continue;
        const percent = Math.min(100, Math.round(((index + 1) / periods.length) * 100 - r.int(0, 12)));
        const selfStatus = late
          ? r.pick(['at_risk', 'delayed', 'on_track'] as const)
          : r.chance(0.9)
            ? 'on_track'
            : 'at_risk';
        const narrative = r.pick(NARRATIVES)(title, `${Number(month.slice(5))}月`);
        planned.push({
          taskId: task.id,
          itemId: task.item_id,
          taskTitle: task.title,
          unitId,
          userId,
          period: month,
          selfStatus,
          filings: [
            {
              on: filedOn,
              at: workMoment(r, filedOn),
              percent: Math.max(0, percent),
              narrative,
              review: undefined,
            },
          ],
          completions: [],
          random: r.fork(month),
        });
      }
    }
  }
  return planned;
}

/**
 * Draws each report's reviews: a few working days after each filing, now and then a return (退回)
 * and a re-filing a few working days after that, until accepted or `through` comes first. Reviewers
 * look harder at completions: a report carrying one without its evidence is returned far more often.
 */
export function reviewReports(data: PlanYearData, reports: readonly PlannedReport[]): void {
  for (const report of reports) {
    const r = report.random;
    const lacking = report.completions.some((c) => c.file === undefined);
    const returnChance = lacking ? 0.35 : report.completions.length > 0 ? 0.1 : 0.06;
    let filing = report.filings[0] as PlannedFiling;
    for (;;) {
      const reviewOn = workingDaysAfter(data.work, filing.on, r.int(1, 6));
      if (reviewOn > data.through) break;
      const decision = report.filings.length === 1 && r.chance(returnChance) ? 'return' : 'accept';
      filing.review = {
        on: reviewOn,
        at: laterOf(workMoment(r, reviewOn), filing.at),
        decision,
        comment: decision === 'accept' ? '' : r.pick(lacking ? EVIDENCE_RETURN_REASONS : RETURN_REASONS),
        reviewer: reviewerFor(data, report.itemId, r),
      };
      if (decision === 'accept') break;
      const refileOn = workingDaysAfter(data.work, reviewOn, r.int(1, 6));
      if (refileOn > data.through) break;
      filing = {
        on: refileOn,
        at: laterOf(workMoment(r, refileOn), filing.review.at),
        percent: Math.min(100, filing.percent + r.int(0, 5)),
        narrative: `${filing.narrative}${REFILE_NOTES}`,
        review: undefined,
      };
      report.filings.push(filing);
    }
  }
}
