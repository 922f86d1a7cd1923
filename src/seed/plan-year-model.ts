import type { Selectable } from 'kysely';
import type { IndicatorSlotTable, IndicatorTable, TaskTable } from '../db/schema.ts';
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
  work: WorkCalendar;
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

/** Reasons a reviewer gives when returning work (退回). */
export const RETURN_REASONS = [
  '佐证材料不全，请补充会议纪要和照片后重新提交',
  '进展描述过于笼统，请写明已完成的具体工作和数据',
  '完成比例与实际进度不符，请核实后重新填报',
  '缺少签到表，请补充后重新登记',
  '请补充下一步工作计划和时间节点',
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
