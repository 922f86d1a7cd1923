import type { IndicatorTable, OccurrenceMilestone, ReviewState, TaskStatus } from '../db/schema.ts';
import type { LightView } from '../shared/plan-tree.ts';
import type {
  IndicatorLight,
  Light,
  LightCounts,
  LightSettings,
  LightSummary,
  ReportLight,
} from './lights/index.ts';
import type { PlanReporting } from './reporting/load-reporting.ts';

// The shapes compute-plan-lights loads and returns. Kept apart so the pure builder and the use
// case (which does the I/O) can each stay small.

/** Everything about one plan the lights are computed from, as loaded in a few set-based queries. */
export interface PlanLightData {
  plan: { id: number; year: number };
  sections: Array<{ id: number; no: number; title: string }>;
  items: Array<{ id: number; sectionId: number; no: number; title: string; weight: number }>;
  itemLeaders: Array<{ itemId: number; name: string }>;
  unitNames: Map<number, { name: string; kind: 'department' | 'school' }>;
  tasks: Array<{
    id: number;
    itemId: number;
    parentTaskId: number | null;
    title: string;
    leadUnitId: number | null;
    startOn: string;
    dueOn: string;
    status: TaskStatus;
    /** The Asia/Shanghai day completion was accepted, for done tasks. */
    completedOn: string | null;
  }>;
  taskUnits: Array<{ taskId: number; unitId: number; role: 'lead' | 'co' }>;
  indicators: Array<{
    id: number;
    taskId: number;
    kind: IndicatorTable['kind'];
    text: string;
    per: IndicatorTable['per'];
    targetMin: number | null;
    targetMax: number | null;
    targetValue: number | null;
    name: string | null;
    dueOn: string | null;
  }>;
  /** Accepted occurrences only; value for percent promises, milestone for projects. */
  occurrences: Array<{
    indicatorId: number;
    occurredOn: string;
    value: number | null;
    milestone: OccurrenceMilestone | null;
  }>;
  reports: Array<{
    taskId: number;
    unitId: number;
    period: string;
    submittedOn: string;
    state: ReviewState;
    /** The unit's own estimate of the task's completion (自报进度), 0–100. */
    percent: number;
  }>;
  /** The calendars and each task's reporting rule (loadPlanReporting). */
  reporting: PlanReporting;
}

/** One indicator's light within a task. */
export interface IndicatorLightRow extends IndicatorLight {
  indicatorId: number;
  kind: IndicatorTable['kind'];
  text: string;
  /** A short name when the parser found one. */
  name: string | null;
}

/** A task's light, with the parts that made it. */
export interface TaskLightRow {
  taskId: number;
  itemId: number;
  parentTaskId: number | null;
  title: string;
  status: TaskStatus;
  dueOn: string;
  leadUnit: string | null;
  /** Lead first, then co-owners. */
  units: string[];
  light: Light;
  /** The accepted share of what the task owes so far (credited / owed); null when it owes nothing yet. */
  progress: number | null;
  credited: number;
  owed: number;
  /** The latest self-assessed percent (自报进度) of a report not returned, lead unit first; null before any. */
  selfPercent: number | null;
  reason: string;
  indicators: IndicatorLightRow[];
  report: ReportLight;
}

/** A rolled-up light (item, section or plan). */
export interface RolledLight {
  light: Light;
  /**
   * Items: credited / owed over their tasks; sections and the plan: the item-weighted mean of the
   * items that owe something. null when nothing is owed yet.
   */
  progress: number | null;
  /** What the shares are made of, summed over the tasks below. */
  credited: number;
  owed: number;
  reason: string;
  counts: LightCounts;
}

/** An item's light, rolled up from its tasks. */
export interface ItemLightRow extends RolledLight {
  itemId: number;
  sectionId: number;
  no: number;
  title: string;
  weight: number;
  leaders: string[];
}

/** A section's light, rolled up from its items by weight. */
export interface SectionLightRow extends RolledLight {
  sectionId: number;
  no: number;
  title: string;
}

/** Lights of a whole plan as of a day, with summaries for dashboards. */
export interface PlanLights {
  planId: number;
  asOf: string;
  settings: LightSettings;
  plan: RolledLight;
  sections: SectionLightRow[];
  items: ItemLightRow[];
  tasks: TaskLightRow[];
  summaries: {
    bySection: LightSummary[];
    byDepartment: LightSummary[];
    byLeader: LightSummary[];
    byLight: LightSummary[];
  };
}

/** A computed light as the API shows it: light, share of what is owed so far, reason and the numbers behind the share. */
export function toLightView(row: {
  light: Light;
  progress: number | null;
  reason: string;
  credited?: number;
  owed?: number;
  selfPercent?: number | null;
}): LightView {
  return {
    light: row.light,
    progress: row.progress,
    reason: row.reason,
    ...(row.credited !== undefined ? { credited: row.credited } : {}),
    ...(row.owed !== undefined ? { owed: row.owed } : {}),
    ...(row.selfPercent !== undefined ? { selfPercent: row.selfPercent } : {}),
  };
}
