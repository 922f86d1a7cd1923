import { z } from 'zod';
import type { ParsedNotice } from './parsed-notice.ts';

// Contracts of importing a notice and reviewing its draft, shared by the routes and the web app.

/**
 * What to do with one unit name the directory lacks: map it to a unit id (kept as an alias), create
 * it as a department ("create") or create it as a school ("create_school"), or make it an alias of
 * another name of the same notice ({aliasOf}: 纪监室 → 纪检监察室), which is itself known, mapped or
 * created — so the two names end as one unit.
 */
export const nameDecisionSchema = z.union([
  z.number().int().positive(),
  z.literal('create'),
  z.literal('create_school'),
  z.object({ aliasOf: z.string().trim().min(1).max(64) }).strict(),
]);

/** One name's decision. */
export type NameDecision = z.infer<typeof nameDecisionSchema>;

/** Per unknown department name, its decision (the `mapping` field of POST /api/plans). */
export const nameMappingSchema = z.record(z.string(), nameDecisionSchema);

/** A name mapping: unknown unit name → unit id, "create" or "create_school". */
export type NameMapping = z.infer<typeof nameMappingSchema>;

/** A unit of the directory as the import pages pick from. */
export interface DirectoryUnit {
  id: number;
  name: string;
  kind: 'department' | 'school';
}

/** A department or school name the notice mentions, matched against the directory. */
export type DepartmentName =
  | { name: string; status: 'known'; unit: { id: number; name: string } }
  | { name: string; status: 'alias'; unit: { id: number; name: string } }
  | { name: string; status: 'unknown'; suggestions: Array<{ id: number; name: string; why?: string }> };

/** A leader name the notice mentions; missing leaders are created on import. */
export interface LeaderName {
  name: string;
  exists: boolean;
}

/** What a highlighted stretch of the notice text is. */
export type SpanKind = 'leader' | 'department' | 'indicator';

/** A stretch of the notice text (offsets into `text`, end exclusive) the parser read as something. */
export interface TextSpan {
  kind: SpanKind;
  start: number;
  end: number;
  /** What it was read as: the name, or the indicator's words. */
  label: string;
  /** The item it belongs to, as [section index, item index] into `sections`. */
  item: [number, number];
}

/** The answer of POST /api/notices/parse: the parse, the text it indexes, names and highlights. */
export interface ParsePreview extends ParsedNotice {
  /** The notice text as read; every offset of the parse points into it. */
  text: string;
  names: { departments: DepartmentName[]; leaders: LeaderName[] };
  spans: TextSpan[];
  /** The organization's active units, for mapping unknown names (empty for users who cannot import). */
  units: DirectoryUnit[];
  /**
   * Unknown names of this notice that look like one unit written two ways: `name` is a shorthand of
   * `other` (纪监室, 纪检监察室), with the reason in words; the wizard offers to merge them.
   */
  similarNames: Array<{ name: string; other: string; why: string }>;
}

/** The body of POST /api/plans/:id/publish. */
export const publishPlanSchema = z.object({
  /** The draft version the publisher saw; a stale one is refused with CONFLICT. */
  version: z.number().int().positive().optional(),
  /**
   * Publish even though a published or closed plan of the same 文号 (or, without one, the same
   * title and year) exists: a published one is closed, its tasks and records kept.
   */
  replace: z.boolean().optional(),
});

/** Input of publishing a draft. */
export type PublishPlanInput = z.infer<typeof publishPlanSchema>;

/** The answer of publishing: what was created, and the plans the publication replaced (closed). */
export interface PublishPlanAnswer {
  planId: number;
  tasks: number;
  indicators: number;
  schoolTasks: number;
  replacedPlanIds: number[];
}

/**
 * The plan a publication would duplicate, sent as `details.existingPlan` of the 409 answer so the
 * web app can ask whether to replace it: what it is, and how much recorded work it holds.
 */
export interface ExistingPlan {
  id: number;
  title: string;
  docNo: string | null;
  year: number;
  status: 'published' | 'closed';
  /** YYYY-MM-DD. */
  publishedOn: string | null;
  reports: number;
  occurrences: number;
}

/** A warning after an import. */
export interface ImportWarning {
  code: string;
  message: string;
  at?: number;
}

/** The answer of POST /api/plans. */
export interface ImportResult {
  id: number;
  planId: number;
  /** False when an existing draft of the same title and year was updated in place. */
  created: boolean;
  counts: { sections: number; items: number; indicators: number };
  createdUnits: string[];
  createdLeaders: string[];
  warnings: ImportWarning[];
}

const planDate = z.iso.date();

/** A change to a draft item (PATCH /api/plans/:planId/items/:itemId); omitted fields stay. */
export const draftItemEditSchema = z.object({
  /** The plan version the editor saw; a stale one is refused with CONFLICT. */
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(500).optional(),
  weight: z.number().positive().max(1000).optional(),
  /** Leader names in order; names not yet in the directory are created as leaders. */
  leaders: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
  /** Units in order; exactly one leads when any are given. */
  departments: z
    .array(z.object({ unitId: z.number().int().positive(), isLead: z.boolean() }))
    .max(50)
    .optional(),
  /** Due dates of the item's parsed indicators (null clears one). */
  indicatorDueDates: z
    .array(z.object({ id: z.number().int().positive(), dueOn: planDate.nullable() }))
    .max(200)
    .optional(),
});

/** Input of editing a draft item. */
export type DraftItemEdit = z.infer<typeof draftItemEditSchema>;

/** The answer of a draft item edit: the plan's new version and what was created. */
export interface DraftItemEdited {
  planId: number;
  itemId: number;
  version: number;
  createdLeaders: string[];
}

/** A supervisor's change to a dispatched task (PATCH /api/tasks/:id); omitted fields stay. */
export const taskEditSchema = z.object({
  /** The task version the editor saw. */
  version: z.number().int().positive(),
  dueOn: planDate.optional(),
  leadUnitId: z.number().int().positive().optional(),
  coUnitIds: z.array(z.number().int().positive()).max(50).optional(),
});

/** Input of editing a task. */
export type TaskEdit = z.infer<typeof taskEditSchema>;

/** The answer of GET /api/plans/:id/edit-choices: what item and task editors pick from. */
export interface EditChoices {
  units: DirectoryUnit[];
  /** Known leader names (others may be typed and are created). */
  leaders: string[];
}
