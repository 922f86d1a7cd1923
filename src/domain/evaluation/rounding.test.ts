import { describe, expect, it } from 'vitest';
import {
  divideHalfUp,
  percentText,
  pointsText,
  shareCentipoints,
  toCentipoints,
  toPoints,
} from './rounding.ts';
import { scoreUnits } from './score-units.ts';

describe('evaluation rounding (2 decimals, half up, from the exact fraction)', () => {
  it('rounds exact halves up and everything else to the nearest hundredth', () => {
    // 5/8 × 25 = 15.625 exactly → 15.63 (a float product 15.624999… must not round down).
    expect(shareCentipoints(5, 8, 25)).toBe(1563);
    // 2/3 × 25 = 16.666… → 16.67; 1/3 × 25 = 8.333… → 8.33.
    expect(shareCentipoints(2, 3, 25)).toBe(1667);
    expect(shareCentipoints(1, 3, 25)).toBe(833);
    // 5/16 × 15 = 4.6875 → 4.69; 1/8 × 60 = 7.5 → 7.50.
    expect(shareCentipoints(5, 16, 15)).toBe(469);
    expect(shareCentipoints(1, 8, 60)).toBe(750);
    // Nothing due: the whole weight.
    expect(shareCentipoints(0, 0, 60)).toBe(6000);
    expect(divideHalfUp(1, 2)).toBe(1);
    expect(divideHalfUp(1, 3)).toBe(0);
  });

  it('writes percents with one decimal and points with two', () => {
    expect(percentText(5, 8)).toBe('62.5%');
    expect(percentText(5, 7)).toBe('71.4%');
    expect(percentText(2, 3)).toBe('66.7%');
    expect(percentText(1, 1)).toBe('100.0%');
    expect(percentText(0, 0)).toBe('100.0%');
    expect(pointsText(1563)).toBe('15.63');
    expect(pointsText(5)).toBe('0.05');
    expect(pointsText(-150)).toBe('-1.50');
    expect(toPoints(1071)).toBe(10.71);
    expect(toCentipoints(1.15)).toBe(115);
    expect(toCentipoints(2.675)).toBe(268);
  });
});

describe('ranking', () => {
  it('gives equal totals the same rank and ranks departments and schools apart', () => {
    const m = (achieved: number) => ({
      completion: { achieved, expected: 4 },
      timeliness: { onTime: 1, due: 1 },
      quality: { clean: 1, filed: 1 },
    });
    const rubric = { completion: 60, timeliness: 25, quality: 15, bonusCap: 5, penaltyCap: 10 };
    const { departments, schools } = scoreUnits(
      [
        { id: 1, name: '办公室', kind: 'department' },
        { id: 2, name: '人事股', kind: 'department' },
        { id: 3, name: '财务股', kind: 'department' },
        { id: 4, name: '安全股', kind: 'department' },
        { id: 5, name: '城关小学', kind: 'school' },
      ],
      new Map([
        [1, m(3)],
        [2, m(4)],
        [3, m(3)],
        [5, m(1)],
      ]),
      rubric,
      [],
    );
    // 人事股 4/4 → 100; 办公室 and 财务股 3/4 → 45 + 25 + 15 = 85, both second; 安全股 has no task.
    expect(departments.map((u) => [u.unitName, u.rank, u.total])).toEqual([
      ['人事股', 1, 100],
      [expect.any(String), 2, 85],
      [expect.any(String), 2, 85],
      ['安全股', null, null],
    ]);
    expect(departments[3]?.lines.map((l) => l.text)).toEqual(['无考核任务，不参加排名']);
    expect(schools.map((u) => [u.unitName, u.rank, u.total])).toEqual([['城关小学', 1, 55]]);
  });
});
