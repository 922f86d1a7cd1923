import type { TrendMonth } from '../../shared/dashboard.ts';
import type { PlanReporting } from '../reporting/load-reporting.ts';
import {
  expectedReports,
  filingOf,
  type ReportFiling,
  type ReportOutcome,
  type ReportOwner,
  reportOutcome,
} from './report-slots.ts';

/** Reports a unit owed as of the day, by outcome. */
export interface ReportTally {
  due: number;
  onTime: number;
  late: number;
  missing: number;
}

/** The reporting of a plan as of a day: per unit and per month of the plan year. */
export interface ReportingTally {
  byUnit: Map<number, ReportTally>;
  trend: TrendMonth[];
}

/** The months of the plan year from January up to the day's month ('YYYY-MM'); none before the year. */
export function trendMonths(year: number, asOf: string): string[] {
  const [asOfYear, asOfMonth] = asOf.split('-').map(Number);
  if (asOfYear === undefined || asOfYear < year) return [];
  const last = asOfYear > year ? 12 : (asOfMonth ?? 12);
  return Array.from({ length: last }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
}

function emptyTally(): ReportTally {
  return { due: 0, onTime: 0, late: 0, missing: 0 };
}

function count(tally: { onTime: number; late: number; missing: number }, outcome: ReportOutcome): void {
  if (outcome !== 'notDue') tally[outcome] += 1;
}

/** Counts every expected report of the owners against the filings, as of a day; pure. */
export function tallyReporting(
  owners: readonly ReportOwner[],
  filings: readonly ReportFiling[],
  year: number,
  asOf: string,
  reporting: PlanReporting,
): ReportingTally {
  const filed = new Map(filings.map((f) => [`${f.taskId}/${f.unitId}/${f.period}`, f]));
  const months = new Map(
    trendMonths(year, asOf).map((month) => [month, { month, onTime: 0, late: 0, missing: 0 }]),
  );
  const byUnit = new Map<number, ReportTally>();
  for (const owner of owners) {
    const tally = byUnit.get(owner.unitId) ?? emptyTally();
    byUnit.set(owner.unitId, tally);
    for (const slot of expectedReports(owner, year, reporting)) {
      const outcome = reportOutcome(slot, filingOf(slot, filed), asOf);
      if (outcome === 'notDue') continue;
      tally.due += 1;
      count(tally, outcome);
      const month = months.get(slot.trendMonth);
      if (month) count(month, outcome);
    }
  }
  return { byUnit, trend: [...months.values()] };
}
