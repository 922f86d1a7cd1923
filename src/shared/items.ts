// The item page as the API returns it (GET /api/items/:id), and the plan list (GET /api/plans):
// types only, so the web bundle can import them without any server code.

import type { BalanceBlocker, BalanceIndicatorKey, RoundStatus, RoundView } from './balance.ts';
import type {
  IndicatorKind,
  IndicatorPer,
  Light,
  LightView,
  PlanStatus,
  TaskStatus,
  UnitRef,
} from './plan-tree.ts';

/** A plan as GET /api/plans lists it. */
export interface PlanSummary {
  id: number;
  organizationId: number;
  title: string;
  year: number;
  status: PlanStatus;
  docNumber: string | null;
  issuedOn: string | null;
  publishedOn: string | null;
  updatedAt: string;
  items: number;
  tasks: number;
}

/** A review state of a report, occurrence or completion request. */
export type ReviewState = 'submitted' | 'accepted' | 'returned';

/** A file attached as evidence, downloadable at /api/files/:id (?inline=1 previews images and PDFs). */
export interface EvidenceView {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
}

/** One accept/return decision. */
export interface ReviewView {
  id: number;
  decision: 'accept' | 'return';
  comment: string;
  /** The reviewer's display name (null when the account is gone or a job decided). */
  reviewer: string | null;
  at: string;
}

/** A progress report (进展填报) of one owner for one period, with its reviews and evidence. */
export interface ReportView {
  id: number;
  taskId: number;
  unit: UnitRef;
  /** 'YYYY-MM'. */
  period: string;
  selfStatus: 'on_track' | 'at_risk' | 'delayed';
  percent: number;
  narrative: string;
  state: ReviewState;
  /** 1 for the first filing, +1 for each re-filing after a return. */
  revision: number;
  submittedAt: string;
  submittedBy: string | null;
  /** Oldest first. */
  reviews: ReviewView[];
  evidence: EvidenceView[];
}

/** A logged fulfilment (完成记录) of an indicator. */
export interface OccurrenceView {
  id: number;
  indicatorId: number;
  /** The report it was filed with (and is reviewed with); null when logged on its own. */
  reportId: number | null;
  /** percent: the value reached. */
  value: number | null;
  /** project: the milestone reached. */
  milestone: OccurrenceMilestone | null;
  unit: UnitRef | null;
  occurredOn: string;
  note: string;
  state: ReviewState;
  createdAt: string;
  createdBy: string | null;
  reviews: ReviewView[];
  evidence: EvidenceView[];
}

/** Where an indicator stands: what its wording requires by the day, what accepted work adds up to. */
export interface IndicatorProgress extends LightView {
  /** Required by the day lights were computed for. */
  expected: number;
  /** Accepted so far (percent: the latest accepted value). */
  actual: number;
  /** Required over the plan year. */
  target: number;
  dueOn: string;
  /** recurring: the ended periods not covered, e.g. '2024年4月'. */
  missing: string[];
  /** Accepted work counted against what is owed so far; credited / owed is the progress. */
  credited: number;
  owed: number;
}

/** A project's milestones in order: 开工, 主体完工, 竣工验收 (only the last completes the project). */
export const MILESTONES = ['started', 'built', 'completed'] as const;

/** A project's milestone. */
export type OccurrenceMilestone = (typeof MILESTONES)[number];

/** An indicator of a task with its progress and logged occurrences. */
export interface IndicatorView {
  id: number;
  taskId: number;
  kind: IndicatorKind;
  text: string;
  per: IndicatorPer;
  targetMin: number | null;
  targetMax: number | null;
  targetValue: number | null;
  name: string | null;
  dueOn: string | null;
  progress: IndicatorProgress | null;
  occurrences: OccurrenceView[];
}

/** Words of the item's body that state an indicator, for highlighting. */
export interface IndicatorSpan {
  /** [start, end) offsets into the item's body (UTF-16 code units, as String.slice counts). */
  start: number;
  end: number;
  kind: IndicatorKind;
  text: string;
  /** The visible task indicators stated by these words (a task's and its school copies'); empty on a draft. */
  indicatorIds: number[];
}

/** A due-date extension request (延期申请). */
export interface ExtensionView {
  id: number;
  reason: string;
  oldDueOn: string;
  newDueOn: string;
  state: 'pending' | 'approved' | 'refused';
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string;
}

