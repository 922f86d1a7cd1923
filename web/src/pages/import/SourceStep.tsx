import { InboxOutlined } from '@ant-design/icons';
import type { ParsePreview } from '@shared/import.ts';
import { Button, Input, Progress, Space, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, apiUpload } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { importText as t } from '../../i18n/import.ts';

/** Where the notice came from: an uploaded file (sent again on import, so it is stored unchanged) or pasted text. */
export type NoticeSource = { file: File } | { text: string };

/**
 * Step 1: upload a notice file — .docx/.doc/.wps/OFD/.pdf/.txt, or a scan or photo that the server
 * reads by OCR — with progress, or paste the text; the server parses it without saving.
 */
export function SourceStep({
  onParsed,
}: {
  onParsed: (preview: ParsePreview, source: NoticeSource) => void;
}) {
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [fileName, setFileName] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [pasteError, setPasteError] = useState<string>();

  const parseFile = async (file: File) => {
    setError(undefined);
    setFileName(file.name);
    setProgress(0);
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const preview = await apiUpload<ParsePreview>('/api/notices/parse', form, setProgress);
      onParsed(preview, { file });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const parseText = async () => {
    setError(undefined);
    if (text.trim() === '') {
      setPasteError(t.source.pasteEmpty);
      return;
    }
    setPasteError(undefined);
    setBusy(true);
    try {
      onParsed(await api<ParsePreview>('POST', '/api/notices/parse', { text }), { text });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Tabs
      items={[
        {
          key: 'upload',
          label: t.source.uploadTab,
          children: (
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <Upload.Dragger
                accept=".docx,.doc,.wps,.ofd,.pdf,.txt,.jpg,.jpeg,.png,.tif,.tiff,.bmp,.webp"
                multiple={false}
                showUploadList={false}
                disabled={busy}
                beforeUpload={(file) => {
                  void parseFile(file);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p className="ant-upload-text">{t.source.dragHint}</p>
                <p className="ant-upload-hint">{t.source.dragTypes}</p>
              </Upload.Dragger>
              {fileName ? (
                <Typography.Text type="secondary">{t.source.chosen(fileName)}</Typography.Text>
              ) : null}
              {progress !== null ? (
                <div>
                  <Typography.Text>{progress < 1 ? t.source.uploading : t.source.processing}</Typography.Text>
                  <Progress percent={Math.round(progress * 100)} status="active" />
                </div>
              ) : null}
              <ApiErrorAlert error={error} />
            </Space>
          ),
        },
        {
          key: 'paste',
          label: t.source.pasteTab,
          children: (
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <Input.TextArea
                aria-label={t.source.pasteTab}
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={t.source.pastePlaceholder}
                autoSize={{ minRows: 12, maxRows: 22 }}
                status={pasteError ? 'error' : undefined}
              />
              {pasteError ? <Typography.Text type="danger">{pasteError}</Typography.Text> : null}
              <ApiErrorAlert error={error} />
              <Button type="primary" onClick={parseText} loading={busy}>
                {t.source.parse}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
