import type { BalanceResult } from '../../shared/balance.ts';
import type { DashboardSection, OverdueEntry, RankingRow } from '../../shared/dashboard.ts';
import type { Light, LightCounts } from '../lights/index.ts';

// The facts of one month's bulletin, gathered from the lights, the dashboard and the reporting
// rule (load-facts.ts) and turned into words by default-content.ts. Kept apart so the words are pure.

/** An item that is lagging (red or yellow) with its reason and who answers for it. */
export interface LaggingItem {
  no: number;
  title: string;
  light: Light;
  reason: string;
  leaders: string[];
  /** Units of the item's own tasks (lead first). */
  units: string[];
  /** Schools its tasks were fanned out to, counted rather than named. */
  schools: number;
}

/** A task completed (办结 accepted) in the month. */
export interface CompletedTask {
  itemNo: number;
  itemTitle: string;
  title: string;
  unit: string | null;
  completedOn: string;
}

/** Work falling due in the next month. */
export interface DueNext {
  itemNo: number;
  title: string;
  unit: string | null;
  dueOn: string;
  /** The indicator's words when an indicator, not the task, falls due. */
  what: string | null;
}

/** The organization's latest seven-indicator collection round locked by the month's end (issue 16). */
export interface BulletinBalance {
  roundName: string;
  /** The day it was locked (Asia/Shanghai). */
  lockedOn: string;
  /** The accepted rows counted (a 九年一贯制 school gives two). */
  rows: number;
  /** The monitor's result on those rows. */
  result: BalanceResult;
}

/** Everything a month's bulletin says, as data. */
export interface BulletinFacts {
  planTitle: string;
  organizationName: string;
  month: string;
  asOf: string;
  nextMonth: string;
  itemTotal: number;
  /** The plan's own tasks (as the board counts them), and the copies fanned out to schools. */
  taskTotal: number;
  schoolTaskTotal: number;
  /** progress: the accepted share of what is owed so far, null while nothing is owed. */
  plan: { light: Light; progress: number | null; counts: LightCounts };
  itemCounts: LightCounts;
  sections: DashboardSection[];
  /** Reports due in the month: on time, late, missing (null before any report was due). */
  monthReports: { onTime: number; late: number; missing: number } | null;
  completedItems: Array<{ no: number; title: string; completedOn: string }>;
  completedTasks: CompletedTask[];
  lagging: LaggingItem[];
  /** The overdue things of the red tasks (the dashboard's list), and how many tasks they belong to. */
  overdue: OverdueEntry[];
  overdueTasks: number;
  /** Departments ranked by on-time reporting, then progress. */
  ranking: RankingRow[];
  /** Schools' reporting in one line: how many, their on-time rate. */
  schools: { count: number; due: number; onTime: number };
  dueNext: DueNext[];
  /** Due days of next month's progress reports (the reporting rule, moved off days off). */
  reportDueNext: string[];
  /** 义务教育优质均衡监测: absent or null while no such round was locked by the month's end. */
  balance?: BulletinBalance | null;
}
