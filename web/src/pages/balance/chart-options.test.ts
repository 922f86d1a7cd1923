import type { BalanceTrend } from '@shared/balance.ts';
import { describe, expect, it } from 'vitest';
import { monitorResult } from './balance-fixtures.ts';
import { axisTop, cvBarOption, cvColors, trendChartOption, trendStages } from './chart-options.ts';

const trend: BalanceTrend = {
  rounds: [
    { id: 1, name: '2023年秋季学期', status: 'locked' },
    { id: 2, name: '2024年春季学期', status: 'locked' },
    { id: 5, name: '2024年秋季学期', status: 'open' },
  ],
  series: [
    {
      stage: '小学',
      key: 'sportsArea',
      name: '生均体育运动场馆面积',
      threshold: 0.5,
      cv: [0.61, 0.55, 0.48],
    },
    {
      stage: '小学',
      key: 'backboneTeachers',
      name: '每百名学生拥有县级及以上骨干教师数',
      threshold: 0.5,
      cv: [0.3, null, 0.28],
    },
    {
      stage: '初中',
      key: 'sportsArea',
      name: '生均体育运动场馆面积',
      threshold: 0.45,
      cv: [null, 0.52, 0.44],
    },
  ],
};

type Line = {
  id: string;
  name: string;
  type: string;
  data: Array<number | null>;
  markLine?: { data: Array<{ yAxis: number }>; label: { formatter: string } };
};
type Bar = {
  data: Array<{ value: number | null; itemStyle: { color: string } }>;
  markLine: { data: Array<{ yAxis: number }> };
};

describe('balance chart options', () => {
  it('draws one line per indicator of the chosen stage across rounds, gaps kept, with its threshold', () => {
    const option = trendChartOption(trend, '小学') as { xAxis: { data: string[] }; series: Line[] };
    expect(option.xAxis.data).toEqual(['2023年秋季学期', '2024年春季学期', '2024年秋季学期']);
    expect(option.series.map((s) => [s.id, s.name, s.data])).toEqual([
      ['sportsArea', '体育运动场馆', [0.61, 0.55, 0.48]],
      ['backboneTeachers', '骨干教师', [0.3, null, 0.28]],
    ]);
    expect(option.series[0]?.markLine?.data).toEqual([{ yAxis: 0.5 }]);
    expect(option.series[0]?.markLine?.label.formatter).toBe('小学标准 0.50');
    expect(option.series[1]?.markLine).toBeUndefined();

    const junior = trendChartOption(trend, '初中') as { series: Line[] };
    expect(junior.series.map((s) => s.data)).toEqual([[null, 0.52, 0.44]]);
    expect(junior.series[0]?.markLine?.data).toEqual([{ yAxis: 0.45 }]);
    expect(trendStages(trend)).toEqual(['小学', '初中']);
    expect(trendStages({ ...trend, series: trend.series.slice(2) })).toEqual(['初中']);
  });

  it('colours each CV bar by its pass against the stage threshold', () => {
    const stage = monitorResult().stages[0];
    if (!stage) throw new Error('no stage');
    const option = cvBarOption(stage) as { xAxis: { data: string[] }; series: Bar[] };
    expect(option.xAxis.data).toEqual([
      '高于规定学历教师',
      '骨干教师',
      '体育艺术教师',
      '教学及辅助用房',
      '体育运动场馆',
      '教学仪器设备',
      '网络多媒体教室',
    ]);
    const bars = option.series[0]?.data ?? [];
    expect(bars.map((b) => b.value)).toEqual([0.3, 0.3, 0.3, 0.3, 0.52, 0.3, 0.3]);
    expect(bars.map((b) => b.itemStyle.color)).toEqual([
      cvColors.pass,
      cvColors.pass,
      cvColors.pass,
      cvColors.pass,
      cvColors.fail,
      cvColors.pass,
      cvColors.pass,
    ]);
    expect(option.series[0]?.markLine.data).toEqual([{ yAxis: 0.45 }]);
  });

  it('keeps the threshold line in view when every CV is far below it', () => {
    expect(axisTop(0.5, [0.19, null, 0.05])).toBe(0.6);
    expect(axisTop(0.45, [0.71])).toBe(0.9);
    const option = trendChartOption(trend, '初中') as { yAxis: { max: number } };
    expect(option.yAxis.max).toBe(0.6);
  });
});
