import { issueNoticeSchema, MAX_NOTICE_TEXT } from '@shared/supervision.ts';
import { App as AntApp, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodFormFieldRule } from '../../components/zod-rule.ts';
import { common } from '../../i18n/common.ts';
import { supervision as t } from '../../i18n/supervision.ts';

/** What a notice is issued on, as the supervision center knows it. */
export interface NoticeTarget {
  itemId?: number;
  taskId?: number;
  /** "要点3 …" or the task's title, shown at the top of the form. */
  label: string;
  reason: string;
  units: Array<{ id: number; name: string }>;
  defaultUnitId?: number;
  replyDueOn: string;
}

interface Values {
  unitId?: number;
  problem?: string;
  requirement?: string;
  replyDueOn?: Dayjs | null;
}

const FIELDS = ['unitId', 'problem', 'requirement', 'replyDueOn'] as const;

function toInput(target: NoticeTarget, values: Values) {
  return {
    ...(target.taskId ? { taskId: target.taskId } : { itemId: target.itemId }),
    unitId: values.unitId,
    problem: values.problem ?? '',
    requirement: values.requirement ?? '',
    replyDueOn: values.replyDueOn ? values.replyDueOn.format('YYYY-MM-DD') : '',
  };
}

/** 发督办单: the addressed unit, the problem (prefilled from the light's reason), the requirement and a reply deadline. */
export function IssueNoticeModal({
  target,
  onClose,
  onIssued,
}: {
  target: NoticeTarget | null;
  onClose: () => void;
  onIssued: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (target) setError(undefined);
  }, [target]);

  // The same schema as the API, field by field, so the form refuses what the server would.
  const check = (field: (typeof FIELDS)[number]) =>
    zodFormFieldRule(field, () =>
      target ? issueNoticeSchema.safeParse(toInput(target, form.getFieldsValue())) : undefined,
    );

  const submit = async (values: Values) => {
    if (!target) return;
    setBusy(true);
    setError(undefined);
    try {
      const issued = await api<{ number: string }>(
        'POST',
        '/api/supervision-notices',
        toInput(target, values),
      );
      message.success(t.issue.issued(issued.number));
      onIssued();
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, FIELDS)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={t.issue.title}
      okText={t.issue.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {target ? (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t.issue.about}：</Typography.Text>
          {target.label}
        </Typography.Paragraph>
      ) : null}
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={
          target
            ? {
                unitId: target.defaultUnitId ?? target.units[0]?.id,
                problem: target.reason,
                replyDueOn: dayjs(target.replyDueOn),
              }
            : undefined
        }
      >
        <Form.Item name="unitId" label={t.issue.unit} required rules={[check('unitId')]}>
          <Select
            placeholder={t.issue.unitPlaceholder}
            options={(target?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
            style={{ width: 280 }}
          />
        </Form.Item>
        <Form.Item name="problem" label={t.issue.problem} required rules={[check('problem')]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={MAX_NOTICE_TEXT} />
        </Form.Item>
        <Form.Item name="requirement" label={t.issue.requirement} required rules={[check('requirement')]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            showCount
            maxLength={MAX_NOTICE_TEXT}
            placeholder={t.issue.requirementPlaceholder}
          />
        </Form.Item>
        <Form.Item
          name="replyDueOn"
          label={t.issue.replyDueOn}
          required
          extra={t.issue.replyDueHint}
          rules={[check('replyDueOn')]}
        >
          <DatePicker style={{ width: 200 }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
