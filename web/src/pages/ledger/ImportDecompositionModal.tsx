import { InboxOutlined } from '@ant-design/icons';
import type { DecompositionPreview, DecompositionResult } from '@shared/ledgers.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Modal, Progress, Result, Typography, Upload } from 'antd';
import { useState } from 'react';
import { apiUpload } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { common } from '../../i18n/common.ts';
import { ledger as t } from '../../i18n/ledger.ts';
import { DecompositionPreviewView } from './DecompositionPreviewView.tsx';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 导入任务分解: choose an .xlsx, see the preview (nothing written), then 确认导入 re-sends the same
 * file with the preview's digest. Unreadable rows must be skipped knowingly: a checkbox names them.
 */
export function ImportDecompositionModal({
  planId,
  open,
  onClose,
}: {
  planId: number;
  open: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<DecompositionPreview | null>(null);
  const [result, setResult] = useState<DecompositionResult | null>(null);
  const [skip, setSkip] = useState(false);
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();

  const reset = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setSkip(false);
    setError(undefined);
  };
  const close = () => {
    reset();
    onClose();
  };

  const send = async <T,>(
    path: string,
    chosen: File,
    fields: Record<string, string>,
  ): Promise<T | undefined> => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    data.append('file', chosen, chosen.name);
    setProgress(0);
    setError(undefined);
    try {
      return await apiUpload<T>(path, data, setProgress);
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setProgress(undefined);
    }
  };

  const choose = async (chosen: File) => {
    reset();
    setFile(chosen);
    const shown = await send<DecompositionPreview>(`/api/plans/${planId}/decomposition/preview`, chosen, {});
    if (shown) setPreview(shown);
  };

  const confirm = async () => {
    if (!file || !preview) return;
    const done = await send<DecompositionResult>(`/api/plans/${planId}/decomposition`, file, {
      digest: preview.digest,
      skipUnreadable: String(skip),
    });
    if (!done) return;
    setResult(done);
    await queryClient.invalidateQueries({ queryKey: ['plan', planId] });
  };

  const busy = progress !== undefined;
  const unreadableRows = preview?.unreadable.map((u) => u.row) ?? [];
  const changes = preview ? preview.counts.new + preview.counts.changed : 0;
  const canConfirm = !!preview && changes > 0 && (unreadableRows.length === 0 || skip) && !busy;

  const footer = result
    ? [
        <Button key="close" type="primary" onClick={close}>
          {t.close}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close} disabled={busy}>
          {common.cancel}
        </Button>,
        preview ? (
          <Button key="confirm" type="primary" disabled={!canConfirm} loading={busy} onClick={confirm}>
            {t.confirm}
          </Button>
        ) : null,
      ];

  return (
    <Modal
      open={open}
      title={t.importTitle}
      onCancel={busy ? undefined : close}
      footer={footer}
      width={1000}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      {result ? (
        <Result
          status="success"
          title={t.done(result.created.length, result.changed.length)}
          subTitle={result.skippedRows.length > 0 ? t.skipped(result.skippedRows) : undefined}
        />
      ) : (
        <>
          {preview ? null : (
            <Upload.Dragger
              accept={XLSX_TYPES}
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(chosen) => {
                void choose(chosen);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t.chooseFile}</p>
              <p className="ant-upload-hint">{t.fileHint}</p>
            </Upload.Dragger>
          )}
          {busy ? <Progress percent={Math.round((progress ?? 0) * 100)} size="small" /> : null}
          {preview && file ? (
            <>
              <Typography.Paragraph>
                <Typography.Text strong>{file.name}</Typography.Text>{' '}
                <Button size="small" onClick={reset} disabled={busy}>
                  {t.rechoose}
                </Button>
              </Typography.Paragraph>
              <DecompositionPreviewView preview={preview} />
              {unreadableRows.length > 0 && changes > 0 ? (
                <Checkbox
                  checked={skip}
                  onChange={(e) => setSkip(e.target.checked)}
                  style={{ marginTop: 12 }}
                >
                  {t.skipUnreadable(unreadableRows)}
                </Checkbox>
              ) : null}
              {changes > 0 ? (
                <Alert type="info" showIcon message={t.confirmHint} style={{ marginTop: 12 }} />
              ) : null}
            </>
          ) : null}
        </>
      )}
    </Modal>
  );
}
