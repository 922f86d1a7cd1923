import { z } from 'zod';

// Contracts of the directory (单位与领导), shared by the HTTP routes and the web forms.

/** The two kinds of unit: a department of the bureau (股室) or a school. */
export const UNIT_KINDS = ['department', 'school'] as const;

/** A unit kind. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The school kinds a school can have; fan-out to schools filters by them. */
export const SCHOOL_KINDS = ['小学', '初中', '高中', '九年一贯制', '幼儿园', '其他'] as const;

/** A school kind. */
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

const unitName = z
  .string({ error: '请填写单位名称' })
  .trim()
  .min(1, { error: '请填写单位名称' })
  .max(100, { error: '单位名称最多 100 个字' });

const schoolKind = z.enum(SCHOOL_KINDS, { error: '请选择学校类型' });

/** A new department or school. */
export const newUnitSchema = z.object({
  name: unitName,
  kind: z.enum(UNIT_KINDS, { error: '请选择单位类别' }),
  schoolKind: schoolKind.optional(),
});

/** Input of adding a unit. */
export type NewUnit = z.infer<typeof newUnitSchema>;

/** A change to a unit: rename, school kind, or (de)activation. */
export const unitPatchSchema = z.object({
  name: unitName.optional(),
  schoolKind: schoolKind.nullable().optional(),
  active: z.boolean().optional(),
});

/** Input of changing a unit. */
export type UnitPatch = z.infer<typeof unitPatchSchema>;

/** A new alias (another name the notices use for a unit, e.g. 纪监室 for 纪检监察室). */
export const newAliasSchema = z.object({
  alias: z
    .string({ error: '请填写别名' })
    .trim()
    .min(1, { error: '请填写别名' })
    .max(100, { error: '别名最多 100 个字' }),
});

/** Query of the unit list. */
export const unitListQuerySchema = z.object({
  kind: z.enum(UNIT_KINDS).optional(),
  includeInactive: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});

/** A unit as the directory lists it. */
export const unitViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  schoolKind: z.string().nullable(),
  active: z.boolean(),
  aliases: z.array(z.object({ id: z.number(), alias: z.string() })),
  /** Tasks not yet done that this unit leads or co-owns. */
  openTaskCount: z.number(),
  /** Accounts bound to this unit. */
  userCount: z.number(),
});

/** A unit as the directory lists it. */
export type UnitView = z.infer<typeof unitViewSchema>;

const leaderName = z
  .string({ error: '请填写领导姓名' })
  .trim()
  .min(1, { error: '请填写领导姓名' })
  .max(64, { error: '姓名最多 64 个字' });

const leaderTitle = z.string().trim().max(64, { error: '职务最多 64 个字' });

/** A new bureau leader (局领导). */
export const newLeaderSchema = z.object({ name: leaderName, title: leaderTitle.optional() });

/** Input of adding a leader. */
export type NewLeader = z.infer<typeof newLeaderSchema>;

/** A change to a leader's name or title (an empty title clears it). */
export const leaderPatchSchema = z.object({ name: leaderName.optional(), title: leaderTitle.optional() });

/** Input of changing a leader. */
export type LeaderPatch = z.infer<typeof leaderPatchSchema>;

/** A leader as the directory lists it. */
export const leaderViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  title: z.string().nullable(),
  /** Items of any plan that name this leader. */
  itemCount: z.number(),
  /** Accounts bound to this leader. */
  userCount: z.number(),
});

/** A leader as the directory lists it. */
export type LeaderView = z.infer<typeof leaderViewSchema>;
