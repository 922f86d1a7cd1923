// Pure builders of the balance charts' ECharts options, kept apart from the components so they can
// be tested without a canvas.
import { BALANCE_INDICATORS, type BalanceTrend, type StageResult } from '@shared/balance.ts';
import type { EChartsCoreOption } from 'echarts/core';
import { balance as t } from '../../i18n/balance.ts';
import { cvText, indicatorOf } from './balance-values.ts';

/** Within the threshold / over it. */
export const cvColors = { pass: '#52c41a', fail: '#f5222d', threshold: '#fa8c16' } as const;

/** One colour per indicator, in the 办法's order, so a line keeps its colour across stages. */
const indicatorPalette = ['#1677ff', '#13c2c2', '#722ed1', '#eb2f96', '#fa8c16', '#a0d911', '#2f54eb'];

/** A value axis top that always shows the threshold line above the highest value, on a 0.1 step. */
export function axisTop(threshold: number, values: ReadonlyArray<number | null>): number {
  const highest = Math.max(threshold, ...values.filter((v): v is number => v !== null));
  return Math.ceil(highest * 1.15 * 10) / 10;
}

function thresholdLine(label: string, threshold: number) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed', color: cvColors.threshold, width: 2 },
    label: { formatter: label, position: 'insideEndTop', color: cvColors.threshold },
    data: [{ yAxis: threshold }],
  };
}

/**
 * The CV of each indicator of one stage (小学 or 初中) across rounds, oldest first, with the stage's
 * threshold as a dashed line. Rounds without schools of the stage leave a gap.
 */
export function trendChartOption(trend: BalanceTrend, stage: '小学' | '初中'): EChartsCoreOption {
  const series = trend.series.filter((s) => s.stage === stage);
  const threshold = series[0]?.threshold;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : cvText(v)) },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.rounds.map((r) => r.name) },
    yAxis: {
      type: 'value',
      min: 0,
      max: axisTop(
        threshold ?? 0,
        series.flatMap((s) => s.cv),
      ),
      name: t.monitor.cv,
    },
    series: series.map((s, index) => {
      const position = BALANCE_INDICATORS.findIndex((i) => i.key === s.key);
      return {
        id: s.key,
        name: indicatorOf(s.key).short,
        type: 'line',
        connectNulls: false,
        symbolSize: 7,
        itemStyle: { color: indicatorPalette[position] ?? indicatorPalette[0] },
        data: s.cv,
        ...(index === 0 && threshold !== undefined
          ? { markLine: thresholdLine(t.trend.threshold(stage, threshold.toFixed(2)), threshold) }
          : {}),
      };
    }),
  };
}

/** The stages a trend has lines for, in order (小学 before 初中). */
export function trendStages(trend: BalanceTrend): Array<'小学' | '初中'> {
  return (['小学', '初中'] as const).filter((stage) => trend.series.some((s) => s.stage === stage));
}

/** One stage's CV per indicator as bars (red above the threshold), the threshold as a dashed line. */
export function cvBarOption(stage: StageResult): EChartsCoreOption {
  const threshold = stage.indicators[0]?.threshold ?? 0;
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: stage.indicators.map((i) => indicatorOf(i.key).short),
      axisLabel: { interval: 0, rotate: 20 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: axisTop(
        threshold,
        stage.indicators.map((i) => i.cv),
      ),
    },
    series: [
      {
        id: 'cv',
        name: t.monitor.chartCv,
        type: 'bar',
        barMaxWidth: 36,
        data: stage.indicators.map((i) => ({
          value: i.cv === null ? null : Number(i.cv.toFixed(3)),
          itemStyle: { color: i.pass ? cvColors.pass : cvColors.fail },
        })),
        label: { show: true, position: 'top', formatter: (p: { value: number | null }) => cvText(p.value) },
        markLine: thresholdLine(`${t.monitor.chartThreshold} ${threshold.toFixed(2)}`, threshold),
      },
    ],
  };
}
