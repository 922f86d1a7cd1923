import type { DashboardDepartment, RankingRow } from '../../shared/dashboard.ts';
import { clampShare, countLights, type Light } from '../lights/light.ts';
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

/**
 * Groups the visible tasks by owning unit (a co-owned task counts for each owner) and ranks the
 * units by on-time reporting rate, then progress; units with no report due yet come last.
 * Departments are listed for the light chart worst first (most red, then yellow, then tasks).
 */
export function unitStandings(
  ownerships: readonly UnitOwnership[],
  taskLights: ReadonlyMap<number, { light: Light; progress: number }>,
  reports: ReadonlyMap<number, ReportTally>,
): UnitStandings {
  const units = new Map<
    number,
    { name: string; kind: 'department' | 'school'; lights: Light[]; progress: number[] }
  >();
  for (const own of ownerships) {
    const task = taskLights.get(own.taskId);
    if (!task) continue;
    const unit = units.get(own.unitId) ?? {
      name: own.unitName,
      kind: own.unitKind,
      lights: [],
      progress: [],
    };
    units.set(own.unitId, unit);
    unit.lights.push(task.light);
    unit.progress.push(clampShare(task.progress));
  }
  const rows = [...units].map(([unitId, unit]) => ({
    unitId,
    name: unit.name,
    kind: unit.kind,
    total: unit.lights.length,
    counts: countLights(unit.lights),
    progress: unit.progress.reduce((sum, p) => sum + p, 0) / unit.progress.length,
  }));
  const departments = rows
    .filter((row) => row.kind === 'department')
    .map(({ kind: _kind, ...row }) => row)
    .sort(
      (a, b) =>
        b.counts.red - a.counts.red || b.counts.yellow - a.counts.yellow || b.total - a.total || byName(a, b),
    );
  const ranking: RankingRow[] = rows
    .map((row) => {
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
    })
    .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.progress - a.progress || byName(a, b));
  return { departments, ranking };
}
