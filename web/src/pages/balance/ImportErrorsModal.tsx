import type { SheetError } from '@shared/balance.ts';
import { Alert, Modal, Table } from 'antd';
import { ApiError } from '../../api/client.ts';
import { balance as t } from '../../i18n/balance.ts';
import { common } from '../../i18n/common.ts';

const e = t.entries;

/**
 * The row errors of a refused sheet, or null for any other error: a 400 whose details carry
 * `errors` (the API note calls the code INVALID_SHEET; the server sends INVALID_INPUT with them).
 */
export function sheetErrorsOf(error: unknown): { message: string; errors: SheetError[] } | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  if (error.code !== 'INVALID_SHEET' && !Array.isArray(error.details.errors)) return null;
  const errors = Array.isArray(error.details.errors) ? (error.details.errors as SheetError[]) : [];
  // Row 0 is the file as a whole (unreadable): its message above says it all.
  return { message: error.message, errors: errors.filter((e) => e.row > 0) };
}

/** A refused import: nothing was written, and each row and column at fault with its problem. */
export function ImportErrorsModal({
  errors,
  onClose,
}: {
  errors: { message: string; errors: SheetError[] } | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={errors !== null}
      title={e.importFailed}
      onCancel={onClose}
      onOk={onClose}
      okText={common.close}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
    >
      <Alert
        type="error"
        showIcon
        message={errors?.message}
        description={e.importNothingWritten}
        style={{ marginBottom: 12 }}
      />
      {errors && errors.errors.length > 0 ? (
        <Table<SheetError & { index: number }>
          rowKey="index"
          size="small"
          dataSource={(errors?.errors ?? []).map((error, index) => ({ ...error, index }))}
          pagination={(errors?.errors.length ?? 0) > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: e.errorRow, dataIndex: 'row', width: 80 },
            { title: e.errorColumn, dataIndex: 'column', width: 180 },
            { title: e.errorMessage, dataIndex: 'message' },
          ]}
        />
      ) : null}
    </Modal>
  );
}
