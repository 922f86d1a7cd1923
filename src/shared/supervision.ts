import { z } from 'zod';
import type { Light } from './plan-tree.ts';

// Contracts of supervision (督办): supervision notices (督办单), the supervision center's overview
// and the private iCal feed. Shared by the HTTP routes and the web forms.

/** Where a supervision notice stands: issued (awaiting reply), replied (awaiting acceptance), closed. */
export const NOTICE_STATUSES = ['issued', 'replied', 'closed'] as const;

/** A supervision notice's status code. */
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** Longest problem, requirement, reply or comment, in characters. */
export const MAX_NOTICE_TEXT = 5_000;

const text = (required: string, label: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(MAX_NOTICE_TEXT, { error: `${label}不能超过 ${MAX_NOTICE_TEXT} 字` });

const id = z.coerce.number().int().positive();

/** The official number of a notice, e.g. 督办〔2024〕3号. */
export function noticeNumber(year: number, seq: number): string {
  return `督办〔${year}〕${seq}号`;
}

/** Issuing a supervision notice on a lagging item or task (督办). */
export const issueNoticeSchema = z
  .object({
    itemId: id.optional(),
    taskId: id.optional(),
    /** The addressed unit; by default the task's lead unit (or the item's lead unit). */
    unitId: id.optional(),
    problem: text('请填写存在的问题', '存在的问题'),
    requirement: text('请填写督办要求', '督办要求'),
    replyDueOn: z.iso.date({ error: '请选择回复期限' }),
  })
  .refine((value) => value.itemId !== undefined || value.taskId !== undefined, {
    path: ['itemId'],
    error: '请指明督办的要点或任务',
  });

/** Input of issuing a notice. */
export type IssueNoticeInput = z.infer<typeof issueNoticeSchema>;

/** The addressed unit's reply (办理情况). */
export const noticeReplySchema = z.object({
  reply: text('请填写办理情况', '办理情况'),
  version: z.number().int().positive(),
});

/** The supervisor returns a reply (退回), saying why. */
export const noticeReturnSchema = z.object({
  comment: text('请填写退回意见', '退回意见'),
  version: z.number().int().positive(),
});

/** The supervisor accepts a reply (办结). */
export const noticeAcceptSchema = z.object({ version: z.number().int().positive() });

/** Filter of the notice list. */
export const noticeListQuerySchema = z.object({ status: z.enum(NOTICE_STATUSES).optional() });

/** One step of a notice's history. */
export interface NoticeEventView {
  kind: 'issue' | 'reply' | 'return' | 'accept';
  text: string;
  actor: string;
  at: string;
}

/** A supervision notice as listed. */
export interface NoticeView {
  id: number;
  number: string;
  year: number;
  seq: number;
  planId: number;
  itemId: number | null;
  itemNo: number | null;
  itemTitle: string | null;
  taskId: number | null;
  taskTitle: string | null;
  unitId: number;
  unitName: string;
  problem: string;
  requirement: string;
  replyDueOn: string;
  status: NoticeStatus;
  reply: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  issuedBy: string | null;
  createdAt: string;
  version: number;
  /** Still awaiting a reply after the reply deadline (Asia/Shanghai day). */
  overdue: boolean;
}

/** A notice with its history and what the reader may do with it. */
export interface NoticeDetail extends NoticeView {
  organizationName: string;
  planTitle: string;
  events: NoticeEventView[];
  canReply: boolean;
  canDecide: boolean;
}

/** Query of the supervision center. */
export const overviewQuerySchema = z.object({
  planId: id,
  asOf: z.iso.date().optional(),
});

/** A lagging task under an item of the supervision center. */
export interface OverviewTask {
  taskId: number;
  title: string;
  light: Light;
  reason: string;
  dueOn: string;
  leadUnitId: number | null;
  leadUnit: string | null;
}

/** A red or yellow item with its reasons, owners and open notices. */
export interface OverviewItem {
  itemId: number;
  no: number;
  title: string;
  light: Light;
  reason: string;
  leaders: string[];
  /** Units owning the lagging tasks, lead units first. */
  units: Array<{ id: number; name: string }>;
  tasks: OverviewTask[];
  openNotices: number;
}

/** A unit with red tasks or overdue reports. */
export interface OverdueUnit {
  unitId: number;
  name: string;
  kind: 'department' | 'school';
  redTasks: number;
  yellowTasks: number;
  overdueReports: number;
  openNotices: number;
}

/** The supervision center (督办中心) of one plan as of a day. */
export interface SupervisionOverview {
  planId: number;
  planTitle: string;
  asOf: string;
  /** Five working days from today (holidays and 调休 counted): the default reply deadline of a new notice. */
  suggestedReplyDueOn: string;
  items: OverviewItem[];
  units: OverdueUnit[];
}

/** Whether the user has a live iCal feed. */
export interface IcalStatus {
  active: boolean;
  createdAt: string | null;
}

/** A new feed: its private address is answered once. */
export interface IcalCreated {
  path: string;
  createdAt: string;
}
