import type { NoticeReadErrorCode } from '../read-messages.ts';
import type { NoticeRead } from '../read-result.ts';
import type { ParsedNotice } from '../types.ts';

/** What the parent asks a sandbox process to do with one uploaded notice. */
export type ChildJob =
  /** bytes → text */
  | { kind: 'read'; bytes: Uint8Array; ocrDeadline?: number }
  /** bytes → text → ParsedNotice */
  | { kind: 'parse'; bytes: Uint8Array; ocrDeadline?: number }
  /** pasted text → ParsedNotice */
  | { kind: 'parseText'; text: string };

/** The child's one answer. */
export type ChildAnswer =
  | { ok: true; read: NoticeRead; parsed?: ParsedNotice }
  | { ok: false; code: NoticeReadErrorCode; detail?: string };
