import type { IndicatorPeriod } from '../../notice/types.ts';
import type { PlanDate } from './dates.ts';

// Every word a light says lives here, so an English (or other) set can replace it in one place.

/** The unit a recurring promise counts in, per period kind ("已完成2/10个月"). */
export const periodUnits: Record<IndicatorPeriod, string> = {
  week: '周',
  month: '个月',
  quarter: '个季度',
  term: '个学期',
  year: '年',
};

/** Names of periods as reasons and ledgers show them, full ('2024年5月') and short ('5月'). */
export const periodLabels = {
  month: (year: number, month: number) => ({ label: `${year}年${month}月`, shortLabel: `${month}月` }),
  quarter: (year: number, quarter: number) => ({
    label: `${year}年第${quarter}季度`,
    shortLabel: `第${quarter}季度`,
  }),
  week: (isoYear: number, week: number) => ({ label: `${isoYear}年第${week}周`, shortLabel: `第${week}周` }),
  year: (year: number) => ({ label: `${year}年`, shortLabel: `${year}年` }),
  springTerm: (year: number) => ({ label: `${year}年春季学期`, shortLabel: '春季学期' }),
  autumnTerm: (year: number) => ({ label: `${year}年秋季学期`, shortLabel: '秋季学期' }),
  wholePlan: () => ({ label: '计划期', shortLabel: '计划期' }),
};

/** The unit a count is told in ("应完成3次"). */
export const timesUnit = '次';

/** Reason templates for lights, in Chinese. */
export const messages = {
  done: () => '已办结',
  notStarted: (startOn: PlanDate) => `尚未开始（${startOn}起）`,
  overdue: (dueOn: PlanDate, days: number) => `应于${dueOn}前完成，已逾期${days}天`,
  dueSoon: (days: number) => (days === 0 ? '今天截止' : `距截止还有${days}天`),
  notDueYet: (dueOn: PlanDate) => `截止日期${dueOn}，尚未到期`,
  lagging: (expected: number, actual: number) => `应完成${expected}次，已完成${actual}次`,
  missed: (labels: readonly string[], more: number, unit: string) =>
    more > 0 ? `${labels.join('、')}等${labels.length + more}${unit}未完成` : `${labels.join('、')}未完成`,
  onTrack: (actual: number, target: number, unit: string) => `进度正常：已完成${actual}/${target}${unit}`,
  /** On track against what is owed so far, with the year's whole for scale. */
  owedDone: (expected: number, counted: number, target: number, unit: string) =>
    `进度正常：应完成${expected}${unit}，已完成${counted}${unit}（全年${target}${unit}）`,
  /** Nothing owed yet: what is done and the year's whole. */
  nothingOwedYet: (actual: number, target: number, unit: string) =>
    `尚无到期应完成，已完成${actual}${unit}（全年${target}${unit}）`,
  soFar: (actual: number, target: number, unit: string) => `已完成${actual}/${target}${unit}`,
  awaitingCompletion: () => '已完成，待办结',
  percentBelow: (target: number, actual: number) => `应达到${target}%，当前${actual}%`,
  percentOnTrack: (target: number, actual: number) => `当前${actual}%，目标${target}%`,
  percentReached: (target: number) => `已达到${target}%`,
  nothingToJudge: () => '暂无可计算的指标',
  reportOverdue: (label: string, days: number) => `${label}报告逾期${days}天`,
  reportsMissing: (periods: string, days: number) => `${periods}报告未交，最长逾期${days}天`,
  reportsInOrder: () => '报告已按期提交',
  noReportDue: () => '暂无到期报告',
  partsDone: () => '各项指标已完成，待办结',
  labelled: (label: string, reason: string) => `${label}：${reason}`,
  /** The first clauses of a reason and how many there are in all. */
  someOf: (clauses: readonly string[], total: number) => `${clauses.join('；')}等${total}项`,
  /** Joins the reasons of several parts of one light. */
  join: (reasons: readonly string[]) => reasons.join('；'),
  /** Joins the clauses of one part's reason. */
  clauses: (parts: readonly string[]) => parts.join('，'),
};

/** The short name of a monthly report period key ('2024-05' → '5月'); other keys are returned as given. */
export function reportPeriodLabel(period: string): string {
  const month = /^\d{4}-(\d{2})$/.exec(period)?.[1];
  return month ? `${Number(month)}月` : period;
}

// A reason summarised to a few clauses ends with this count of all its clauses.
const moreMarker = /等(\d+)项$/;

/**
 * Joins reasons into one of at most `shown` clauses (clauses are separated by '；'), with '等N项'
 * counting every clause when some are left out; a reason already summarised counts all of its own.
 * Repeated clauses are told once. The full list stays on the item page.
 */
export function summariseClauses(reasons: readonly string[], shown = 3): string {
  const clauses: string[] = [];
  let total = 0;
  for (const reason of reasons) {
    if (!reason) continue;
    const more = moreMarker.exec(reason);
    const parts = (more ? reason.slice(0, more.index) : reason).split('；').filter((part) => part !== '');
    const fresh = parts.filter((part) => !clauses.includes(part));
    clauses.push(...fresh);
    total += fresh.length + (more ? Math.max(0, Number(more[1]) - parts.length) : 0);
  }
  return total > shown || clauses.length > shown
    ? messages.someOf(clauses.slice(0, shown), Math.max(total, clauses.length))
    : clauses.join('；');
}

/**
 * Names whose each clause of a reason is, e.g. a school copy's reasons under its parent task:
 * '城关小学：5月报告逾期6天'. A clause already naming it is left as it is; a closing '等N项' stays.
 */
export function labelClauses(label: string, reason: string): string {
  const more = moreMarker.exec(reason);
  const body = more ? reason.slice(0, more.index) : reason;
  const labelled = body
    .split('；')
    .map((clause) =>
      clause === '' || clause.startsWith(`${label}：`) ? clause : messages.labelled(label, clause),
    )
    .join('；');
  return more ? `${labelled}${more[0]}` : labelled;
}
