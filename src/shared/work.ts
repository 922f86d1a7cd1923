import { z } from 'zod';
import { MILESTONES } from './items.ts';

// Contracts of the daily work (我的待办, 填报, 审核, 延期, 办结), shared by the HTTP routes and the
// web forms so both refuse the same input with the same Chinese message. Rules that depend on
// stored data (a period inside the plan year, a due date later than the task's) stay in the domain.

/** Self-assessed status of a report. */
export const REPORT_STATUSES = ['on_track', 'at_risk', 'delayed'] as const;

/** A report's self-assessed status code. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Longest narrative of a report, in characters. */
export const MAX_NARRATIVE = 20_000;

/** Longest review, extension or completion comment, in characters. */
export const MAX_COMMENT = 5_000;

/** The fields of a progress report (进展填报); files travel beside them in the multipart body. */
export const reportFieldsSchema = z.object({
  period: z
    .string({ error: '请选择填报期次' })
    .min(1, { error: '请选择填报期次' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '填报期次应为 YYYY-MM，例如 2024-04' }),
  status: z.enum(REPORT_STATUSES, { error: '请选择进展状态' }),
  percent: z.coerce
    .number({ error: '请填写自报进度' })
    .min(0, { error: '自报进度应在 0 到 100 之间' })
    .max(100, { error: '自报进度应在 0 到 100 之间' }),
  narrative: z
    .string({ error: '请填写进展说明' })
    .trim()
    .min(1, { error: '请填写进展说明' })
    .max(MAX_NARRATIVE, { error: `进展说明不能超过 ${MAX_NARRATIVE} 字` }),
});

/** A report's fields as a form holds them. */
export type ReportFields = z.infer<typeof reportFieldsSchema>;

export { MILESTONES };

/** Most completions one report may carry. */
export const MAX_COMPLETIONS = 50;

/**
 * One completion (完成记录) of a task's indicator: the day, a note, a percent's value or a project's
 * milestone, and the names of the parts sent in `files` that belong to it (minutes, photos, the
 * document itself). Re-filing a returned report may name a returned completion by occurrenceId.
 */
export const completionEntrySchema = z.object({
  indicatorId: z.number({ error: '请选择指标' }).int().positive(),
  occurredOn: z.iso.date({ error: '请选择完成日期' }),
  note: z
    .string({ error: '请填写完成情况说明' })
    .trim()
    .min(1, { error: '请填写完成情况说明' })
    .max(MAX_COMMENT, { error: `完成情况说明不能超过 ${MAX_COMMENT} 字` }),
  value: z
    .number({ error: '请填写达到的百分比' })
    .min(0, { error: '百分比应在 0 到 100 之间' })
    .max(100, { error: '百分比应在 0 到 100 之间' })
    .nullable()
    .optional(),
  milestone: z.enum(MILESTONES, { error: '请选择工程进度节点' }).nullable().optional(),
  files: z.array(z.string().min(1)).max(20, { error: '每条完成记录最多 20 个附件' }).default([]),
  occurrenceId: z.number().int().positive().optional(),
});

/** A completion as the report form sends it. */
export type CompletionEntry = z.input<typeof completionEntrySchema>;

const completionsFormat = '完成记录格式不正确，请刷新填报页面后重试。';

/** The `completions` field of a report: a JSON array (a text field in multipart, an array in JSON). */
export const completionsFieldSchema = z
  .preprocess(
    (value, ctx) => {
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: completionsFormat });
        return z.NEVER;
      }
    },
    z
      .array(completionEntrySchema, { error: completionsFormat })
      .max(MAX_COMPLETIONS, { error: `一次填报最多登记 ${MAX_COMPLETIONS} 条完成记录，请分次登记` }),
  )
  .optional();

/** A report as the API receives it: the form's fields and the completions filed with them. */
export const reportFilingSchema = reportFieldsSchema.extend({ completions: completionsFieldSchema });

/** A completion logged on its own (登记完成记录); files travel beside it in the multipart body. */
export const occurrenceFieldsSchema = z.object({
  date: z.iso.date({ error: '请选择完成日期' }),
  note: completionEntrySchema.shape.note,
  value: z.coerce
    .number({ error: '请填写达到的百分比' })
    .min(0, { error: '百分比应在 0 到 100 之间' })
    .max(100, { error: '百分比应在 0 到 100 之间' })
    .optional(),
  milestone: z.enum(MILESTONES, { error: '请选择工程进度节点' }).optional(),
});

