import { createBulletinSchema } from '@shared/bulletins.ts';
import type { PlanChoice } from '@shared/dashboard.ts';
import { Alert, Button, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { bulletins as t } from '../../i18n/bulletins.ts';
import { bulletinMonths, shanghaiToday } from './months.ts';

/** The month a bulletin is usually written for: the last one ended (this one in January). */
function defaultMonth(months: Array<{ value: string }>): string | undefined {
  return (months[1] ?? months[0])?.value;
}

interface Values {
  planId: number;
  month: string;
}

/** "生成通报": choose the plan and month; on success opens the new draft. */
export function GenerateBulletinModal({
  open,
  plans,
  planId,
  today,
  onClose,
}: {
  open: boolean;
  plans: PlanChoice[];
  planId: number | undefined;
  /** The server's today (its clock decides which months have begun); the browser's when unknown. */
  today: string | undefined;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const chosenPlan = Form.useWatch('planId', form) ?? planId;
  const year = plans.find((p) => p.id === chosenPlan)?.year;
  const months = year === undefined ? [] : bulletinMonths(year, today ?? shanghaiToday());
  // A draft of that month exists already: the error names it, offer to open it.
  const existing =
    error instanceof ApiError && typeof error.details.bulletinId === 'number'
      ? error.details.bulletinId
      : null;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<{ id: number }>('POST', '/api/bulletins', values);
      onClose();
      navigate(`/bulletins/${created.id}`);
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['planId', 'month'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t.generate.title}
      onCancel={onClose}
      okText={t.generate.submit}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t.generate.hint}</Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      {existing !== null ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={
            <Button type="link" style={{ padding: 0 }} onClick={() => navigate(`/bulletins/${existing}`)}>
              {t.generate.openDraft}
            </Button>
          }
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ planId, month: defaultMonth(months) }}
        onFinish={submit}
        onValuesChange={() => setError(undefined)}
      >
        <Form.Item name="planId" label={t.generate.plan} rules={[zodRule(createBulletinSchema.shape.planId)]}>
          <Select options={plans.map((p) => ({ value: p.id, label: p.title }))} />
        </Form.Item>
        <Form.Item name="month" label={t.generate.month} rules={[zodRule(createBulletinSchema.shape.month)]}>
          <Select placeholder={t.generate.monthPlaceholder} options={months} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
