import { describe, expect, it } from 'vitest';
import type { ReportTally } from './reporting-tally.ts';
import { type UnitOwnership, unitStandings } from './unit-standings.ts';

// The dashboard's ranking: departments and schools apart, by on-time rate then progress (as the
// whole percents shown); units equal on both share a rank, listed by name.

const own = (taskId: number, unitId: number, unitName: string, school = false): UnitOwnership => ({
  taskId,
  unitId,
  unitName,
  unitKind: school ? 'school' : 'department',
});
const tally = (due: number, onTime: number): ReportTally => ({
  due,
  onTime,
  late: 0,
  missing: due - onTime,
});

describe('unitStandings ranking', () => {
  it('shares a rank between units showing the same rate and progress, and ranks schools apart', () => {
    const { ranking } = unitStandings(
      [
        own(1, 1, '乙股'),
        own(2, 2, '甲股'),
        own(3, 3, '丙股'),
        own(4, 4, '丁股'),
        own(5, 5, '戊股'),
        own(6, 11, '城关小学', true),
        own(7, 12, '城西小学', true),
      ],
      new Map([
        [1, { light: 'yellow' as const, credited: 1, owed: 2 }],
        [2, { light: 'yellow' as const, credited: 1, owed: 2 }],
        [3, { light: 'red' as const, credited: 0, owed: 2 }],
        [4, { light: 'green' as const, credited: 1, owed: 4 }],
        [5, { light: 'green' as const, credited: 1, owed: 4 }],
        [6, { light: 'grey' as const, credited: 0, owed: 0 }],
        [7, { light: 'red' as const, credited: 0, owed: 1 }],
      ]),
      new Map([
        [1, tally(4, 2)],
        [2, tally(4, 2)],
        [3, tally(2, 2)],
        // 2/3 and 67/100 both show as 67 %: the same rate on the page, so the same on the ranking.
        [4, tally(3, 2)],
        [5, tally(100, 67)],
        [12, tally(3, 0)],
      ]),
    );
    expect(ranking.map((r) => [r.rank, r.name])).toEqual([
      [1, '丙股'],
      [2, '丁股'],
      [2, '戊股'],
      // 50 % and 50 % progress: one rank, listed by name (甲 jia before 乙 yi).
      [4, '甲股'],
      [4, '乙股'],
      // 0 % on time still ranks above no report due yet.
      [1, '城西小学'],
      [2, '城关小学'],
    ]);
  });

  it('never numbers twenty units tied at 0 % by name: they all share the first rank', () => {
    const names = Array.from({ length: 20 }, (_, i) => `单位${String(i + 1).padStart(2, '0')}`);
    const { ranking } = unitStandings(
      names.map((name, i) => own(i + 1, i + 1, name)),
      new Map(names.map((_, i) => [i + 1, { light: 'red' as const, credited: 0, owed: 3 }])),
      new Map(names.map((_, i) => [i + 1, tally(3, 0)])),
    );
    expect(ranking.map((r) => r.rank)).toEqual(names.map(() => 1));
    expect(ranking.map((r) => r.name)).toEqual(names);
  });
});
