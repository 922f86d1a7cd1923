import type { DashboardDepartment, RankingRow } from '../../shared/dashboard.ts';
import { type Credit, creditShare, sumCredits } from '../lights/credit.ts';
import { countLights, type Light } from '../lights/light.ts';
import { type RankKey, rankWithTies } from '../ranking/shared-ranks.ts';
import type { ReportTally } from './reporting-tally.ts';

/** A unit owning a task, as the standings read it. */
export interface UnitOwnership {
  taskId: number;
  unitId: number;
  unitName: string;
  unitKind: 'department' | 'school';
}

/** The departments' task lights and the ranking of departments and schools. */
export interface UnitStandings {
  departments: DashboardDepartment[];
  ranking: RankingRow[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

// The ranking keys, compared as the whole percents the dashboard and the bulletin show, so units that
// show the same rate and progress share a rank (the name only lists them); no rate (nothing due
// yet) and no progress (nothing owed yet) come after every number.
const shownPercent = (share: number | null) =>
  share === null ? -1 : Math.round(Math.min(1, Math.max(0, share)) * 100);
const RANKING_KEYS: RankKey<Omit<RankingRow, 'rank'>>[] = [
  { value: (row) => shownPercent(row.onTimeRate), first: 'high' },
  { value: (row) => shownPercent(row.progress), first: 'high' },
];

/**
 * Groups the visible tasks by owning unit (a co-owned task counts for each owner) and ranks
 * departments and schools apart by on-time reporting rate, then progress; units equal on both
 * share a rank (rankWithTies). Departments are listed for the light chart worst first (most red,
 * then yellow, then tasks).
 */
export function unitStandings(
  ownerships: readonly UnitOwnership[],
  taskLights: ReadonlyMap<number, { light: Light; credited: number; owed: number }>,
  reports: ReadonlyMap<number, ReportTally>,
): UnitStandings {
  const units = new Map<
    number,
    { name: string; kind: 'department' | 'school'; lights: Light[]; credits: Credit[] }
  >();
  for (const own of ownerships) {
    const task = taskLights.get(own.taskId);
    if (!task) continue;
    const unit = units.get(own.unitId) ?? {
      name: own.unitName,
      kind: own.unitKind,
      lights: [],
      credits: [],
    };
    units.set(own.unitId, unit);
    unit.lights.push(task.light);
    unit.credits.push(task);
  }
  const rows = [...units].map(([unitId, unit]) => ({
    unitId,
    name: unit.name,
    kind: unit.kind,
    total: unit.lights.length,
    counts: countLights(unit.lights),
    // The unit's share is its tasks' credited / owed summed (a co-owned task counts for each owner).
    progress: creditShare(sumCredits(unit.credits)),
  }));
  const departments = rows
    .filter((row) => row.kind === 'department')
    .map(({ kind: _kind, ...row }) => row)
    .sort(
      (a, b) =>
        b.counts.red - a.counts.red || b.counts.yellow - a.counts.yellow || b.total - a.total || byName(a, b),
    );
  const standings = rows.map((row) => {
    const tally = reports.get(row.unitId) ?? { due: 0, onTime: 0, late: 0, missing: 0 };
    return {
      unitId: row.unitId,
      name: row.name,
      kind: row.kind,
      tasks: row.total,
      reportsDue: tally.due,
      reportsOnTime: tally.onTime,
      reportsLate: tally.late,
      reportsMissing: tally.missing,
      onTimeRate: tally.due > 0 ? tally.onTime / tally.due : null,
      progress: row.progress,
      red: row.counts.red,
      yellow: row.counts.yellow,
    };
  });
  // Departments and schools are ranked apart (as in the evaluation and the bulletin), departments first.
  const ranking: RankingRow[] = (['department', 'school'] as const).flatMap((kind) =>
    rankWithTies(
      standings.filter((row) => row.kind === kind),
      RANKING_KEYS,
      (row) => row.name,
    ).map(({ row, rank }) => ({ rank, ...row })),
  );
  return { departments, ranking };
}
