// What a task's indicators owe in a reporting period, as the report form shows it (GET
// /api/tasks/:id/obligations), and what is still owed once the completions being entered are filed.
// Types and pure wording only, so the web bundle can import it.

import { MILESTONES, type OccurrenceMilestone } from './items.ts';
import type { IndicatorKind, IndicatorPer } from './plan-tree.ts';

/** Where one indicator stands for a period of a task. */
export interface IndicatorObligation {
  indicatorId: number;
  kind: IndicatorKind;
  /** The words of the notice that promise it, e.g. 坚持每月开展党委理论中心组学习. */
  text: string;
  /** A short name when the parser found one. */
  name: string | null;
  per: IndicatorPer;
  /** recurring: the slot the period falls in and what it needs; null when the period owes nothing of it. */
  slot: {
    label: string;
    startOn: string;
    endOn: string;
    need: number;
    accepted: number;
    pending: number;
  } | null;
  /** Over the plan year: what the promise needs and what is accepted / awaiting review. */
  target: number;
  accepted: number;
  pending: number;
  /** Owed by the end of the period (as the lights will expect it then). */
  owedByPeriodEnd: number;
  dueOn: string;
  /** percent: the goal and the latest accepted value (null before any). */
  targetValue: number | null;
  latestValue: number | null;
  /** project: the furthest accepted milestone (null before any). */
  milestone: OccurrenceMilestone | null;
  /** The line the form shows, e.g. "本期应完成：每月开展党委理论中心组学习 1 次（2024年5月）". */
  owes: string;
}

/** What a task owes in a period. */
export interface TaskObligations {
  taskId: number;
  period: string;
  /** The server's today (Asia/Shanghai): no completion may be dated after it. */
  today: string;
  /** The plan year: completions are dated within it. */
  year: number;
  indicators: IndicatorObligation[];
}

/** A project's milestones in Chinese. */
export const milestoneNames: Record<OccurrenceMilestone, string> = {
  started: '开工',
  built: '主体完工',
  completed: '竣工验收',
};

/** What is entered in the form for one indicator: how many completions, the value or milestone given. */
export interface EnteredCompletions {
  count: number;
  /** percent: the highest value entered. */
  value: number | null;
  /** project: the furthest milestone entered. */
  milestone: OccurrenceMilestone | null;
}

/**
 * What is still owed of an indicator once this filing is accepted, in Chinese: counting what was
 * accepted, what awaits review and what is being entered now.
 */
export function owedAfterFiling(o: IndicatorObligation, entered: EnteredCompletions): string {
  const label = o.name ?? o.text;
  switch (o.kind) {
    case 'recurring': {
      if (!o.slot) return `${label}：本期无应完成`;
      const left = o.slot.need - o.slot.accepted - o.slot.pending - entered.count;
      return left > 0 ? `${label}：本期还差 ${left} 次` : `${label}：本期已完成`;
    }
    case 'count': {
      const left = o.target - o.accepted - o.pending - entered.count;
      return left > 0 ? `${label}：全年还差 ${left} 次（全年不少于 ${o.target} 次）` : `${label}：全年已完成`;
    }
    case 'event': {
      const left = o.target - o.accepted - o.pending - entered.count;
      return left > 0 ? `${label}：还差 ${left} 次，应于 ${o.dueOn} 前完成` : `${label}：已完成`;
    }
    case 'percent': {
      const goal = o.targetValue ?? 100;
      const value = Math.max(entered.value ?? -1, o.latestValue ?? -1);
      if (value < 0) return `${label}：应于 ${o.dueOn} 前达到 ${goal}%，尚未填报`;
      return value >= goal
        ? `${label}：已达到 ${goal}%`
        : `${label}：当前 ${value}%，还差 ${Math.round((goal - value) * 10) / 10} 个百分点`;
    }
    case 'project': {
      const reached = [o.milestone, entered.milestone]
        .filter((m): m is OccurrenceMilestone => m !== null)
        .sort((a, b) => MILESTONES.indexOf(b) - MILESTONES.indexOf(a))[0];
      if (reached === 'completed') return `${label}：已竣工验收`;
      const now = reached ? `已${milestoneNames[reached]}，` : '';
      return `${label}：${now}尚未竣工验收，应于 ${o.dueOn} 前完成`;
    }
    default: {
      const done = o.accepted + o.pending + entered.count > 0;
      return done ? `${label}：已完成` : `${label}：尚未完成，应于 ${o.dueOn} 前完成`;
    }
  }
}
