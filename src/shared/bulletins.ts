import { z } from 'zod';

// Contracts of the monthly bulletin (工作通报): generating a draft for a plan and month, editing its
// text, issuing it. Shared by the HTTP routes and the web forms; no server code.

/** Where a bulletin stands: a draft being edited, or issued (frozen, its file kept). */
export type BulletinState = 'draft' | 'issued';

/** Longest text of one block, in characters. */
export const MAX_BULLETIN_TEXT = 20_000;

/** A table of the bulletin (the ranking, the overdue list): facts, previewed but not edited. */
export interface BulletinTable {
  columns: string[];
  /** Relative column widths. */
  widths: number[];
  rows: string[][];
}

/** A second-level part of a section (（一）…), e.g. one plan section's lights. */
export interface BulletinPart {
  heading: string;
  text: string;
}

/** A first-level section (一、…): its text, optional parts and an optional table. */
export interface BulletinSection {
  key: string;
  heading: string;
  text: string;
  parts: BulletinPart[];
  table: BulletinTable | null;
  /** Text printed after the table (e.g. what to do about it). */
  after: string;
}

/** The whole editable bulletin, as stored with each revision. */
export interface BulletinContent {
  title: string;
  /** The line under the title, e.g. （2024年第6期）. */
  subtitle: string;
  intro: string;
  sections: BulletinSection[];
  closing: string;
  /** The issuing office printed at the end. */
  issuer: string;
  /** The date printed at the end (the issue day once issued). */
  signedOn: string;
}

const text = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(MAX_BULLETIN_TEXT, { error: `${label}不能超过 ${MAX_BULLETIN_TEXT} 字` });

const required = (label: string, max = 200) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 字` });

/** Generating the draft bulletin of a plan for a month. */
export const createBulletinSchema = z.object({
  planId: z.coerce.number({ error: '请选择工作要点' }).int().positive({ error: '请选择工作要点' }),
  month: z
    .string({ error: '请选择月份' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，如 2024-06' }),
});

/** Input of generating a draft. */
export type CreateBulletinInput = z.infer<typeof createBulletinSchema>;

/** The supervisor's edits of a draft: every text block; tables are regenerated, not typed. */
export const editBulletinSchema = z.object({
  version: z.number().int().positive(),
  title: required('通报标题'),
  subtitle: z.string().trim().max(100, { error: '期号不能超过 100 字' }),
  intro: text('导语'),
  sections: z
    .array(
      z.object({
        key: z.string().min(1),
        text: text('正文'),
        parts: z.array(text('正文')),
        after: text('正文'),
      }),
    )
    .max(20),
  closing: text('结束语'),
  issuer: required('落款单位', 100),
});

/** Input of editing a draft. */
export type EditBulletinInput = z.infer<typeof editBulletinSchema>;

/** Regenerating or issuing a draft names the version the supervisor saw. */
export const bulletinVersionSchema = z.object({ version: z.number().int().positive() });

/** Filter of the bulletin list. */
export const bulletinListQuerySchema = z.object({ planId: z.coerce.number().int().positive().optional() });

/** A bulletin as listed. */
export interface BulletinView {
  id: number;
  planId: number;
  planTitle: string;
  month: string;
  revision: number;
  state: BulletinState;
  title: string;
  asOf: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
  issuedBy: string | null;
  issuedAt: string | null;
  fileName: string | null;
  fileSize: number | null;
  fileSha256: string | null;
}

/** A bulletin with its content and what the reader may do with it. */
export interface BulletinDetail extends BulletinView {
  content: BulletinContent;
  canEdit: boolean;
}

/** A month's label as the bulletin writes it: 2024年6月. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${year}年${m}月`;
}
