import { newRoundSchema } from '@shared/balance.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { balance as t } from '../../i18n/balance.ts';
import { common } from '../../i18n/common.ts';
import { createRound, useBalanceForms, useTaskSuggestion } from './balance-api.ts';

interface Values {
  formId?: number;
  name?: string;
  dueOn?: Dayjs;
  linkTask?: boolean;
}

const n = t.newRound;

/** 发起填报: a form, a name (2024年秋季学期) and a due date. */
export function NewRoundModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const forms = useBalanceForms();
  const suggestion = useTaskSuggestion();
  const formId = Form.useWatch('formId', form);
  const builtin = (forms.data ?? []).find((f) => f.id === formId)?.builtin ?? false;
  const task = builtin ? suggestion.data : null;
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (values: Values) => {
    const parsed = newRoundSchema.safeParse({
      formId: values.formId,
      name: values.name,
      dueOn: values.dueOn?.format('YYYY-MM-DD'),
      taskId: task && values.linkTask !== false ? task.id : null,
    });
    if (!parsed.success) return;
    setBusy(true);
    setError(undefined);
    try {
      await createRound(client, parsed.data);
      message.success(n.done);
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['formId', 'name', 'dueOn'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={n.title}
      okText={n.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={busy ? undefined : onClose}
      width={520}
    >
      <ApiErrorAlert error={error ?? forms.error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="formId" label={n.form} required rules={[zodRule(newRoundSchema.shape.formId)]}>
          <Select
            placeholder={n.formPlaceholder}
            loading={forms.isLoading}
            options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
          />
        </Form.Item>
        <Form.Item name="name" label={n.name} required rules={[zodRule(newRoundSchema.shape.name)]}>
          <Input placeholder={n.namePlaceholder} maxLength={60} />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={n.dueOn}
          required
          rules={[
            {
              validator: async (_rule, value: Dayjs | undefined) => {
                const result = newRoundSchema.shape.dueOn.safeParse(value?.format('YYYY-MM-DD'));
                if (!result.success) throw new Error(result.error.issues[0]?.message);
              },
            },
          ]}
        >
          <DatePicker style={{ width: 200 }} format="YYYY-MM-DD" />
        </Form.Item>
        {task && (
          <Form.Item name="linkTask" valuePropName="checked" initialValue={true} extra={n.taskHelp}>
            <Checkbox>{n.task(task.itemNo, task.itemTitle)}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