/** An owner's extension request (延期申请). */
export const extensionRequestSchema = z.object({
  newDueOn: z.iso.date({ error: '请选择新的完成时限' }),
  reason: z
    .string({ error: '请填写延期理由' })
    .trim()
    .min(1, { error: '请填写延期理由' })
    .max(MAX_COMMENT, { error: `延期理由不能超过 ${MAX_COMMENT} 字` }),
});

/** The extension request schema with the task's current due date known (the web form knows it). */
export function extensionRequestAfter(dueOn: string) {
  return extensionRequestSchema.refine((value) => value.newDueOn > dueOn, {
    path: ['newDueOn'],
    error: `新的完成时限应晚于当前时限 ${dueOn}`,
  });
}

/** An owner's completion request (办结申请); files travel beside it in the multipart body. */
export const completionRequestSchema = z.object({
  note: z
    .string({ error: '请填写办结说明' })
    .trim()
    .min(1, { error: '请填写办结说明' })
    .max(MAX_COMMENT, { error: `办结说明不能超过 ${MAX_COMMENT} 字` }),
});

const optionalComment = z
  .string()
  .max(MAX_COMMENT, { error: `意见不能超过 ${MAX_COMMENT} 字` })
  .optional();

const returnNeedsComment = (value: { decision: string; comment?: string }, issues: z.core.$RefinementCtx) => {
  if (value.decision === 'return' && (value.comment ?? '').trim() === '') {
    issues.addIssue({ code: 'custom', path: ['comment'], message: '退回时请填写退回原因' });
  }
};

/** A review (审核) decision on a report, occurrence or completion request. */
export const reviewDecisionSchema = z
  .object({
    decision: z.enum(['accept', 'return'], { error: '请选择通过或退回' }),
    comment: optionalComment,
    version: z.number().int().positive().optional(),
  })
  .superRefine(returnNeedsComment);

/** A leader's decision on an extension request. */
export const extensionDecisionSchema = z.object({
  decision: z.enum(['approve', 'refuse'], { error: '请选择同意或不同意' }),
  comment: optionalComment,
});

const reviewTarget = z.object({ id: z.number().int().positive(), version: z.number().int().positive() });

/** Several reports (and occurrences) accepted or returned with one decision, each on its own. */
export const bulkReviewSchema = z
  .object({
    decision: z.enum(['accept', 'return'], { error: '请选择通过或退回' }),
    comment: optionalComment,
    reports: z.array(reviewTarget).max(200, { error: '一次最多审核 200 条' }).default([]),
    occurrences: z.array(reviewTarget).max(200, { error: '一次最多审核 200 条' }).default([]),
  })
  .superRefine(returnNeedsComment)
  .refine((value) => value.reports.length + value.occurrences.length > 0, {
    path: ['reports'],
    error: '请至少选择一条待审核记录',
  });

/** A task as the workbench lists it. */
export interface WorkbenchTask {
  taskId: number;
  planId: number;
  itemId: number;
  itemNo: number;
  itemTitle: string;
  title: string;
  /** Lead unit first, then co-owners. */
  owners: string[];
  dueOn: string;
  status: 'pending' | 'acknowledged' | 'completion_requested' | 'done';
  version: number;
  light?: 'red' | 'yellow' | 'green' | 'grey' | 'done';
  reason?: string;
}

/** A report of the user's unit that a reviewer returned. */
export interface ReturnedReport extends WorkbenchTask {
  reportId: number;
  period: string;
  selfStatus: ReportStatus;
  percent: number;
  narrative: string;
  comment: string;
  reviewer: string | null;
  returnedAt: string | null;
  /** The completions returned with it, to be filed again (or left out) with the re-filing. */
  completions: ReturnedCompletion[];
}

/** A completion returned with its report. */
export interface ReturnedCompletion {
  occurrenceId: number;
  indicatorId: number;
  indicator: string;
  occurredOn: string;
  note: string;
  value: number | null;
  milestone: (typeof MILESTONES)[number] | null;
  /** Names of the files stored with it (kept when it is filed again). */
  files: string[];
}

