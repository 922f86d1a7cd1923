import { Alert } from 'antd';
import { importText as t } from '../../i18n/import.ts';

/** The server's warning that the notice plans for a year already past (everything will be overdue). */
export const PAST_YEAR_WARNING = 'past-plan-year';

/** The past-year warning among a parse's or draft's warnings, shown on its own so it is not missed. */
export function PastYearAlert({ warnings }: { warnings: ReadonlyArray<{ code: string; message: string }> }) {
  const warning = warnings.find((w) => w.code === PAST_YEAR_WARNING);
  if (!warning) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="past-year-warning"
      message={t.check.pastYearTitle}
      description={warning.message}
    />
  );
}
