import { findVisiblePlan } from '../../db/queries/plans.ts';
import { loadPlanReports, type ReportRow } from '../../db/queries/reports.ts';
import { listUnits } from '../../db/queries/units.ts';
import type { Light, TaskNode } from '../../shared/plan-tree.ts';
import { type Context, shanghaiDate } from '../context.ts';
import { AppError } from '../errors.ts';
import { getPlanTree } from '../get-plan-tree.ts';
import { ledgerMessages as M } from './messages.ts';

/** One task as a ledger row: what it is, who owns it, how it stands and what was last reported. */
export interface LedgerRow {
  taskId: number;
  section: string;
  itemNo: number;
  item: string;
  title: string;
  lead: string | null;
  coOwners: string[];
  /** Lead and co-owner ids, to file the row on each unit's sheet. */
  unitIds: number[];
  leaders: string[];
  startOn: string;
  dueOn: string;
  indicators: string;
  /** The accepted share of what is owed so far, 0..1; null before lights exist or while nothing is owed. */
  progress: number | null;
  /** The latest self-assessed percent (自报进度), 0–100; null before any report. */
  selfPercent: number | null;
  light: Light | null;
  reason: string;
  latestReport: string;
  reportedOn: string;
  reviewState: string;
  status: string;
}

/** A unit's sheet: the rows of the tasks it leads or co-owns. */
export interface UnitSheet {
  unitId: number;
  name: string;
  kind: 'department' | 'school';
  rows: LedgerRow[];
}

/** A plan's ledger as of a day, before it becomes a workbook. */
export interface Ledger {
  planId: number;
  planTitle: string;
  year: number;
  asOf: string;
  rows: LedgerRow[];
  units: UnitSheet[];
}

/**
 * Builds a plan's ledger from the plan tree (which carries the computed lights, so no light rule is
 * repeated here) and the plan's reports; the actor sees only the tasks they may see.
 */
export async function buildLedger(ctx: Context, planId: number, asOf?: string): Promise<Ledger> {
  const tree = await getPlanTree(ctx, { planId, asOf });
  if (tree.plan.status === 'draft') throw new AppError('CONFLICT', M.planNotPublished);
  // A city bureau may export a district's plan: the sheets are the district's units.
  const organizationId =
    (await findVisiblePlan(ctx.db, ctx.actor, planId))?.organization_id ?? ctx.actor.organizationId;
  const [reports, units] = await Promise.all([
    loadPlanReports(ctx.db, planId),
    listUnits(ctx.db, organizationId, { includeInactive: true }),
  ]);
  const latest = latestReports(reports);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const rows: LedgerRow[] = [];
  for (const section of tree.sections) {
    for (const item of section.items) {
      const base = {
        section: `${chineseNumber(section.no)}、${section.title}`,
        itemNo: item.no,
        item: item.title,
        leaders: item.leaders,
      };
      for (const task of item.tasks) {
        rows.push(rowOf(base, task, latest.get(task.id), unitName));
        for (const copy of task.schools) rows.push(rowOf(base, copy, latest.get(copy.id), unitName));
      }
    }
  }
  const sheets = units
    .map((u) => ({
      unitId: u.id,
      name: u.name,
      kind: u.kind,
      rows: rows.filter((r) => r.unitIds.includes(u.id)),
    }))
    .filter((sheet) => sheet.rows.length > 0)
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'department' ? -1 : 1));
  return {
    planId: tree.plan.id,
    planTitle: tree.plan.title,
    year: tree.plan.year,
    asOf: tree.lights?.asOf ?? asOf ?? shanghaiDate(ctx.now()),
    rows,
    units: sheets,
  };
}

function rowOf(
  base: Pick<LedgerRow, 'section' | 'itemNo' | 'item' | 'leaders'>,
  task: TaskNode,
  report: ReportRow | undefined,
  unitName: Map<number, string>,
): LedgerRow {
  const indicators = task.indicators.map((i) =>
    i.light ? M.indicatorLine(i.text, M.lights[i.light.light], i.light.reason) : i.text,
  );
  return {
    ...base,
    taskId: task.id,
    title: task.title,
    lead: task.lead?.name ?? null,
    coOwners: task.coOwners.map((c) => c.name),
    unitIds: [...(task.lead ? [task.lead.id] : []), ...task.coOwners.map((c) => c.id)],
    startOn: task.startOn,
    dueOn: task.dueOn,
    indicators: indicators.join('\n'),
    progress: task.light ? task.light.progress : null,
    selfPercent: task.light?.selfPercent ?? null,
    light: task.light?.light ?? null,
    reason: task.light?.reason ?? '',
    latestReport: report
      ? `${unitName.get(report.unitId) ?? ''} ${M.reportLine(report.period, M.selfStatus[report.selfStatus], report.percent, report.narrative)}`.trim()
      : '',
    reportedOn: report ? shanghaiDate(new Date(report.submittedAt)) : '',
    reviewState: report ? M.reviewState[report.state] : '',
    status: M.taskStatus[task.status],
  };
}

// The latest report of each task: the latest period, and within it the latest submission.
function latestReports(reports: readonly ReportRow[]): Map<number, ReportRow> {
  const latest = new Map<number, ReportRow>();
  for (const report of reports) {
    const seen = latest.get(report.taskId);
    if (
      !seen ||
      report.period > seen.period ||
      (report.period === seen.period && report.submittedAt > seen.submittedAt)
    ) {
      latest.set(report.taskId, report);
    }
  }
  return latest;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 23 → 二十三: how section numbers are written in a notice. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
