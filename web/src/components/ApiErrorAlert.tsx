import { Alert, type FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';
import { common as t } from '../i18n/common.ts';

/** The Chinese message of any error: the API's own, or a generic one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return t.networkError;
}

/** An error from the API as a readable alert; renders nothing without an error. */
export function ApiErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  return <Alert type="error" showIcon message={errorMessage(error)} style={style} role="alert" />;
}

/**
 * Puts an API error next to the form field it names (details.field or a zod issue path) and
 * returns true; false when the error names no field of the form (show it above the form then).
 */
export function showErrorOnField(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const field = error.field;
  if (!field || !fields.includes(field)) return false;
  form.setFields([{ name: field, errors: [error.fieldMessage] }]);
  return true;
}
