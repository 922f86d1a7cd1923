import type { DashboardDepartment, DashboardSection, PlanChoice, RankingRow } from '@shared/dashboard.ts';
import { describe, expect, it } from 'vitest';
import { lightColors } from '../../components/LightTag.tsx';
import {
  boardPath,
  dashboardPlans,
  departmentChartOption,
  departmentClickTarget,
  itemPath,
  overallOnTimeRate,
  sectionAxisLabel,
  sectionChartOption,
  sectionClickTarget,
  shortLabel,
  trendChartOption,
  trendHasReports,
} from './chart-options.ts';

const counts = (red: number, yellow: number, green: number) => ({ red, yellow, green, grey: 0, done: 0 });
const sections: DashboardSection[] = [
  {
    sectionId: 11,
    no: 1,
    title: '聚焦党建引领，落实党对教体工作的全面领导',
    light: 'red',
    progress: 0.2,
    counts: counts(2, 1, 1),
  },
  { sectionId: 3, no: 2, title: '聚焦全面发展', light: 'green', progress: 0.5, counts: counts(0, 0, 3) },
];
const departments: DashboardDepartment[] = [
  { unitId: 9, name: '督导室', total: 5, counts: counts(3, 1, 1), progress: 0.1 },
  { unitId: 1, name: '办公室', total: 2, counts: counts(0, 0, 2), progress: 0.6 },
];

type Series = { id: string; data: number[]; itemStyle: { color: string } };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

describe('dashboard chart options', () => {
  it('stacks section items by light, worst first, in the light colours', () => {
    const option = sectionChartOption(sections);
    expect(seriesOf(option).map((s) => [s.id, s.data])).toEqual([
      ['red', [2, 0]],
      ['yellow', [1, 0]],
      ['green', [1, 3]],
      ['grey', [0, 0]],
      ['done', [0, 0]],
    ]);
    expect(seriesOf(option)[0]?.itemStyle.color).toBe(lightColors.red);
    expect((option as { yAxis: { data: string[] } }).yAxis.data).toEqual([
      '一、聚焦党建引领，落实党对教体工作的全面领导',
      '二、聚焦全面发展',
    ]);
    expect(shortLabel('一、聚焦党建引领，落实党对教体工作的全面领导')).toBe('一、聚焦党建引领，落实…');
  });

  it('turns a click on a segment or label into the board address it drills into', () => {
    expect(sectionClickTarget(1, sections, { componentType: 'series', dataIndex: 1, seriesId: 'red' })).toBe(
      '/plans/1?section=3&light=red',
    );
    expect(
      sectionClickTarget(1, sections, { componentType: 'yAxis', value: sectionAxisLabel(sections[0]!) }),
    ).toBe('/plans/1?section=11');
    expect(
      sectionClickTarget(1, sections, { componentType: 'series', dataIndex: 7, seriesId: 'red' }),
    ).toBeUndefined();
    expect(
      departmentClickTarget(4, departments, { componentType: 'series', dataIndex: 0, seriesId: 'yellow' }),
    ).toBe('/plans/4?department=9&light=yellow');
    expect(departmentClickTarget(4, departments, { componentType: 'yAxis', value: '办公室' })).toBe(
      '/plans/4?department=1',
    );
    expect(seriesOf(departmentChartOption(departments))[0]?.data).toEqual([3, 0]);
    expect(boardPath(2, { light: 'done' })).toBe('/plans/2?light=done');
    expect(itemPath(2, 15)).toBe('/plans/2/items/15');
  });

  it('draws the monthly trend as on-time, late and missing columns', () => {
    const trend = [
      { month: '2024-03', onTime: 4, late: 1, missing: 0 },
      { month: '2024-04', onTime: 2, late: 1, missing: 2 },
    ];
    const option = trendChartOption(trend) as { xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['3月', '4月']);
    expect(seriesOf(option).map((s) => [s.id, s.data])).toEqual([
      ['onTime', [4, 2]],
      ['late', [1, 1]],
      ['missing', [0, 2]],
    ]);
    expect(trendHasReports(trend)).toBe(true);
    expect(trendHasReports([{ month: '2024-01', onTime: 0, late: 0, missing: 0 }])).toBe(false);
  });

  it('picks the latest published plan and sums the on-time rate over the ranking', () => {
    const plan = (id: number, year: number, status: PlanChoice['status']): PlanChoice => ({
      id,
      title: `${year}`,
      year,
      status,
      publishedOn: status === 'draft' ? null : `${year}-02-23`,
    });
    expect(
      dashboardPlans([plan(1, 2023, 'closed'), plan(3, 2025, 'draft'), plan(2, 2024, 'published')]).map(
        (p) => p.id,
      ),
    ).toEqual([2, 1]);
    const row = (due: number, onTime: number): RankingRow => ({
      rank: 1,
      unitId: due,
      name: '股室',
      kind: 'department',
      tasks: 1,
      reportsDue: due,
      reportsOnTime: onTime,
      reportsLate: 0,
      reportsMissing: due - onTime,
      onTimeRate: due ? onTime / due : null,
      progress: 0,
      red: 0,
      yellow: 0,
    });
    expect(overallOnTimeRate([row(3, 2), row(1, 0)])).toBe(0.5);
    expect(overallOnTimeRate([row(0, 0)])).toBeNull();
  });
});
