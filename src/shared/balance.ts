import { z } from 'zod';

// Contracts of school data collection (一表通) and the balanced-development monitor (优质均衡
// 差异系数), shared by the domain, the HTTP routes, the CLI and the web forms.
//
// The method is the Ministry of Education's 《县域义务教育优质均衡发展督导评估办法》 (教督〔2017〕6号),
// 资源配置 (resource allocation): seven indicators per school, each school reaching at least six of
// the minimums with none below 85 % of its minimum, and per stage across the county's schools a
// pupil-weighted coefficient of variation (差异系数) of at most 0.50 (小学) and 0.45 (初中).
// Which schools count: the 办法's scope is the county's compulsory-education schools (小学 including
// 教学点, 初中); provincial rules that apply it (e.g. 河北省县域义务教育优质均衡发展督导评估具体办法,
// restating the 办法's 资源配置 section) leave out special-education schools and 教学点 of fewer than 50
// pupils. Duban follows that: see BALANCE_EXCLUSION below and src/domain/balance/compute-balance.ts.

/** The two stages of compulsory education; a 九年一贯制 school reports one row for each. */
export const BALANCE_STAGES = ['primary', 'junior'] as const;
/** A stage code. */
export type BalanceStage = (typeof BALANCE_STAGES)[number];
/** How a stage is written in sheets, pages and documents. */
export const STAGE_LABELS = { primary: '小学', junior: '初中' } as const satisfies Record<
  BalanceStage,
  string
>;
/** A stage as written: 小学 or 初中. */
export type StageLabel = (typeof STAGE_LABELS)[BalanceStage];

/** The seven indicator keys, in the 办法's order. */
export const BALANCE_INDICATOR_KEYS = [
  'teachersAboveDegree',
  'backboneTeachers',
  'peArtTeachers',
  'buildingArea',
  'sportsArea',
  'equipmentValue',
  'multimediaRooms',
] as const;
/** An indicator key. */
export type BalanceIndicatorKey = (typeof BALANCE_INDICATOR_KEYS)[number];

/** One of the seven resource-allocation indicators. */
export interface BalanceIndicator {
  key: BalanceIndicatorKey;
  /** The indicator as the 办法 names it. */
  name: string;
  /** A short name for tables and charts. */
  short: string;
  /** The column of the template sheet holding the school's raw figure. */
  column: string;
  /** The raw figure's unit (人, 间, ㎡, 元). */
  rawUnit: string;
  /** The indicator's unit once divided by pupils. */
  unit: string;
  /** Per hundred pupils (counts of teachers, rooms) or per pupil (areas, values). */
  per: 100 | 1;
  /** The minimum each school must reach, per stage. */
  minimum: Record<BalanceStage, number>;
}

/** The seven indicators with their minimums (办法 第五条 资源配置). */
export const BALANCE_INDICATORS: readonly BalanceIndicator[] = [
  {
    key: 'teachersAboveDegree',
    name: '每百名学生拥有高于规定学历教师数',
    short: '高于规定学历教师',
    column: '高于规定学历教师数',
    rawUnit: '人',
    unit: '人/百生',
    per: 100,
    minimum: { primary: 4.2, junior: 5.3 },
  },
  {
    key: 'backboneTeachers',
    name: '每百名学生拥有县级及以上骨干教师数',
    short: '骨干教师',
    column: '县级及以上骨干教师数',
    rawUnit: '人',
    unit: '人/百生',
    per: 100,
    minimum: { primary: 1.0, junior: 1.0 },
  },
  {
    key: 'peArtTeachers',
    name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
    short: '体育艺术教师',
    column: '体育艺术专任教师数',
    rawUnit: '人',
    unit: '人/百生',
    per: 100,
    minimum: { primary: 0.9, junior: 0.9 },
  },
  {
    key: 'buildingArea',
    name: '生均教学及辅助用房面积',
    short: '教学及辅助用房',
    column: '教学及辅助用房面积',
    rawUnit: '㎡',
    unit: '㎡/生',
    per: 1,
    minimum: { primary: 4.5, junior: 5.8 },
  },
  {
    key: 'sportsArea',
    name: '生均体育运动场馆面积',
    short: '体育运动场馆',
    column: '体育运动场馆面积',
    rawUnit: '㎡',
    unit: '㎡/生',
    per: 1,
    minimum: { primary: 7.5, junior: 10.2 },
  },
  {
    key: 'equipmentValue',
    name: '生均教学仪器设备值',
    short: '教学仪器设备',
    column: '教学仪器设备值',
    rawUnit: '元',
    unit: '元/生',
    per: 1,
    minimum: { primary: 2000, junior: 2500 },
  },
  {
    key: 'multimediaRooms',
    name: '每百名学生拥有网络多媒体教室数',
    short: '网络多媒体教室',
    column: '网络多媒体教室数',
    rawUnit: '间',
    unit: '间/百生',
    per: 100,
    minimum: { primary: 2.3, junior: 2.4 },
  },
];

