import type { UploadedFile } from '../db/queries/evidence.ts';
import { AppError } from '../domain/errors.ts';
import type { CompletionInput } from '../domain/report-completions.ts';
import { workflowMessages as M } from '../domain/workflow-messages.ts';
import type { CompletionEntry } from '../shared/work.ts';
import { sanitizeFileName } from './uploads.ts';

/**
 * Splits a report's uploaded files between the report and the completions that name them: a
 * completion lists the names of the parts sent in `files` that belong to it. Each named file must
 * have been sent exactly once and named by one completion only; the files no completion names are
 * the report's own evidence. Names are compared as the upload stores them (sanitised).
 */
export function splitCompletionFiles(
  files: readonly UploadedFile[],
  entries: ReadonlyArray<CompletionEntry & { files: string[] }>,
): { reportFiles: UploadedFile[]; completions: CompletionInput[] } {
  const byName = new Map<string, UploadedFile[]>();
  for (const file of files) byName.set(file.fileName, [...(byName.get(file.fileName) ?? []), file]);
  const claimed = new Set<string>();
  const completions = entries.map((entry): CompletionInput => {
    const own = entry.files.map((raw) => {
      const name = sanitizeFileName(raw);
      const sent = byName.get(name) ?? [];
      if (sent.length === 0)
        throw new AppError('INVALID_INPUT', M.completionFileMissing(name), { file: name });
      if (sent.length > 1 || claimed.has(name))
        throw new AppError('INVALID_INPUT', M.completionFileTwice(name), { file: name });
      claimed.add(name);
      return sent[0] as UploadedFile;
    });
    return {
      indicatorId: entry.indicatorId,
      occurredOn: entry.occurredOn,
      note: entry.note,
      value: entry.value ?? null,
      milestone: entry.milestone ?? null,
      files: own,
      ...(entry.occurrenceId !== undefined ? { occurrenceId: entry.occurrenceId } : {}),
    };
  });
  return { reportFiles: files.filter((f) => !claimed.has(f.fileName)), completions };
}