/** A completion request (办结申请). */
export interface CompletionView {
  id: number;
  note: string;
  state: ReviewState;
  requestedBy: string | null;
  requestedAt: string;
  reviews: ReviewView[];
  evidence: EvidenceView[];
}

/** A task of the item with everything done on it. */
export interface TaskDetail {
  id: number;
  /** The task a school copy was fanned out from (null for the item's own tasks). */
  parentTaskId: number | null;
  title: string;
  lead: UnitRef | null;
  coOwners: UnitRef[];
  startOn: string;
  dueOn: string;
  status: TaskStatus;
  acknowledgedAt: string | null;
  completedAt: string | null;
  /** The signed-in user's unit leads or co-owns it: it reports and logs completions on it. */
  ownedByMe: boolean;
  light: LightView | null;
  /** The light of its reporting alone (reports due and handed in). */
  reportLight: { light: Light; reason: string } | null;
  indicators: IndicatorView[];
  /** Newest period first. */
  reports: ReportView[];
  extensions: ExtensionView[];
  completions: CompletionView[];
}

/** One entry of the item's audit trail (留痕): who did what to which record, when. */
export interface ItemAuditEntry {
  id: number;
  actor: string;
  action: string;
  entityType: string;
  entityId: number | null;
  at: string;
}

/** Everything the item page shows, limited to what the actor may see. */
export interface ItemDetail {
  /** The day lights were computed for (null for a draft plan). */
  asOf: string | null;
  plan: { id: number; title: string; year: number; status: PlanStatus };
  section: { id: number; no: number; title: string };
  item: {
    id: number;
    no: number;
    title: string;
    body: string;
    weight: number;
    leaders: string[];
    departments: Array<UnitRef & { isLead: boolean }>;
  };
  /** The item's light over the tasks the actor sees (null when none, or on a draft). */
  light: LightView | null;
  /** Where the body states indicators, in body order, never overlapping. */
  spans: IndicatorSpan[];
  /** Tasks, school copies after their parent. */
  tasks: TaskDetail[];
  /** Newest first. */
  audit: ItemAuditEntry[];
  /** 均衡监测: the collection round serving one of the item's tasks (issue 16); absent or null when none. */
  balance?: ItemBalanceView | null;
}

// ---------------------------------------------------------------------------------------------
// Issue 16: the 均衡监测 block of the item page — the latest seven-indicator collection round linked
// to one of the item's tasks (item 13 of Yunxi: 适时监测…差异系数), computed as the monitor computes it.

/** One stage of a round's result: its schools and how many of the seven CVs are within the threshold. */
export interface ItemBalanceStage {
  stage: '小学' | '初中';
  schools: number;
  pupils: number;
  /** Every CV within its threshold. */
  pass: boolean;
  /** How many of the seven CVs are within the threshold. */
  within: number;
  threshold: number;
  indicators: Array<{
    key: BalanceIndicatorKey;
    name: string;
    cv: number | null;
    pass: boolean;
  }>;
}

/** The headline of a round's result, as the monitor computes it on the same rows. */
export interface ItemBalanceResult {
  /** Every stage and every school passes. */
  pass: boolean;
  /** One line on the county (the words of the completion recorded at lock). */
  summary: string;
  stages: ItemBalanceStage[];
  /** What keeps the county from 优质均衡, largest excess first. */
  blockers: BalanceBlocker[];
  /** School rows (a 九年一贯制 school counts once per stage) checked, and those failing 6-of-7/85 %. */
  schools: number;
  failingSchools: number;
}

/** The 均衡监测 block: the latest locked round linked to the item (else the open one with its progress). */
export interface ItemBalanceView {
  round: {
    id: number;
    name: string;
    status: RoundStatus;
    dueOn: string;
    openedAt: string;
    lockedAt: string | null;
    /** The item's task the round serves. */
    taskId: number;
  };
  /** Schools expected and their rows by status. */
  counts: RoundView['counts'];
  /** 'accepted' once locked; 'filed' while open (submitted rows count before review). */
  basis: 'accepted' | 'filed';
  /** null while no row counts yet. */
  result: ItemBalanceResult | null;
  /** A round opened after the locked one shown, still being filled. */
  newer: { id: number; name: string; dueOn: string; counts: RoundView['counts'] } | null;
}
