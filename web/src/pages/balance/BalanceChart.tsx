import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { echarts } from './echarts.ts';

// echarts-for-react is not a dependency of the app (see pages/dashboard/Chart.tsx for why), so the
// balance charts use a small wrapper over ECharts core, drawing SVG.

/**
 * An ECharts chart of the given height that follows its container's width. It starts once the
 * container has a width: a chart in a tab not yet shown would otherwise be drawn 0 pixels wide.
 */
export function BalanceChart({
  option,
  height,
  label,
}: {
  option: EChartsCoreOption;
  height: number;
  /** What the chart shows, for screen readers. */
  label: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    const follow = () => {
      if (chart.current) chart.current.resize();
      else if (container.clientWidth > 0) {
        chart.current = echarts.init(container, undefined, { renderer: 'svg' });
        chart.current.setOption(latest.current, { notMerge: true });
      }
    };
    const observer = new ResizeObserver(follow);
    observer.observe(container);
    follow();
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={label} style={{ height, width: '100%' }} />;
}