/** The largest coefficient of variation each stage may show (办法: 小学 ≤ 0.50, 初中 ≤ 0.45). */
export const CV_THRESHOLDS: Record<BalanceStage, number> = { primary: 0.5, junior: 0.45 };
/** A school passes with at least this many indicators at their minimum… */
export const MIN_INDICATORS_MET = 6;
/** …and none below this share of its minimum. */
export const FLOOR_SHARE = 0.85;
/** Schools left out of the monitor (named, with the reason shown). */
export const BALANCE_EXCLUSION = {
  /** A 教学点 (its name says so) with fewer pupils than this. */
  teachingPointPupils: 50,
  /** Special-education schools (特殊教育学校, 特教…, 培智…, 启聪…, 启明…). */
  special: true,
} as const;

/** The template sheet's first columns, before the seven raw figures. */
export const SHEET_KEY_COLUMNS = { school: '学校', stage: '学段', pupils: '学生数' } as const;

// ---------------------------------------------------------------------------------------------
// The calculation (pure, src/domain/balance/compute-balance.ts), also the JSON of
// `duban balance compute FILE.xlsx --json` and of GET /api/balance/rounds/:id/monitor.

/** One school's row of one stage, as the calculation takes it: raw figures, not ratios. */
export interface BalanceSchoolInput {
  name: string;
  /** The unit (学校) of the directory, when the row came from a collection round. */
  unitId?: number;
  stage: BalanceStage;
  pupils: number;
  /** Raw figures: teachers, rooms (count), ㎡, 元. */
  raw: Record<BalanceIndicatorKey, number>;
  /** The row of the sheet it was read from (as Excel numbers it), for messages about it. */
  sheetRow?: number;
}

/** One indicator across one stage's schools. */
export interface StageIndicatorResult {
  key: BalanceIndicatorKey;
  name: string;
  /** Pupil-weighted mean, X̄ = ΣPᵢXᵢ / ΣPᵢ. */
  mean: number;
  /** Pupil-weighted coefficient of variation, S / X̄; null when X̄ is 0. */
  cv: number | null;
  threshold: number;
  pass: boolean;
  /** cv − threshold when over it (rounded to 0.01 for the text), else 0. */
  over: number;
  /** The lowest and highest school values. */
  min: number;
  max: number;
  minimum: number;
  /** Schools below the minimum, by name. */
  belowMinimum: string[];
}

/** One stage of the county. */
export interface StageResult {
  stage: '小学' | '初中';
  schools: number;
  pupils: number;
  indicators: StageIndicatorResult[];
  /** Every indicator's CV within its threshold (and at least one school). */
  pass: boolean;
}

/** What one school misses. */
export interface SchoolMiss {
  key: BalanceIndicatorKey;
  value: number;
  minimum: number;
  /** value / minimum. */
  share: number;
}

/** One school's row of one stage, checked against the minimums. */
export interface SchoolResult {
  name: string;
  unitId?: number;
  stage: '小学' | '初中';
  pupils: number;
  /** Each indicator's value (per hundred pupils or per pupil). */
  values: Record<BalanceIndicatorKey, number>;
  /** How many of the seven reach the minimum. */
  met: number;
  /** met ≥ 6 and none below 85 % of its minimum. */
  pass: boolean;
  /** The keys below the minimum. */
  below: BalanceIndicatorKey[];
  misses: SchoolMiss[];
}

