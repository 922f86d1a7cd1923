import { extensionRequestAfter } from '@shared/work.ts';
import { App as AntApp, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodFormFieldRule } from '../../components/zod-rule.ts';
import { common } from '../../i18n/common.ts';
import { work as t } from '../../i18n/work.ts';

/** The task an extension is asked for. */
export interface ExtensionTarget {
  taskId: number;
  title: string;
  dueOn: string;
}

interface Values {
  newDueOn?: Dayjs | null;
  reason?: string;
}

const toInput = (values: Values) => ({
  newDueOn: values.newDueOn ? values.newDueOn.format('YYYY-MM-DD') : '',
  reason: values.reason ?? '',
});

/** 申请延期: a new due date later than the current one, and the reason; checked with the API's schema. */
export function ExtensionRequestModal({
  target,
  onClose,
  onDone,
}: {
  target: ExtensionTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (target) {
      form.resetFields();
      setError(undefined);
    }
  }, [target, form]);

  const check = (field: 'newDueOn' | 'reason') =>
    zodFormFieldRule(field, () =>
      target ? extensionRequestAfter(target.dueOn).safeParse(toInput(form.getFieldsValue())) : undefined,
    );

  const submit = async (values: Values) => {
    if (!target) return;
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/api/tasks/${target.taskId}/extensions`, toInput(values));
      message.success(t.extensionForm.done);
      onDone();
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['newDueOn', 'reason'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={t.extensionForm.title}
      okText={t.extensionForm.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {target ? (
        <Typography.Paragraph type="secondary">
          {target.title}
          <br />
          {t.extensionForm.current(target.dueOn)}
        </Typography.Paragraph>
      ) : null}
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="newDueOn" label={t.extensionForm.newDueOn} required rules={[check('newDueOn')]}>
          <DatePicker
            style={{ width: 200 }}
            disabledDate={(day) => !!target && day.format('YYYY-MM-DD') <= target.dueOn}
          />
        </Form.Item>
        <Form.Item name="reason" label={t.extensionForm.reason} required rules={[check('reason')]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            showCount
            maxLength={5000}
            placeholder={t.extensionForm.reasonPlaceholder}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
