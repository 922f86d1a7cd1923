import { type EvaluationRubric, rubricSchema } from '@shared/evaluations.ts';
import { App as AntApp, Button, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { zodFieldErrors } from '../../components/zod-rule.ts';
import { evaluation as t } from '../../i18n/evaluation.ts';

const FIELDS = ['completion', 'timeliness', 'quality', 'bonusCap', 'penaltyCap'] as const;
type RubricValues = Record<(typeof FIELDS)[number], number | null>;

/** The rubric form: three weights that must sum to 100 (checked by the shared schema) and the caps. */
export function RubricForm({
  planId,
  rubric,
  editable,
  onSaved,
}: {
  planId: number;
  rubric: EvaluationRubric;
  editable: boolean;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<RubricValues>();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form);
  const sum = (values?.completion ?? 0) + (values?.timeliness ?? 0) + (values?.quality ?? 0);

  useEffect(() => {
    form.setFieldsValue({
      completion: rubric.completion,
      timeliness: rubric.timeliness,
      quality: rubric.quality,
      bonusCap: rubric.bonusCap,
      penaltyCap: rubric.penaltyCap,
    });
  }, [form, rubric]);

  const submit = async (raw: RubricValues) => {
    const parsed = rubricSchema.safeParse({
      ...Object.fromEntries(FIELDS.map((f) => [f, raw[f] ?? undefined])),
      ...(rubric.version !== null ? { version: rubric.version } : {}),
    });
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error) as Parameters<typeof form.setFields>[0]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', `/api/plans/${planId}/evaluation/rubric`, parsed.data);
      message.success(t.rubric.saved);
      onSaved();
    } catch (caught) {
      if (!showErrorOnField(form, caught, FIELDS)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<RubricValues>
      form={form}
      layout="inline"
      onFinish={submit}
      disabled={!editable}
      aria-label={t.rubric.title}
    >
      <ApiErrorAlert error={error} style={{ width: '100%', marginBottom: 12 }} />
      {FIELDS.map((field) => (
        <Form.Item key={field} label={t.rubric[field]} name={field} style={{ marginBottom: 12 }}>
          <InputNumber min={0} max={100} precision={0} style={{ width: 80 }} />
        </Form.Item>
      ))}
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type={sum === 100 ? 'secondary' : 'danger'}>{t.rubric.sum(sum)}</Typography.Text>
        <Typography.Text type="secondary">
          {rubric.updatedBy && rubric.updatedAt
            ? t.rubric.updated(rubric.updatedBy, shanghaiTime(rubric.updatedAt))
            : t.rubric.defaults}
        </Typography.Text>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.rubric.save}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}
