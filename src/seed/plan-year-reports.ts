import type { PlanReporting } from '../domain/reporting/load-reporting.ts';
import { reportingPeriods } from '../domain/reporting/reporting-rule.ts';
import {
  auditRow,
  type Ids,
  type PlanYearData,
  RETURN_REASONS,
  type RowBatch,
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
 * Generates the monthly reports of every owner of every task up to `through`, following the
 * task's reporting rule and the working-day calendar, as submitReport and reviewReport write them:
 * most on time, some late, some missing, a few returned and re-filed. A task stops reporting
 * on the day its completion (办结) was accepted.
 */
export function generateReports(
  data: PlanYearData,
  reporting: PlanReporting,
  doneOn: ReadonlyMap<number, string>,
  batch: RowBatch,
  ids: Ids,
  random: SeededRandom,
): void {
  const yearEnd = `${data.year}-12-31`;
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
      if (userId === undefined) continue;
      const r = random.fork(`rep${task.id}/${unitId}`);
      // Some units are diligent, some are not: the chance of a late or missing report varies.
      const sloppiness = r.chance(0.75) ? r.next() * 0.05 : r.next() * 0.3;
      for (const [index, period] of periods.entries()) {
        const roll = r.next();
        if (roll < sloppiness * 0.3) continue;
        const late = roll < sloppiness;
        const filedOn = late
          ? addDays(period.dueOn, r.int(1, 15))
          : laterOf(addDays(period.dueOn, -r.int(0, 8)), laterOf(period.startOn, task.start_on));
        const done = doneOn.get(task.id);
        if (filedOn > data.through || (done !== undefined && filedOn >= done)) continue;
        const fileMonth = filedOn.slice(0, 7);
        const month = [...period.months]
          .reverse()
          .find((m) => m <= fileMonth && m.startsWith(String(data.year)));
        if (!month) continue;
        const percent = Math.min(100, Math.round(((index + 1) / periods.length) * 100 - r.int(0, 12)));
        const selfStatus = late
          ? r.pick(['at_risk', 'delayed', 'on_track'] as const)
          : r.chance(0.9)
            ? 'on_track'
            : 'at_risk';
        const monthLabel = `${Number(month.slice(5))}月`;
        const narrative = r.pick(NARRATIVES)(title, monthLabel);
        fileReport(data, batch, ids, r, {
          taskId: task.id,
          itemId: task.item_id,
          unitId,
          userId,
          period: month,
          filedOn,
          percent: Math.max(0, percent),
          selfStatus,
          narrative,
        });
      }
    }
  }
}

interface Filing {
  taskId: number;
  itemId: number;
  unitId: number;
  userId: number;
  period: string;
  filedOn: string;
  percent: number;
  selfStatus: 'on_track' | 'at_risk' | 'delayed';
  narrative: string;
}

function fileReport(data: PlanYearData, batch: RowBatch, ids: Ids, r: SeededRandom, f: Filing): void {
  const id = ids.reports.take();
  const key = { taskId: f.taskId, unitId: f.unitId, period: f.period };
  let filing = {
    selfStatus: f.selfStatus,
    percent: f.percent,
    narrative: f.narrative,
    submittedBy: f.userId,
    submittedAt: workMoment(r, f.filedOn),
  };
  let state: 'submitted' | 'accepted' | 'returned' = 'submitted';
  let revision = 1;
  let version = 1;
  batch.add(
    'audit_log',
    auditRow(
      data,
      ids,
      f.userId,
      {
        action: 'report.submit',
        entityType: 'report',
        entityId: id,
        after: { ...key, ...filing, state, revision, version, evidence: [] },
      },
      filing.submittedAt,
    ),
  );
  let filedOn = f.filedOn;
  for (;;) {
    const reviewOn = workingDaysAfter(data.work, filedOn, r.int(1, 6));
    if (reviewOn > data.through) break;
    const decision = revision === 1 && r.chance(0.06) ? 'return' : 'accept';
    const comment = decision === 'return' ? r.pick(RETURN_REASONS) : '';
    const reviewer = reviewerFor(data, f.itemId, r);
    const reviewedAt = laterOf(workMoment(r, reviewOn), filing.submittedAt);
    const reviewId = ids.reviews.take();
    const before = { state, version, revision };
    state = decision === 'accept' ? 'accepted' : 'returned';
    version++;
    batch.add('reviews', [reviewId, 'report', id, decision, comment, reviewer, reviewedAt]);
    batch.add(
      'audit_log',
      auditRow(
        data,
        ids,
        reviewer,
        {
          action: `report.${decision}`,
          entityType: 'report',
          entityId: id,
          before,
          after: { state, version, revision, reviewId, comment },
        },
        reviewedAt,
      ),
    );
    if (state === 'accepted') break;
    // Returned: the unit re-files a few working days later, if that is before the end.
    const refileOn = workingDaysAfter(data.work, reviewOn, r.int(1, 6));
    if (refileOn > data.through) break;
    const existing = { id, ...key, ...filing, state, revision, version };
    filing = {
      ...filing,
      percent: Math.min(100, filing.percent + r.int(0, 5)),
      narrative: `${filing.narrative}${REFILE_NOTES}`,
      submittedAt: laterOf(workMoment(r, refileOn), reviewedAt),
    };
    state = 'submitted';
    revision++;
    version++;
    batch.add(
      'audit_log',
      auditRow(
        data,
        ids,
        f.userId,
        {
          action: 'report.refile',
          entityType: 'report',
          entityId: id,
          before: existing,
          after: { ...key, ...filing, state, revision, version, evidence: [] },
        },
        filing.submittedAt,
      ),
    );
    filedOn = refileOn;
  }
  batch.add('reports', [
    id,
    f.taskId,
    f.unitId,
    f.period,
    filing.selfStatus,
    filing.percent,
    filing.narrative,
    state,
    f.userId,
    filing.submittedAt,
    revision,
    version,
  ]);
}

/** Columns of generated report rows. */
export const REPORT_COLUMNS = [
  'id',
  'task_id',
  'unit_id',
  'period',
  'self_status',
  'percent',
  'narrative',
  'state',
  'submitted_by',
  'submitted_at',
  'revision',
  'version',
];
