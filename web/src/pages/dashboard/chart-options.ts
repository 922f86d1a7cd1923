// Pure functions from the dashboard answer to ECharts options and drill-down addresses, kept apart
// from the chart components so they can be tested without a canvas.
import type {
  DashboardDepartment,
  DashboardResponse,
  DashboardSection,
  PlanChoice,
  TrendMonth,
} from '@shared/dashboard.ts';
import type { Light } from '@shared/plan-tree.ts';
import type { EChartsCoreOption } from 'echarts/core';
import { lightColors } from '../../components/LightTag.tsx';
import { common } from '../../i18n/common.ts';
import { dashboard as t } from '../../i18n/dashboard.ts';

/** The lights in the order stacked bars show them: worst first. */
export const stackOrder: readonly Light[] = ['red', 'yellow', 'green', 'grey', 'done'];

/** The board's filters the dashboard drills into (the board page at /plans/:planId reads them). */
export interface BoardFilter {
  section?: number;
  department?: number;
  light?: Light;
}

/** The board of a plan, filtered: /plans/1?section=3&light=red. */
export function boardPath(planId: number, filter: BoardFilter = {}): string {
  const params = new URLSearchParams();
  if (filter.section !== undefined) params.set('section', String(filter.section));
  if (filter.department !== undefined) params.set('department', String(filter.department));
  if (filter.light !== undefined) params.set('light', filter.light);
  const query = params.toString();
  return query ? `/plans/${planId}?${query}` : `/plans/${planId}`;
}

/** The page of one item of a plan. */
export function itemPath(planId: number, itemId: number): string {
  return `/plans/${planId}/items/${itemId}`;
}

/** What ECharts tells a click handler (the parts we read). */
export interface ChartClick {
  componentType?: string;
  /** Series clicks: the bar's index within its series. */
  dataIndex?: number;
  /** Series clicks: the series id, which is the light. */
  seriesId?: string;
  /** Axis label clicks: the label's text. */
  value?: unknown;
}

function isLight(value: unknown): value is Light {
  return typeof value === 'string' && (stackOrder as readonly string[]).includes(value);
}

/** Where a click on the section chart leads: a segment to its section and light, a label to its section. */
export function sectionClickTarget(
  planId: number,
  sections: readonly DashboardSection[],
  click: ChartClick,
): string | undefined {
  if (click.componentType === 'yAxis') {
    const section = sections.find((s) => sectionAxisLabel(s) === click.value);
    return section ? boardPath(planId, { section: section.sectionId }) : undefined;
  }
  const section = click.dataIndex === undefined ? undefined : sections[click.dataIndex];
  if (!section) return undefined;
  return boardPath(planId, {
    section: section.sectionId,
    ...(isLight(click.seriesId) ? { light: click.seriesId } : {}),
  });
}

/** Where a click on the department chart leads: a segment to the department and light, a label to the department. */
export function departmentClickTarget(
  planId: number,
  departments: readonly DashboardDepartment[],
  click: ChartClick,
): string | undefined {
  if (click.componentType === 'yAxis') {
    const department = departments.find((d) => d.name === click.value);
    return department ? boardPath(planId, { department: department.unitId }) : undefined;
  }
  const department = click.dataIndex === undefined ? undefined : departments[click.dataIndex];
  if (!department) return undefined;
  return boardPath(planId, {
    department: department.unitId,
    ...(isLight(click.seriesId) ? { light: click.seriesId } : {}),
  });
}

/** A section's name on the chart: 一、聚焦党建引领，落实… (the axis shortens it, the tooltip does not). */
export function sectionAxisLabel(section: DashboardSection): string {
  return t.sectionLabel(section.no, section.title);
}

/** An axis label shortened to fit beside the bars. */
export function shortLabel(label: string, max = 12): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

function stackedBars<T extends { counts: Record<Light, number> }>(rows: readonly T[]) {
  return stackOrder.map((light) => ({
    id: light,
    name: common.light[light] ?? light,
    type: 'bar',
    stack: 'lights',
    barMaxWidth: 22,
    cursor: 'pointer',
    itemStyle: { color: lightColors[light] },
    emphasis: { focus: 'series' },
    label: {
      show: true,
      color: '#fff',
      fontSize: 11,
      formatter: (p: { value: number }) => (p.value ? String(p.value) : ''),
    },
    data: rows.map((row) => row.counts[light]),
  }));
}

function horizontalStack(labels: string[], series: ReturnType<typeof stackedBars>): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 12, itemHeight: 12, selectedMode: false },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      triggerEvent: true,
      data: labels,
      axisLabel: { color: '#262626', cursor: 'pointer', formatter: (label: string) => shortLabel(label) },
    },
    series,
  };
}

/** Items of each section by light, as stacked horizontal bars (section 一 on top). */
export function sectionChartOption(sections: readonly DashboardSection[]): EChartsCoreOption {
  return horizontalStack(sections.map(sectionAxisLabel), stackedBars(sections));
}

/** Tasks of each department by light, as stacked horizontal bars in the order given (worst first). */
export function departmentChartOption(departments: readonly DashboardDepartment[]): EChartsCoreOption {
  return horizontalStack(
    departments.map((d) => d.name),
    stackedBars(departments),
  );
}

/** The height the department chart needs so every bar stays readable (the card scrolls past its own height). */
export function departmentChartHeight(rows: number): number {
  return Math.max(240, 48 + rows * 30);
}

/** Reports per month: on time, late and missing as stacked columns. */
export function trendChartOption(trend: readonly TrendMonth[]): EChartsCoreOption {
  const parts = [
    { id: 'onTime', name: t.onTime, color: lightColors.green, value: (m: TrendMonth) => m.onTime },
    { id: 'late', name: t.late, color: lightColors.yellow, value: (m: TrendMonth) => m.late },
    { id: 'missing', name: t.missing, color: lightColors.red, value: (m: TrendMonth) => m.missing },
  ];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, itemWidth: 12, itemHeight: 12 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.map((m) => `${Number(m.month.slice(5))}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: parts.map((part) => ({
      id: part.id,
      name: part.name,
      type: 'bar',
      stack: 'reports',
      barMaxWidth: 36,
      itemStyle: { color: part.color },
      data: trend.map(part.value),
    })),
  };
}

/** Whether a trend has any report due at all (otherwise the chart says so instead of drawing zeros). */
export function trendHasReports(trend: readonly TrendMonth[]): boolean {
  return trend.some((m) => m.onTime + m.late + m.missing > 0);
}

/** A share 0..1 as a whole percent for tables and cards. */
export function percent(share: number): number {
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

/** The plans a dashboard can show (published or closed), latest first. */
export function dashboardPlans(plans: readonly PlanChoice[]): PlanChoice[] {
  return plans
    .filter((plan) => plan.status !== 'draft')
    .sort(
      (a, b) =>
        b.year - a.year ||
        (b.status === 'published' ? 1 : 0) - (a.status === 'published' ? 1 : 0) ||
        (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '') ||
        b.id - a.id,
    );
}

/** The share of due reports handed in on time over every unit of the ranking, or null when none was due. */
export function overallOnTimeRate(ranking: DashboardResponse['ranking']): number | null {
  const due = ranking.reduce((sum, r) => sum + r.reportsDue, 0);
  const onTime = ranking.reduce((sum, r) => sum + r.reportsOnTime, 0);
  return due > 0 ? onTime / due : null;
}