/** A school left out of the monitor. */
export interface ExcludedSchool {
  name: string;
  stage: '小学' | '初中';
  pupils: number;
  reason: string;
}

/** What keeps the county from 优质均衡, largest excess first. */
export interface BalanceBlocker {
  stage: '小学' | '初中';
  key: BalanceIndicatorKey;
  cv: number;
  threshold: number;
  over: number;
  /** e.g. "初中体育运动场馆面积差异系数0.52，超出0.07". */
  text: string;
}

/** The whole calculation. */
export interface BalanceResult {
  stages: StageResult[];
  schools: SchoolResult[];
  excluded: ExcludedSchool[];
  blockers: BalanceBlocker[];
  /** Every stage passes and every school passes. */
  pass: boolean;
}

/** A change to try without saving (若某校新增骨干教师2人): adds `delta` to a raw figure of a school's row. */
export const whatIfChangeSchema = z.object({
  name: z.string({ error: '请选择学校' }).trim().min(1, { error: '请选择学校' }),
  stage: z.enum(BALANCE_STAGES, { error: '请选择学段' }),
  key: z.enum([...BALANCE_INDICATOR_KEYS, 'pupils'] as const, { error: '请选择指标' }),
  delta: z.number({ error: '请填写增减数量' }).finite({ error: '请填写增减数量' }),
});
/** One what-if change. */
export type WhatIfChange = z.infer<typeof whatIfChangeSchema>;
/** Several changes tried together. */
export const whatIfSchema = z.object({
  changes: z.array(whatIfChangeSchema).min(1, { error: '请至少设置一项变化' }).max(50),
});

// ---------------------------------------------------------------------------------------------
// Collection (一表通): forms, rounds and each school's rows.

/** A field of a collection form. */
export const formFieldSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { error: '字段代码应为字母开头的字母或数字（最多 40 个）' }),
  label: z
    .string({ error: '请填写字段名称' })
    .trim()
    .min(1, { error: '请填写字段名称' })
    .max(40, { error: '字段名称不能超过 40 字' }),
  unit: z.string().trim().max(10, { error: '单位不能超过 10 字' }).default(''),
  /** Whole numbers only (people, rooms) or any number (㎡, 元). */
  integer: z.boolean().default(false),
  min: z.number().finite().default(0),
  max: z.number().finite().nullable().default(null),
  required: z.boolean().default(true),
});
/** A form field. */
export type FormField = z.infer<typeof formFieldSchema>;

/** A form the bureau defines (the seven-indicator form is built in). */
export const newFormSchema = z
  .object({
    name: z
      .string({ error: '请填写表单名称' })
      .trim()
      .min(1, { error: '请填写表单名称' })
      .max(60, { error: '表单名称不能超过 60 字' }),
    /** Whether each school reports one row per stage (小学/初中). */
    staged: z.boolean().default(false),
    fields: z.array(formFieldSchema).min(1, { error: '请至少添加一个字段' }).max(60),
  })
  .refine((form) => new Set(form.fields.map((f) => f.key)).size === form.fields.length, {
    path: ['fields'],
    error: '字段代码不能重复',
  })
  .refine((form) => form.fields.every((f) => f.max === null || f.max >= f.min), {
    path: ['fields'],
    error: '字段的最大值不能小于最小值',
  });
/** A new form as the web form holds it. */
export type NewForm = z.infer<typeof newFormSchema>;

/** The code of the built-in seven-indicator form. */
export const BALANCE_FORM_CODE = 'balance-7';

/** A collection form as listed. */
export interface CollectionFormView {
  id: number;
  code: string | null;
  name: string;
  builtin: boolean;
  staged: boolean;
  fields: FormField[];
}

/** A round's status: schools fill while open; locked once the bureau closes it. */
export const ROUND_STATUSES = ['open', 'locked'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** A school row's status. */
export const ROW_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];
export const ROW_STATUS_LABELS: Record<RowStatus, string> = {
  draft: '未提交',
  submitted: '待审核',
  returned: '已退回',
  accepted: '已通过',
};

