import { z } from 'zod';
import type { Light } from './plan-tree.ts';

// Contracts of findings to rectify (问题整改) and monthly inspections (月度检查), shared by the HTTP
// routes and the web forms so both refuse the same input with the same Chinese message. Rules that
// depend on stored data (the unit exists, the finding is in the right status) stay in the domain.

/** How serious a finding is. */
export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;
/** A finding's severity code. */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Where a finding is in its life. */
export const FINDING_STATUSES = ['open', 'rectified', 'closed', 'escalated'] as const;
/** A finding's status code. */
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** The kinds of step in a finding's history. */
export const FINDING_EVENT_KINDS = [
  'record',
  'rectify',
  'verify_close',
  'return',
  'escalate',
  'assign',
] as const;
/** A history step's kind. */
export type FindingEventKind = (typeof FINDING_EVENT_KINDS)[number];

/** The usual sources, offered as suggestions; any other text is accepted. */
export const FINDING_SOURCE_SUGGESTIONS = [
  '校园安全月检',
  '审计',
  '督导检查',
  '专项检查',
  '群众反映',
] as const;

/** The source of every finding filed with a monthly inspection. */
export const INSPECTION_SOURCE = '校园安全月检';

/** Longest title of a finding, in characters. */
export const MAX_FINDING_TITLE = 200;
/** Longest detail, note or comment, in characters. */
export const MAX_FINDING_TEXT = 5_000;

const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 字` });

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 字` })
    .default('');

const dueOn = z.iso.date({ error: '请选择整改期限（YYYY-MM-DD）' });
const id = (message: string) =>
  z.coerce.number({ error: message }).int({ error: message }).positive({ error: message });
const version = z.number().int().positive().optional();

/** One finding as a monthly inspection lists it. */
export const inspectionFindingSchema = z.object({
  title: text('问题描述', MAX_FINDING_TITLE),
  detail: optionalText('问题详情', MAX_FINDING_TEXT),
  severity: z.enum(FINDING_SEVERITIES, { error: '请选择严重程度' }),
  dueOn,
});

/** Recording a finding (登记问题). */
export const newFindingSchema = inspectionFindingSchema.extend({
  source: text('问题来源', 50),
  unitId: id('请选择整改单位'),
  planId: id('工作要点编号无效').optional(),
  itemId: id('要点编号无效').optional(),
});
/** A new finding as a form holds it. */
export type NewFinding = z.infer<typeof newFindingSchema>;

/** The owner's rectification report (整改回复); files travel beside it in the multipart body. */
export const rectifyFieldsSchema = z.object({
  note: text('整改情况', MAX_FINDING_TEXT),
  version: z.coerce.number().int().positive().optional(),
});

/** The supervisor's verification (验收): close it, or return it with a reason. */
export const verifyFindingSchema = z
  .object({
    decision: z.enum(['close', 'return'], { error: '请选择验收通过或退回' }),
    comment: optionalText('意见', MAX_FINDING_TEXT),
    version,
  })
  .refine((value) => value.decision === 'close' || value.comment !== '', {
    path: ['comment'],
    error: '退回时请填写退回原因',
  });

/** A school escalating a finding it cannot fix to the bureau (上报教体局). */
export const escalateFindingSchema = z.object({ reason: text('上报原因', MAX_FINDING_TEXT), version });

/** The supervisor assigning an escalated finding to a department (指派股室). */
export const assignFindingSchema = z.object({
  unitId: id('请选择承办股室'),
  dueOn: dueOn.optional(),
  note: optionalText('指派说明', MAX_FINDING_TEXT),
  version,
});

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');

/** Filters of the findings register. */
export const findingListQuerySchema = z.object({
  status: z.enum(FINDING_STATUSES).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  severity: z.enum(FINDING_SEVERITIES).optional(),
  overdue: flag.describe('true：只看已逾期未整改的问题'),
});
/** The register's filters after parsing. */
export type FindingListQuery = z.infer<typeof findingListQuerySchema>;

const period = z
  .string({ error: '请选择检查月份' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '检查月份应为 YYYY-MM，例如 2024-05' });

/** A unit's monthly inspection (月度检查): its findings, or none. */
export const inspectionSchema = z.object({
  period,
  itemId: id('要点编号无效').optional(),
  findings: z.array(inspectionFindingSchema).max(100, { error: '一次最多登记 100 个问题' }),
});
/** A monthly inspection as a form holds it. */
export type InspectionInput = z.infer<typeof inspectionSchema>;

/** Which month's inspections to list. */
export const inspectionListQuerySchema = z.object({ period: period.optional() });

/** A unit as findings name it. */
export interface FindingUnitRef {
  id: number;
  name: string;
  kind: 'department' | 'school';
}

/** What the viewer may do with a finding now (the web app shows only these buttons). */
export interface FindingActions {
  rectify: boolean;
  verify: boolean;
  escalate: boolean;
  assign: boolean;
}

/** A finding as the register lists it, with its computed light. */
export interface FindingView {
  id: number;
  source: string;
  title: string;
  detail: string;
  unit: FindingUnitRef;
  escalatedFrom: FindingUnitRef | null;
  severity: FindingSeverity;
  dueOn: string;
  status: FindingStatus;
  light: Light;
  reason: string;
  item: { id: number; no: number; title: string; planId: number } | null;
  inspectionId: number | null;
  createdBy: string | null;
  createdAt: string;
  version: number;
  actions: FindingActions;
}

/** A file attached to a rectification. */
export interface FindingEvidence {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
}

/** One step of a finding's history. */
export interface FindingEventView {
  id: number;
  kind: FindingEventKind;
  note: string;
  unit: FindingUnitRef | null;
  dueOn: string | null;
  by: string;
  at: string;
  /** Files sent with this step (rectifications). */
  evidence: FindingEvidence[];
}

/** A finding with its history and evidence (GET /api/findings/:id). */
export interface FindingDetail extends FindingView {
  history: FindingEventView[];
  evidence: FindingEvidence[];
}

/** One unit's filing of a month's inspection, or null when it has not filed. */
export interface InspectionFiling {
  id: number;
  itemId: number | null;
  findingCount: number;
  note: string;
  filedBy: string | null;
  filedAt: string;
}

/** A unit and what it filed for the month (GET /api/inspections). */
export interface InspectionRow {
  unit: FindingUnitRef;
  filings: InspectionFiling[];
}

/** The answer of GET /api/inspections. */
export interface InspectionList {
  period: string;
  rows: InspectionRow[];
}
