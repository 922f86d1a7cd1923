import type { UploadedFile } from '../db/queries/evidence.ts';
import { AppError } from './errors.ts';
import { dateParts } from './lights/dates.ts';
import { workflowMessages as M } from './workflow-messages.ts';

// Checks shared by the workflow use cases. The HTTP and CLI edges validate shapes first; these
// repeat the few rules that protect stored data, so a direct domain call cannot store nonsense.

/** Most files one upload may carry. */
export const maxFilesPerUpload = 20;
/** Largest single file, in MB; evidence lives in the database, so it is kept modest. */
export const maxFileMb = 20;

/** Throws INVALID_INPUT with a message. */
export function invalid(message: string, details: Record<string, unknown> = {}): never {
  throw new AppError('INVALID_INPUT', message, details);
}

/** Returns trimmed text, or throws INVALID_INPUT with the message when it is blank. */
export function requireText(value: string | undefined, message: string): string {
  const text = (value ?? '').trim();
  if (text === '') invalid(message);
  return text;
}

/** Whether a string is a real YYYY-MM-DD day. */
export function isPlanDate(value: string): boolean {
  try {
    dateParts(value);
    return true;
  } catch {
    return false;
  }
}

/** Throws INVALID_INPUT unless the value is a real YYYY-MM-DD day; label names the field. */
export function requirePlanDate(value: string, label: string): string {
  if (!isPlanDate(value)) invalid(M.dateFormat(label), { value });
  return value;
}

/** Throws INVALID_INPUT unless the version is a positive whole number. */
export function requireVersion(version: number): number {
  if (!Number.isInteger(version) || version < 1) invalid(M.versionRequired);
  return version;
}

/** Checks uploaded files: a name, some bytes, and within the size and count limits. */
export function checkFiles(files: readonly UploadedFile[] | undefined): UploadedFile[] {
  const list = [...(files ?? [])];
  if (list.length > maxFilesPerUpload) invalid(M.tooManyFiles(maxFilesPerUpload));
  return list.map((file) => {
    const fileName = (file.fileName ?? '').trim();
    if (fileName === '') invalid(M.fileName);
    if (file.bytes.byteLength === 0) invalid(M.fileEmpty(fileName));
    if (file.bytes.byteLength > maxFileMb * 1024 * 1024) {
      throw new AppError('TOO_LARGE', M.fileTooLarge(fileName, maxFileMb), { fileName });
    }
    return { fileName, mediaType: file.mediaType.trim() || 'application/octet-stream', bytes: file.bytes };
  });
}

/** A review decision: accept, or return with a reason. */
export type ReviewDecision = 'accept' | 'return';

/** Checks a review decision; a return needs a reason. Returns the trimmed comment. */
export function checkDecision(decision: string, comment: string | undefined): string {
  if (decision !== 'accept' && decision !== 'return') invalid(M.decision);
  const text = (comment ?? '').trim();
  if (decision === 'return' && text === '') invalid(M.returnReasonRequired);
  return text;
}
