import { Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { common } from '../../i18n/common.ts';
import { work as t } from '../../i18n/work.ts';

/** What a decision modal asks for: its title, whether the comment is required, and what to send. */
export interface DecisionRequest {
  title: string;
  commentRequired: boolean;
  /** Checks the comment with the shared schema; returns the message to show, if any. */
  validate: (comment: string) => string | undefined;
  send: (comment: string) => Promise<unknown>;
  onDone: () => void;
}

/** A modal that takes a decision's comment (required when returning) and sends it. */
export function DecisionModal({
  request,
  onClose,
}: {
  request: DecisionRequest | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ comment: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (request) {
      form.resetFields();
      setError(undefined);
    }
  }, [request, form]);

  const submit = async ({ comment }: { comment?: string }) => {
    if (!request) return;
    setBusy(true);
    setError(undefined);
    try {
      await request.send(comment ?? '');
      request.onDone();
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['comment'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={request !== null}
      title={request?.title}
      okText={t.decision.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="comment"
          label={request?.commentRequired ? t.decision.comment : t.decision.commentOptional}
          required={request?.commentRequired}
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                const problem = request?.validate(value ?? '');
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={5000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
