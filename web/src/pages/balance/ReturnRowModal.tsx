import { type RoundRowView, reviewRowSchema, STAGE_LABELS } from '@shared/balance.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { balance as t } from '../../i18n/balance.ts';
import { common } from '../../i18n/common.ts';
import { reviewRow } from './balance-api.ts';

const e = t.entries;

/** The first problem zod finds in a return reason (the same rule as the API's). */
function reasonProblem(reason: string): string | undefined {
  const result = reviewRowSchema.safeParse({ decision: 'return', reason, version: 1 });
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** 退回: the bureau returns a school's row with a reason the school sees above its form. */
export function ReturnRowModal({
  roundId,
  row,
  onClose,
}: {
  roundId: number;
  row: RoundRowView;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason?: string }>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async ({ reason }: { reason?: string }) => {
    const body = reviewRowSchema.safeParse({
      decision: 'return',
      reason: reason ?? '',
      version: row.version,
    });
    if (!body.success) return;
    setBusy(true);
    setError(undefined);
    try {
      await reviewRow(client, roundId, row.id, body.data);
      message.success(e.returned);
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['reason'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={e.returnTitle}
      okText={e.returnSubmit}
      okButtonProps={{ danger: true }}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={busy ? undefined : onClose}
      width={540}
    >
      <Typography.Paragraph type="secondary">
        {row.unitName}
        {row.stage ? ` · ${STAGE_LABELS[row.stage]}` : ''}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item
          name="reason"
          label={e.returnReason}
          required
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const problem = reasonProblem(value ?? '');
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            showCount
            maxLength={500}
            placeholder={e.returnPlaceholder}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
