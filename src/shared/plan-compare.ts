import { z } from 'zod';
import type { Light, PlanStatus, TaskStatus } from './plan-tree.ts';

// Contracts of next year's plan compared with this year's (年度对比) and the carry-over of
// unfinished tasks (结转). Shared by the HTTP routes and the web page.

/** One run of a character-level difference: kept, added in the new text, or removed from the old. */
export interface DiffRun {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** An item as the comparison names it. */
export interface CompareItemRef {
  id: number;
  no: number;
  title: string;
  sectionNo: number;
  sectionTitle: string;
}

/** Leaders and departments added to or removed from an item between the two years. */
export interface ResponsibilityChange {
  leadersAdded: string[];
  leadersRemoved: string[];
  departmentsAdded: string[];
  departmentsRemoved: string[];
  /** The lead department (牵头) before and after, when it changed. */
  leadBefore: string | null;
  leadAfter: string | null;
  leadChanged: boolean;
}

/**
 * How an item of the new plan relates to one of the old: the same item (unchanged or changed),
 * a likely pair for the user to confirm (possible), a part split off the old item, or an old item
 * merged into the new one.
 */
export type MatchStatus = 'unchanged' | 'changed' | 'possible';
/** Whether the pair is one-to-one, a piece split off the old item, or an old item merged into the new. */
export type MatchRelation = 'same' | 'split' | 'merged';

/** A pair of items, old and new, with their similarity, text differences and responsibility moves. */
export interface ItemMatchView {
  before: CompareItemRef;
  after: CompareItemRef;
  status: MatchStatus;
  relation: MatchRelation;
  /** 0–1: character-bigram TF-IDF cosine of title and text, with a small boost for the same section theme. */
  similarity: number;
  titleDiff: DiffRun[];
  bodyDiff: DiffRun[];
  responsibility: ResponsibilityChange | null;
}

/** A plan as the comparison names it. */
export interface ComparePlanRef {
  id: number;
  title: string;
  year: number;
  status: PlanStatus;
}

/** Next year's plan compared with this year's. */
export interface PlanComparison {
  /** The plan compared (the new year's). */
  plan: ComparePlanRef;
  /** The plan it is compared with (the previous year's). */
  base: ComparePlanRef;
  /** Whether base is the plan recorded as this plan's previous one (else it was chosen or guessed). */
  linked: boolean;
  counts: {
    unchanged: number;
    changed: number;
    possible: number;
    added: number;
    dropped: number;
    split: number;
    merged: number;
    responsibility: number;
  };
  matches: ItemMatchView[];
  /** Items of the new plan with no counterpart (新增). */
  added: CompareItemRef[];
  /** Items of the old plan with no counterpart (取消). */
  dropped: CompareItemRef[];
}

/** An unfinished task of the previous plan offered for carry-over, with where it would go. */
export interface CarryOverCandidate {
  taskId: number;
  title: string;
  status: TaskStatus;
  dueOn: string;
  leadUnit: string | null;
  light: Light | null;
  lightReason: string | null;
  item: CompareItemRef;
  /** The new plan's item this task's item matches, if any. */
  target: (CompareItemRef & { status: MatchStatus; relation: MatchRelation }) | null;
  /** The task already carried into the new plan from this one, if any. */
  carriedTaskId: number | null;
}

/** The carry-over list of a plan. */
export interface CarryOverList {
  plan: ComparePlanRef;
  base: ComparePlanRef;
  candidates: CarryOverCandidate[];
}

const id = z.coerce.number().int().positive();

/** Which plan to compare with (by default the plan's recorded previous plan). */
export const comparisonQuerySchema = z.object({ base: id.optional() });

/** Recording (or clearing, with null) the plan a plan follows. */
export const setPreviousPlanSchema = z.object({
  previousPlanId: z.number({ error: '请选择上一年度工作要点' }).int().positive().nullable(),
});

/** Input of recording a plan's previous plan. */
export type SetPreviousPlanInput = z.infer<typeof setPreviousPlanSchema>;

/** Most tasks carried in one request. */
export const MAX_CARRY_OVER = 500;

/** Carrying unfinished tasks of the previous plan into this one, each under the matched or a chosen item. */
export const carryOverSchema = z.object({
  base: id.optional(),
  tasks: z
    .array(z.object({ taskId: id, itemId: id.optional() }), { error: '请选择要结转的任务' })
    .min(1, { error: '请至少选择一项要结转的任务' })
    .max(MAX_CARRY_OVER, { error: `一次最多结转 ${MAX_CARRY_OVER} 项任务` }),
});

/** Input of carrying tasks over. */
export type CarryOverInput = z.infer<typeof carryOverSchema>;

/** What a carry-over created. */
export interface CarryOverResult {
  created: Array<{ taskId: number; fromTaskId: number; itemId: number }>;
}
