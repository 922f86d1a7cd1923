import { completionRequestSchema } from '@shared/work.ts';
import { App as AntApp, Form, Input, Modal, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { apiUpload } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { EvidencePicker } from '../../components/report-form/EvidencePicker.tsx';
import { common } from '../../i18n/common.ts';
import { work as t } from '../../i18n/work.ts';

/** The task completion is asked for. */
export interface CompletionTarget {
  taskId: number;
  title: string;
}

/** 申请办结: a note and evidence files, sent as multipart with upload progress. */
export function CompletionRequestModal({
  target,
  onClose,
  onDone,
}: {
  target: CompletionTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ note: string }>();
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (target) {
      form.resetFields();
      setFiles([]);
      setError(undefined);
    }
  }, [target, form]);

  const submit = async ({ note }: { note?: string }) => {
    if (!target) return;
    const parsed = completionRequestSchema.safeParse({ note: note ?? '' });
    if (!parsed.success) return;
    const data = new FormData();
    data.append('note', parsed.data.note);
    for (const file of files) data.append('files', file, file.name);
    setProgress(0);
    setError(undefined);
    try {
      await apiUpload(`/api/tasks/${target.taskId}/completion`, data, setProgress);
      message.success(t.completionForm.done);
      onDone();
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['note'])) setError(caught);
    } finally {
      setProgress(undefined);
    }
  };

  const busy = progress !== undefined;
  return (
    <Modal
      open={target !== null}
      title={t.completionForm.title}
      okText={t.completionForm.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={busy ? undefined : onClose}
      destroyOnHidden
      width={560}
    >
      {target ? <Typography.Paragraph type="secondary">{target.title}</Typography.Paragraph> : null}
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item
          name="note"
          label={t.completionForm.note}
          required
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const result = completionRequestSchema.shape.note.safeParse(value ?? '');
                if (!result.success) throw new Error(result.error.issues[0]?.message);
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            showCount
            maxLength={5000}
            placeholder={t.completionForm.notePlaceholder}
          />
        </Form.Item>
        <Form.Item label={t.completionForm.files}>
          <EvidencePicker files={files} onChange={setFiles} disabled={busy} />
        </Form.Item>
      </Form>
      {busy ? <Progress percent={Math.round((progress ?? 0) * 100)} size="small" /> : null}
    </Modal>
  );
}
