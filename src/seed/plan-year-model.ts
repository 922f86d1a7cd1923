import type { Selectable } from 'kysely';
import type { IndicatorSlotTable, IndicatorTable, OccurrenceMilestone, TaskTable } from '../db/schema.ts';
import type { WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { Cell, IdSequence } from './bulk-insert.ts';
import type { SeededRandom } from './random.ts';
import type { SeedAccounts } from './seed-accounts.ts';
import { addDays, shanghaiMoment } from './seed-dates.ts';

/** The plan as the year generator reads it. */
export interface PlanYearData {
  planId: number;
  organizationId: number;
  year: number;
  publishedOn: string;
  through: string;
  tasks: Array<Selectable<TaskTable>>;
  /** task id → owner units, lead first. */
  owners: Map<number, number[]>;
  /** item id → leader ids in the notice's order. */
  itemLeaders: Map<number, number[]>;
  indicators: Array<Selectable<IndicatorTable>>;
  /** indicator id → its slots in date order. */
  slots: Map<number, Array<Selectable<IndicatorSlotTable>>>;
  accounts: SeedAccounts;
  /** unit id → its active users, in id order: everyone a review of its filing is told of. */
  unitPeople: Map<number, number[]>;
  /** unit id → how it works all year. */
  habits: Map<number, UnitHabit>;
  work: WorkCalendar;
}

/**
 * How a unit works all year: most are diligent, a few lag, one or two fall silent. Fixed per unit,
 * so its reports, its completions and its evaluation tell the same story.
 */
export interface UnitHabit {
  /** Up to this share of its reports is late or missing. */
  sloppiness: number;
  /** The chance that a promised thing gets done at all. */
  diligence: number;
  /** 'YYYY-MM': from this month on the unit files and logs nothing (a silent unit). */
  silentFrom: string | undefined;
}

/** A unit's habit, drawn from its own fork of the seed. */
export function drawHabit(random: SeededRandom, year: number): UnitHabit {
  const roll = random.next();
  // Silent: never files; or falls silent in spring.
  if (roll < 0.03) {
    const from = random.chance(0.6) ? '01' : `0${random.int(4, 5)}`;
    return { sloppiness: 0.3, diligence: 0.5, silentFrom: `${year}-${from}` };
  }
  if (roll < 0.2) {
    return {
      sloppiness: 0.15 + random.next() * 0.3,
      diligence: 0.6 + random.next() * 0.2,
      silentFrom: undefined,
    };
  }
  return { sloppiness: random.next() * 0.05, diligence: 0.88 + random.next() * 0.1, silentFrom: undefined };
}

/** A review in the simulated year: of a filing of a report, or of an occurrence logged on its own. */
export interface PlannedReview {
  on: string;
  at: string;
  decision: 'accept' | 'return';
  comment: string;
  reviewer: number;
}

/** One filing of a report (the first, or a re-filing after a return) and its review, if it came in time. */
export interface PlannedFiling {
  on: string;
  at: string;
  percent: number;
  narrative: string;
  review: PlannedReview | undefined;
}

/** A completion (完成记录): a thing an indicator promised, done on a day, with what it reached. */
export interface PlannedCompletion {
  indicatorId: number;
  occurredOn: string;
  note: string;
  /** percent: the value reached. */
  value: number | null;
  /** project: the milestone reached. */
  milestone: OccurrenceMilestone | null;
  /** The evidence file attached (an index into EVIDENCE_FILES), if any. */
  file: number | undefined;
  /** The file added when it is filed again after a return, if it had none. */
  laterFile: number;
}

/** A unit's report on a task for a month, planned before anything is written. */
export interface PlannedReport {
  taskId: number;
  itemId: number;
  taskTitle: string;
  unitId: number;
  userId: number;
  period: string;
  selfStatus: 'on_track' | 'at_risk' | 'delayed';
  /** The first filing, then each re-filing after a return. */
  filings: PlannedFiling[];
  /** The completions filed with it (all in the first filing, filed again with each re-filing). */
  completions: PlannedCompletion[];
  /** Draws its reviews once its completions are known (see reviewReports). */
  random: SeededRandom;
}

/** The state a report (and every completion filed with it) is left in. */
export function reportState(report: PlannedReport): 'submitted' | 'accepted' | 'returned' {
  const review = report.filings[report.filings.length - 1]?.review;
  if (!review) return 'submitted';
  return review.decision === 'accept' ? 'accepted' : 'returned';
}

/** The day a report was accepted (and the completions in it with it), if it was. */
export function acceptedOn(report: PlannedReport): string | undefined {
  const review = report.filings[report.filings.length - 1]?.review;
  return review?.decision === 'accept' ? review.on : undefined;
}

/** Rows to insert, by table, with the ids the generator allocated. */
export class RowBatch {
  readonly rows = new Map<string, Cell[][]>();

  add(table: string, row: Cell[]): void {
    const list = this.rows.get(table);
    if (list) list.push(row);
    else this.rows.set(table, [row]);
  }

  count(table: string): number {
    return this.rows.get(table)?.length ?? 0;
  }
}

/** The id sequences of one generation step. */
export interface Ids {
  audit: IdSequence;
  reviews: IdSequence;
  reports: IdSequence;
  occurrences: IdSequence;
  evidence: IdSequence;
  notifications: IdSequence;
}

/** The working-hours moment of a day (08:30–17:30 Shanghai) as a UTC timestamp. */
export function workMoment(random: SeededRandom, date: string): string {
  return shanghaiMoment(date, random.int(8 * 60 + 30, 17 * 60 + 30));
}

// Generation asks the same few thousand (day, n) questions millions of times: remember the answers.
const workingDayMemo = new WeakMap<WorkCalendar, Map<string, string>>();

/** The n-th working day after a date (n ≥ 1), or the date's own next working day for n = 0. */
export function workingDaysAfter(work: WorkCalendar, date: string, n: number): string {
  let memo = workingDayMemo.get(work);
  if (!memo) {
    memo = new Map();
    workingDayMemo.set(work, memo);
  }
  const key = `${date}+${n}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let day = work.nextWorkingDay(date);
  for (let left = n; left > 0; left--) day = work.nextWorkingDay(addDays(day, 1));
  memo.set(key, day);
  return day;
}

/** A uniformly random plan date between two (inclusive); undefined when the span is empty. */
export function dayBetween(random: SeededRandom, from: string, to: string): string | undefined {
  if (to < from) return undefined;
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, random.int(0, span));
}

/** Who reviews work on an item: its first leader's account half the time, else the supervisor. */
export function reviewerFor(data: PlanYearData, itemId: number, random: SeededRandom): number {
  const leaderId = data.itemLeaders.get(itemId)?.[0];
  const leaderUser = leaderId === undefined ? undefined : data.accounts.leaderUser.get(leaderId);
  return leaderUser !== undefined && random.chance(0.5) ? leaderUser : data.accounts.supervisorId;
}

/** An audit row as recordAudit writes it, for a user of the organization. */
export function auditRow(
  data: PlanYearData,
  ids: Ids,
  userId: number,
  entry: { action: string; entityType: string; entityId: number; before?: unknown; after?: unknown },
  at: string,
): Cell[] {
  return [
    ids.audit.take(),
    data.organizationId,
    userId,
    data.accounts.labels.get(userId) ?? String(userId),
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    at,
  ];
}

/** Reasons a reviewer gives when returning a report whose completions lack their evidence. */
export const EVIDENCE_RETURN_REASONS = [
  '完成记录缺少会议纪要和签到表，请补充佐证材料后重新提交',
  '完成记录未附佐证材料，请上传活动照片或文件后重新提交',
  '请补充完成记录的佐证材料，并写明完成的具体事项',
];

/** Reasons a reviewer gives when returning work (退回). */
export const RETURN_REASONS = [
  '佐证材料不全，请补充会议纪要和照片后重新提交',
  '进展描述过于笼统，请写明已完成的具体工作和数据',
  '完成比例与实际进度不符，请核实后重新填报',
  '缺少签到表，请补充后重新登记',
  '请补充下一步工作计划和时间节点',
];

/** Columns of generated notification rows. */
export const NOTIFICATION_COLUMNS = [
  'id',
  'organization_id',
  'user_id',
  'kind',
  'title',
  'body',
  'link',
  'created_at',
  'read_at',
];

/** Columns of generated review rows. */
export const REVIEW_COLUMNS = [
  'id',
  'target_type',
  'target_id',
  'decision',
  'comment',
  'reviewer_id',
  'created_at',
];
