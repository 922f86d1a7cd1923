import type { NoticeReadErrorCode } from '../read-messages.ts';
import type { ParsedNotice } from '../types.ts';

/** What the parent asks a sandbox process to do with one uploaded notice. */
export type ChildJob =
  /** bytes → text */
  | { kind: 'read'; bytes: Uint8Array }
  /** bytes → text → ParsedNotice */
  | { kind: 'parse'; bytes: Uint8Array }
  /** pasted text → ParsedNotice */
  | { kind: 'parseText'; text: string };

/** The child's one answer. */
export type ChildAnswer =
  | { ok: true; text: string; parsed?: ParsedNotice }
  | { ok: false; code: NoticeReadErrorCode; detail?: string };
