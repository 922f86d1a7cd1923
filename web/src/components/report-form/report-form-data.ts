import type { EnteredCompletions } from '@shared/obligations.ts';
import type { IndicatorKind } from '@shared/plan-tree.ts';
import { type CompletionEntry, MILESTONES, type ReportFields, reportFieldsSchema } from '@shared/work.ts';
import type { Dayjs } from 'dayjs';

/** The report form's values as the antd form holds them (the period as a month picker value). */
export interface ReportFormValues {
  period?: Dayjs | null;
  status?: ReportFields['status'];
  percent?: number | null;
  narrative?: string;
}

/** A form field of the report. */
export type ReportField = keyof ReportFields;

/** The names of the report's fields, for putting server errors under them. */
export const reportFieldNames: readonly ReportField[] = ['period', 'status', 'percent', 'narrative'];

/** The form's values in the shape the shared schema (and the API) reads. */
export function toReportInput(values: ReportFormValues): Record<ReportField, unknown> {
  return {
    period: values.period ? values.period.format('YYYY-MM') : '',
    status: values.status,
    // An empty number box is "not filled in", not zero.
    percent: values.percent ?? undefined,
    narrative: values.narrative ?? '',
  };
}

/** The first Chinese message the shared schema gives for one field, or undefined when it is valid. */
export function reportFieldError(field: ReportField, values: ReportFormValues): string | undefined {
  const input = toReportInput(values);
  const result = reportFieldsSchema.shape[field].safeParse(input[field]);
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** One completion being entered in the form (a new one, or a returned one filed again). */
export interface CompletionDraft {
  /** A local key for React lists. */
  key: string;
  indicatorId: number;
  /** Re-filing: the returned completion filed again (its stored files are kept). */
  occurrenceId?: number;
  occurredOn: string | null;
  note: string;
  value: number | null;
  milestone: (typeof MILESTONES)[number] | null;
  files: File[];
  /** Names of the files stored with it earlier (re-filing). */
  keptFiles: string[];
}

/** The first problem of a completion for its indicator's kind, in Chinese; undefined when it may be sent. */
export function completionProblem(
  entry: CompletionDraft,
  kind: IndicatorKind,
  words: { date: string; note: string; value: string; milestone: string; document: string },
): string | undefined {
  if (!entry.occurredOn) return words.date;
  if (entry.note.trim() === '') return words.note;
  if (kind === 'percent' && (entry.value === null || entry.value < 0 || entry.value > 100))
    return words.value;
  if (kind === 'project' && entry.milestone === null) return words.milestone;
  if (kind === 'deliverable' && entry.files.length + entry.keptFiles.length === 0) return words.document;
  return undefined;
}

/**
 * The multipart body of POST /api/tasks/:id/reports: the four fields, the completions as JSON and
 * every file as `files` — the report's own and each completion's, a completion naming its files.
 * Two files of the same name (photos from a phone are all image.jpg) are renamed apart first.
 */
export function toReportFormData(
  fields: ReportFields,
  files: readonly File[],
  completions: readonly CompletionDraft[] = [],
): FormData {
  const data = new FormData();
  data.append('period', fields.period);
  data.append('status', fields.status);
  data.append('percent', String(fields.percent));
  data.append('narrative', fields.narrative);
  const names = new UniqueNames();
  for (const file of files) data.append('files', file, names.take(file.name));
  const entries: CompletionEntry[] = completions.map((entry) => {
    const own = entry.files.map((file) => {
      const name = names.take(file.name);
      data.append('files', file, name);
      return name;
    });
    return {
      indicatorId: entry.indicatorId,
      occurredOn: entry.occurredOn ?? '',
      note: entry.note.trim(),
      ...(entry.value !== null ? { value: entry.value } : {}),
      ...(entry.milestone !== null ? { milestone: entry.milestone } : {}),
      files: own,
      ...(entry.occurrenceId !== undefined ? { occurrenceId: entry.occurrenceId } : {}),
    };
  });
  if (entries.length > 0) data.append('completions', JSON.stringify(entries));
  return data;
}

/** Hands out file names, renaming a repeated one "name (2).ext" so each part can be named apart. */
export class UniqueNames {
  private readonly used = new Set<string>();

  take(name: string): string {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; this.used.has(candidate); n++) candidate = `${stem} (${n})${ext}`;
    this.used.add(candidate);
    return candidate;
  }
}

/** The counts a filing adds for one indicator, as owedAfterFiling reads them. */
export function enteredFor(indicatorId: number, completions: readonly CompletionDraft[]): EnteredCompletions {
  const own = completions.filter((c) => c.indicatorId === indicatorId);
  const milestone = own.reduce<CompletionDraft['milestone']>(
    (best, c) =>
      c.milestone && (!best || MILESTONES.indexOf(c.milestone) > MILESTONES.indexOf(best))
        ? c.milestone
        : best,
    null,
  );
  const values = own.flatMap((c) => (c.value === null ? [] : [c.value]));
  return { count: own.length, value: values.length > 0 ? Math.max(...values) : null, milestone };
}

/** A file size in words (KB under a megabyte). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
