import { z } from 'zod';

// Contracts of the year-end evaluation (年终考核): the rubric form, bonus/penalty entries and the
// computed evaluation. Shared by the HTTP routes and the web forms.

/** The rubric a plan starts with: 完成情况 60, 及时性 25, 审核质量 15; bonus up to 5, penalty up to 10. */
export const DEFAULT_RUBRIC = {
  completion: 60,
  timeliness: 25,
  quality: 15,
  bonusCap: 5,
  penaltyCap: 10,
} as const;

/** Longest reason of a bonus or penalty entry, in characters. */
export const MAX_REASON = 500;

const weight = (label: string) =>
  z
    .number({ error: `请填写${label}权重` })
    .int({ error: `${label}权重须为整数` })
    .min(0, { error: `${label}权重不能为负数` })
    .max(100, { error: `${label}权重不能超过 100` });

const cap = (label: string) =>
  z
    .number({ error: `请填写${label}上限` })
    .int({ error: `${label}上限须为整数` })
    .min(0, { error: `${label}上限不能为负数` })
    .max(100, { error: `${label}上限不能超过 100` });

/** The rubric form: three weights that sum to 100, and the caps of bonus and penalty points. */
export const rubricSchema = z
  .object({
    completion: weight('完成情况'),
    timeliness: weight('及时性'),
    quality: weight('审核质量'),
    bonusCap: cap('加分'),
    penaltyCap: cap('减分'),
    /** The version read, so two supervisors never overwrite each other; absent for a first save. */
    version: z.number().int().positive().optional(),
  })
  .refine((r) => r.completion + r.timeliness + r.quality === 100, {
    path: ['completion'],
    error: '完成情况、及时性、审核质量三项权重之和须为 100',
  });

/** Input of saving a rubric. */
export type RubricInput = z.infer<typeof rubricSchema>;

/** Adding a bonus (加分) or penalty (减分) entry for one unit, with its reason. */
export const adjustmentSchema = z.object({
  unitId: z.number({ error: '请选择单位' }).int().positive({ error: '请选择单位' }),
  kind: z.enum(['bonus', 'penalty'], { error: '请选择加分或减分' }),
  points: z
    .number({ error: '请填写分值' })
    .positive({ error: '分值须大于 0' })
    .max(100, { error: '分值不能超过 100' })
    .refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-6, { error: '分值最多保留两位小数' }),
  reason: z
    .string({ error: '请填写加减分理由' })
    .trim()
    .min(1, { error: '请填写加减分理由' })
    .max(MAX_REASON, { error: `理由不能超过 ${MAX_REASON} 字` }),
});

/** Input of adding a bonus or penalty entry. */
export type AdjustmentInput = z.infer<typeof adjustmentSchema>;

/** Publishing and locking (发布并锁定) cannot be undone, so the form sends an explicit confirmation. */
export const lockSchema = z.object({
  confirm: z.literal(true, { error: '请确认发布并锁定：锁定后考核结果不再变化' }),
});

/** The stored rubric of a plan. */
export interface EvaluationRubric {
  completion: number;
  timeliness: number;
  quality: number;
  bonusCap: number;
  penaltyCap: number;
  /** null while the plan still uses the defaults (nothing saved yet). */
  version: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** One bonus or penalty entry. */
export interface EvaluationAdjustment {
  id: number;
  unitId: number;
  unitName: string;
  kind: 'bonus' | 'penalty';
  points: number;
  reason: string;
  author: string;
  createdAt: string;
}

/** The kind of a calculation line ('rule': the ranking rule that places a unit, no points). */
export type EvaluationLineKind =
  | 'completion'
  | 'timeliness'
  | 'quality'
  | 'bonus'
  | 'penalty'
  | 'total'
  | 'rule';

/** One line of a unit's calculation, e.g. 完成情况：已验收 18 / 应完成 20 = 90.0% × 60 = 54.00. */
export interface EvaluationLine {
  kind: EvaluationLineKind;
  text: string;
  /**
   * The points this line adds (negative for a penalty); for 'total' the total. null when the line
   * adds nothing: a measure that cannot be assessed yet (暂不考核), a ranking rule, an unscored unit.
   */
  points: number | null;
}

/** Why a unit has no rank: no task in the plan (无考核任务), or nothing that can be assessed yet (无考核数据). */
export type UnrankedReason = 'noTasks' | 'noData';

/** A unit's score with its calculation. */
export interface UnitEvaluation {
  unitId: number;
  unitName: string;
  unitKind: 'department' | 'school';
  /** false for a unit without a score and rank (see `unranked`). */
  ranked: boolean;
  /** Why the unit is not ranked; null when it is. */
  unranked: UnrankedReason | null;
  /**
   * Reports were due and none of the unit's reports stands as of the day (none filed, or every one
   * returned and not filed again): ranked after every unit that has one, whatever the points.
   */
  silent: boolean;
  rank: number | null;
  total: number | null;
  /**
   * The sum of the weights of the measures that could be assessed; when less than the rubric's three
   * weights the total was scaled over them (按可考核项折算). null for an unranked unit.
   */
  assessedWeight: number | null;
  /** points: null when the measure cannot be assessed yet (nothing owed by the day). */
  completion: { achieved: number; expected: number; points: number | null };
  timeliness: { onTime: number; due: number; points: number | null };
  /** Review decisions on the unit's reports by the day: accepted of all reviewed; filed = reports filed. */
  quality: { accepted: number; reviewed: number; filed: number; points: number | null };
  bonus: number;
  penalty: number;
  lines: EvaluationLine[];
}

/** The evaluation of a plan as of a day, live or as locked. */
export interface Evaluation {
  planId: number;
  planTitle: string;
  year: number;
  organizationName: string;
  asOf: string;
  rubric: EvaluationRubric;
  adjustments: EvaluationAdjustment[];
  departments: UnitEvaluation[];
  schools: UnitEvaluation[];
  /** The definitions of the three measures and the rounding rule, shown with the scores. */
  definitions: string[];
  locked: { at: string; by: string } | null;
  /** Whether the actor may edit the rubric and entries and lock (a supervisor, before locking). */
  canEdit: boolean;
  /** Whether the actor sees every unit (false: a department or school sees its own line only). */
  seesAll: boolean;
}
