// The plan tree as the API returns it (GET /api/plans/:id): read by the CLI and the web app.
// Types only, so the web bundle can import it without any server code.

import type { IndicatorKind, IndicatorPeriod } from './parsed-notice.ts';

/** A computed status (亮灯): grey not started, green on track, yellow lagging, red overdue, done 办结. */
export type Light = 'grey' | 'green' | 'yellow' | 'red' | 'done';

/** A task's workflow status. */
export type TaskStatus = 'pending' | 'acknowledged' | 'completion_requested' | 'done';

/** What an indicator measures (DESIGN.md, indicator kinds), as the parser names it. */
export type { IndicatorKind } from './parsed-notice.ts';

/** The period of a recurring or counted indicator (null when it has none). */
export type IndicatorPer = IndicatorPeriod | null;

/** A plan's lifecycle status. */
export type PlanStatus = 'draft' | 'published' | 'closed';

/**
 * A computed light with its progress and reason, as the tree shows it. Progress (0..1) is the
 * accepted share of what is owed so far — credited / owed for a task or an item, the item-weighted
 * mean for a section or the plan — and null while nothing is owed yet.
 */
export interface LightView {
  light: Light;
  progress: number | null;
  reason: string;
  /** Accepted work counted against what is owed so far (tasks and items; absent on indicators). */
  credited?: number;
  owed?: number;
  /** Tasks: the latest self-assessed percent of a report (自报进度, 0–100), null before any. */
  selfPercent?: number | null;
}

/** A unit named in the tree. */
export interface UnitRef {
  id: number;
  name: string;
}

/** An indicator: of a task once published, or as parsed on a draft item. */
export interface IndicatorNode {
  id: number;
  kind: IndicatorKind;
  text: string;
  per: IndicatorPer;
  targetMin: number | null;
  targetMax: number | null;
  targetValue: number | null;
  name: string | null;
  dueOn: string | null;
  /** Reporting slots of a recurring indicator (published plans only). */
  slots: Array<{ label: string; startsOn: string; endsOn: string }>;
  light?: LightView;
}

/** A task with its owners, dates, indicators and the school copies fanned out from it. */
export interface TaskNode {
  id: number;
  title: string;
  lead: UnitRef | null;
  coOwners: UnitRef[];
  startOn: string;
  dueOn: string;
  status: TaskStatus;
  version: number;
  indicators: IndicatorNode[];
  schools: TaskNode[];
  light?: LightView;
}

/** An item with its leaders, departments (lead first as in the notice) and work. */
export interface ItemNode {
  id: number;
  no: number;
  title: string;
  body: string;
  weight: number;
  leaders: string[];
  departments: Array<UnitRef & { isLead: boolean }>;
  /** The parsed indicators kept with the draft (what publishing turns into task indicators). */
  draftIndicators: IndicatorNode[];
  tasks: TaskNode[];
  light?: LightView;
}

/** A section with its items. */
export interface SectionNode {
  id: number;
  no: number;
  title: string;
  items: ItemNode[];
  light?: LightView;
}

/** A whole plan as plain objects, for `plan show`, the API and the web app. */
export interface PlanTree {
  plan: {
    id: number;
    title: string;
    year: number;
    status: PlanStatus;
    issuer: string | null;
    docNumber: string | null;
    noticeTitle: string | null;
    issuedOn: string | null;
    publishedOn: string | null;
    noticeId: number | null;
    version: number;
    warnings: Array<{ code: string; message: string; at?: number }>;
  };
  /** Present for published plans: the day lights were computed for and the plan's own light. */
  lights?: { asOf: string } & LightView;
  sections: SectionNode[];
}