/** Opening a round (e.g. 2024年秋季学期) on a form. */
export const newRoundSchema = z.object({
  formId: z.number({ error: '请选择表单' }).int().positive({ error: '请选择表单' }),
  name: z
    .string({ error: '请填写轮次名称' })
    .trim()
    .min(1, { error: '请填写轮次名称' })
    .max(60, { error: '轮次名称不能超过 60 字' }),
  dueOn: z.iso.date({ error: '请选择填报截止日期（YYYY-MM-DD）' }),
  /** The plan task the round serves (item 13's); null when it serves none. */
  taskId: z.number().int().positive().nullable().default(null),
});
export type NewRound = z.infer<typeof newRoundSchema>;

/** A round as listed. */
export interface RoundView {
  id: number;
  formId: number;
  formName: string;
  /** The built-in seven-indicator form: the monitor applies. */
  balance: boolean;
  name: string;
  status: RoundStatus;
  dueOn: string;
  openedAt: string;
  lockedAt: string | null;
  task: { id: number; itemNo: number; itemTitle: string; planId: number } | null;
  /**
   * Schools expected to fill, and how many schools are at each status (a school by its least
   * advanced row; schools − the four = not yet filed). A school user sees its own school only.
   */
  counts: { schools: number; draft: number; submitted: number; returned: number; accepted: number };
  /** For a locked balance round: the headline (county passes, the first blocker). */
  summary: { pass: boolean; blockers: string[] } | null;
}

/** One school's row in a round. */
export interface RoundRowView {
  id: number;
  unitId: number;
  unitName: string;
  /** 'primary' | 'junior' on a staged form, null otherwise. */
  stage: BalanceStage | null;
  /** The values filled in (null = not yet); on the built-in form the keys are pupils and the seven raw figures. */
  values: Record<string, number | null>;
  status: RowStatus;
  returnReason: string | null;
  file: { id: number; name: string } | null;
  version: number;
  submittedAt: string | null;
  reviewedAt: string | null;
}

/** A round with its form and the rows the actor may see (a school sees its own). */
export interface RoundDetail {
  round: RoundView;
  form: CollectionFormView;
  rows: RoundRowView[];
  /** Schools of the organization with no row yet (a supervisor's view). */
  missing: Array<{ unitId: number; unitName: string }>;
  actions: { fill: boolean; review: boolean; import: boolean; lock: boolean };
  /**
   * For a school with no row yet in an open round: its rows of the last round on the same form, to
   * start from (nothing is stored until it saves).
   */
  prefill: Array<{ stage: BalanceStage | null; values: Record<string, number | null>; fromRound: string }>;
}

/** A school saving its rows (as draft or submitted); the file travels beside it in the multipart body. */
export const saveRowsSchema = z.object({
  rows: z
    .array(
      z.object({
        stage: z.enum(BALANCE_STAGES).nullable().default(null),
        values: z.record(z.string(), z.number().finite().nullable()),
        version: z.number().int().positive().optional(),
      }),
    )
    .min(1, { error: '请至少填写一行' })
    .max(2),
  submit: z.boolean().default(false),
});
export type SaveRows = z.infer<typeof saveRowsSchema>;

/** The bureau's review of one row. */
export const reviewRowSchema = z
  .object({
    decision: z.enum(['accept', 'return'], { error: '请选择通过或退回' }),
    reason: z.string().trim().max(500, { error: '退回原因不能超过 500 字' }).default(''),
    version: z.number().int().positive(),
  })
  .refine((v) => v.decision === 'accept' || v.reason !== '', {
    path: ['reason'],
    error: '退回时请填写退回原因',
  });
export type ReviewRow = z.infer<typeof reviewRowSchema>;

/** A sheet error: the row (as Excel numbers it) and column at fault, in Chinese. */
export interface SheetError {
  row: number;
  column: string;
  message: string;
}

/** The trend of one stage's indicator across rounds (oldest first). */
export interface BalanceTrend {
  rounds: Array<{ id: number; name: string; status: RoundStatus }>;
  series: Array<{
    stage: '小学' | '初中';
    key: BalanceIndicatorKey;
    name: string;
    threshold: number;
    /** One CV per round (null when the round has no school of the stage). */
    cv: Array<number | null>;
  }>;
}
