import { type ReportFields, reportFieldsSchema } from '@shared/work.ts';
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

/** The multipart body of POST /api/tasks/:id/reports: the four fields and every file as `files`. */
export function toReportFormData(fields: ReportFields, files: readonly File[]): FormData {
  const data = new FormData();
  data.append('period', fields.period);
  data.append('status', fields.status);
  data.append('percent', String(fields.percent));
  data.append('narrative', fields.narrative);
  for (const file of files) data.append('files', file, file.name);
  return data;
}

/** A file size in words (KB under a megabyte). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
