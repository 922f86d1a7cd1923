import { describe, expect, it } from 'vitest';
import type { UnitEvaluation } from '../../shared/evaluations.ts';
import type { UnitMeasures } from './measure-units.ts';
import { scoreUnits } from './score-units.ts';

// Scoring and ranking worked out by hand (rubric 60 / 25 / 15, bonus cap 5, penalty cap 10).

const rubric = { completion: 60, timeliness: 25, quality: 15, bonusCap: 5, penaltyCap: 10 };

const measures = (
  completion: [number, number],
  timeliness: [number, number],
  quality: [number, number],
  filing: [number, number],
): UnitMeasures => ({
  completion: { achieved: completion[0], expected: completion[1] },
  timeliness: { onTime: timeliness[0], due: timeliness[1] },
  quality: { accepted: quality[0], reviewed: quality[1] },
  filing: { filed: filing[0], standing: filing[1] },
});

const lines = (units: UnitEvaluation[], name: string) =>
  units.find((u) => u.unitName === name)?.lines.map((l) => l.text);
const table = (units: UnitEvaluation[]) => units.map((u) => [u.rank, u.unitName, u.total]);

describe('scoreUnits', () => {
  const { departments, schools } = scoreUnits(
    [
      { id: 1, name: '办公室', kind: 'department' },
      { id: 2, name: '安全股', kind: 'department' },
      { id: 3, name: '人事股', kind: 'department' },
      { id: 4, name: '教研室', kind: 'department' },
      { id: 5, name: '财务股', kind: 'department' },
      { id: 6, name: '督导室', kind: 'department' },
      { id: 7, name: '招考办', kind: 'department' },
      { id: 11, name: '城西小学', kind: 'school' },
      { id: 12, name: '实验小学', kind: 'school' },
      { id: 13, name: '城关小学', kind: 'school' },
    ],
    new Map([
      // Reported, one return among ten reviews.
      [1, measures([3, 5], [5, 8], [9, 10], [10, 9])],
      // Silent co-owner: the lead's work gives it full completion, it filed nothing.
      [2, measures([4, 4], [0, 6], [0, 0], [0, 0])],
      // Filed four reports, none reviewed yet: quality cannot be assessed.
      [3, measures([1, 4], [3, 4], [0, 0], [4, 4])],
      // Owns a task that owes nothing yet.
      [4, measures([0, 0], [0, 0], [0, 0], [0, 0])],
      // Filed two reports, both returned and not filed again.
      [6, measures([2, 2], [0, 3], [0, 2], [2, 0])],
      // Owes no report yet; one indicator owed.
      [7, measures([1, 2], [0, 0], [0, 0], [0, 0])],
      [11, measures([3, 6], [1, 2], [4, 4], [2, 2])],
      [12, measures([1, 4], [4, 4], [1, 1], [4, 4])],
      [13, measures([2, 4], [2, 4], [2, 2], [4, 4])],
    ]),
    rubric,
    [
      { unitId: 3, kind: 'bonus', centipoints: 200, reason: '承办全市现场会', author: '督导室' },
      { unitId: 4, kind: 'bonus', centipoints: 100, reason: '协助', author: '督导室' },
    ],
  );

  it('gives one return among several reviews its share, not a zero', () => {
    // 3/5 × 60 = 36.00; 5/8 × 25 = 15.625 → 15.63; 9/10 × 15 = 13.50; 36.00 + 15.63 + 13.50 = 65.13.
    expect(lines(departments, '办公室')).toEqual([
      '完成情况：已验收 3 / 应完成 5 = 60.0% × 60 = 36.00',
      '及时性：按时报送 5 / 应报送 8 = 62.5% × 25 = 15.63',
      '审核质量：审核通过 9 / 审核 10 次 = 90.0% × 15 = 13.50',
      '总分：36.00 + 15.63 + 13.50 = 65.13',
    ]);
    expect(departments.find((u) => u.unitName === '办公室')).toMatchObject({
      silent: false,
      assessedWeight: 100,
      quality: { accepted: 9, reviewed: 10, filed: 10, points: 13.5 },
    });
  });

  it('leaves out a line with nothing to assess and scales the total over the others, bonus after', () => {
    // 人事股: 1/4 × 60 = 15.00; 3/4 × 25 = 18.75; quality left out;
    //   (15.00 + 18.75) / (60 + 25) × 100 = 3375 × 100 / 85 = 3970.58… → 39.71; + 2.00 = 41.71.
    expect(lines(departments, '人事股')).toEqual([
      '完成情况：已验收 1 / 应完成 4 = 25.0% × 60 = 15.00',
      '及时性：按时报送 3 / 应报送 4 = 75.0% × 25 = 18.75',
      '审核质量：已报送 4 份，截至考核日尚无审核结果，本项暂不考核，不计入总分',
      '加分：承办全市现场会（+2.00，督导室）',
      '总分：按可考核项折算 (15.00 + 18.75) / (60 + 25) × 100 = 39.71；39.71 + 2.00 = 41.71',
    ]);
    expect(departments.find((u) => u.unitName === '人事股')).toMatchObject({
      total: 41.71,
      assessedWeight: 85,
      quality: { points: null },
    });
    // 招考办 owes no report yet: only completion counts, 1/2 × 60 = 30.00 → 30.00 / 60 × 100 = 50.00.
    expect(lines(departments, '招考办')).toEqual([
      '完成情况：已验收 1 / 应完成 2 = 50.0% × 60 = 30.00',
      '及时性：截至考核日无应报送的报告，本项暂不考核，不计入总分',
      '审核质量：截至考核日尚无报送的报告，本项暂不考核，不计入总分',
      '总分：按可考核项折算 30.00 / 60 × 100 = 50.00',
    ]);
  });

  it('lists a unit with nothing to assess as 无考核数据, without a score or rank', () => {
    expect(departments.find((u) => u.unitName === '教研室')).toMatchObject({
      ranked: false,
      unranked: 'noData',
      rank: null,
      total: null,
    });
    expect(lines(departments, '教研室')).toEqual([
      '完成情况：截至考核日无应完成的指标，本项暂不考核，不计入总分',
      '及时性：截至考核日无应报送的报告，本项暂不考核，不计入总分',
      '审核质量：截至考核日尚无报送的报告，本项暂不考核，不计入总分',
      '加分：协助（+1.00，督导室）',
      '无考核数据：截至考核日没有可以考核的项目，不计总分，不参加排名；加减分待有考核数据后计入',
    ]);
    expect(departments.find((u) => u.unitName === '财务股')).toMatchObject({
      unranked: 'noTasks',
      lines: [{ kind: 'total', text: '无考核任务，不参加排名', points: null }],
    });
  });

  it('ranks units with reports due and none standing after every unit with one, whatever the points', () => {
    // 安全股: (60.00 + 0.00) / (60 + 25) × 100 = 6000 × 100 / 85 = 7058.82… → 70.59, above 办公室's
    // 65.13, yet ranked after 招考办 (owes no report: not silent) and 人事股 (reports awaiting review).
    // 督导室 filed two reports, both returned and never filed again: silent too (60.00).
    expect(table(departments)).toEqual([
      [1, '办公室', 65.13],
      [2, '招考办', 50],
      [3, '人事股', 41.71],
      [4, '安全股', 70.59],
      [5, '督导室', 60],
      [null, '教研室', null],
      [null, '财务股', null],
    ]);
    expect(lines(departments, '安全股')).toEqual([
      '完成情况：已验收 4 / 应完成 4 = 100.0% × 60 = 60.00',
      '及时性：按时报送 0 / 应报送 6 = 0.0% × 25 = 0.00',
      '审核质量：应报送 6 份而一份未报送，无可审核的报告，本项不考核，不计入总分（排名见排名规则）',
      '总分：按可考核项折算 (60.00 + 0.00) / (60 + 25) × 100 = 70.59',
      '排名规则：应报送 6 份进展报告，一份未报送，截至考核日没有有效报告，排在所有有有效报告的单位之后（不论总分高低）',
    ]);
    expect(lines(departments, '督导室')?.slice(2)).toEqual([
      '审核质量：审核通过 0 / 审核 2 次 = 0.0% × 15 = 0.00',
      '总分：60.00 + 0.00 + 0.00 = 60.00',
      '排名规则：应报送 3 份进展报告，已报送的 2 份均被退回且未重新报送，截至考核日没有有效报告，排在所有有有效报告的单位之后（不论总分高低）',
    ]);
    expect(departments.filter((u) => u.silent).map((u) => u.unitName)).toEqual(['安全股', '督导室']);
  });

  it('gives equal totals one rank, listed by name, and ranks schools apart from departments', () => {
    // 城关小学 2/4 × 60 + 2/4 × 25 + 2/2 × 15 = 30.00 + 12.50 + 15.00 = 57.50;
    // 城西小学 3/6 × 60 + 1/2 × 25 + 4/4 × 15 = 57.50 as well: both first (城关 guan before 城西 xi);
    // 实验小学 15.00 + 25.00 + 15.00 = 55.00 is third, not second.
    expect(table(schools)).toEqual([
      [1, '城关小学', 57.5],
      [1, '城西小学', 57.5],
      [3, '实验小学', 55],
    ]);
  });
});