/** An extension request, to decide or as an outcome for the unit that asked. */
export interface WorkbenchExtension extends WorkbenchTask {
  extensionId: number;
  reason: string;
  oldDueOn: string;
  newDueOn: string;
  state: 'pending' | 'approved' | 'refused';
  requestedBy: string | null;
  requestedAt: string;
  decidedAt: string | null;
  comment: string;
}

/** A file attached as evidence, downloadable at /api/files/:id. */
export interface EvidenceFile {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
}

/** A completion request waiting for the supervisor. */
export interface WorkbenchCompletion extends WorkbenchTask {
  requestId: number;
  note: string;
  requestedBy: string | null;
  requestedAt: string;
  evidence: EvidenceFile[];
}

/** GET /api/workbench: what waits for the signed-in user. */
export interface Workbench {
  /** The reporting period now open and its due day. */
  period: { period: string; dueOn: string };
  toAcknowledge: WorkbenchTask[];
  reportsDue: WorkbenchTask[];
  returned: ReturnedReport[];
  /** Pending extension requests the user (a leader or supervisor) may decide. */
  extensionDecisions: WorkbenchExtension[];
  /** The user's unit's extension requests: pending, or decided in the last 30 days. */
  extensionOutcomes: WorkbenchExtension[];
  /** Pending completion requests (supervisors). */
  completionDecisions: WorkbenchCompletion[];
  /** Open collection rounds (数据填报) that need the user: to fill (a school) or to review (supervisors). */
  collections: WorkbenchCollection[];
}

/** One entry of the review queue (GET /api/reviews). */
/** A completion filed with a report, as the review queue shows it under the report. */
export interface QueuedCompletionView {
  id: number;
  /** The indicator's short name or words. */
  indicator: string;
  occurredOn: string;
  note: string;
  value: number | null;
  milestone: (typeof MILESTONES)[number] | null;
  evidence: EvidenceFile[];
}

export type ReviewQueueEntry = {
  id: number;
  version: number;
  taskId: number;
  taskTitle: string;
  planId: number;
  itemId: number;
  itemNo: number;
  itemTitle: string;
  unit: string;
  submittedBy: string | null;
  submittedAt: string;
  evidence: EvidenceFile[];
} & (
  | {
      kind: 'report';
      period: string;
      percent: number;
      selfStatus: ReportStatus;
      narrative: string;
      revision: number;
      /** The completions filed with it, accepted or returned with it. */
      completions: QueuedCompletionView[];
    }
  | { kind: 'occurrence'; occurredOn: string; indicator: string; note: string }
);

/** The outcome of one entry of a bulk review. */
export interface BulkReviewOutcome {
  kind: 'report' | 'occurrence';
  id: number;
  ok: boolean;
  /** The Chinese message when this one failed (e.g. reviewed by someone else meanwhile). */
  error?: string;
  code?: string;
}

/** GET /api/badges: counts beside the menu entries; absent when zero or not applicable. */
export interface Badges {
  workbench?: number;
  review?: number;
}

/** Where a school's rows of an open round stand: nothing filed, saved but not submitted, or returned. */
export type CollectionFillState = 'none' | 'draft' | 'returned';

/**
 * An open collection round (数据填报, issue 16) on the workbench: a school's rows still to submit, or a
 * supervisor's round with rows to review and schools yet to file. Opens at `link`.
 */
export type WorkbenchCollection = {
  roundId: number;
  name: string;
  formName: string;
  dueOn: string;
  /** Calendar days (Asia/Shanghai) from today to the due date: 0 on it, negative once overdue. */
  daysLeft: number;
  /** The round's page: /balance/rounds/:id. */
  link: string;
} & (
  | {
      action: 'fill';
      state: CollectionFillState;
      /** The reviewer's reason when returned (each stage's, labelled, when several were). */
      returnReason: string | null;
    }
  | {
      action: 'review';
      /** Rows submitted and waiting for review (待审核). */
      toReview: number;
      /** Schools expected to fill. */
      schools: number;
      /** Schools with nothing filed yet. */
      notFiled: number;
      /** Schools not yet submitted: nothing filed, a draft, or returned. */
      notSubmitted: number;
    }
);
