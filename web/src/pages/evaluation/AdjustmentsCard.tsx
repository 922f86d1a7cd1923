import { adjustmentSchema, type EvaluationAdjustment, type UnitEvaluation } from '@shared/evaluations.ts';
import { App as AntApp, Button, Form, Input, InputNumber, Popconfirm, Radio, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { zodFieldErrors } from '../../components/zod-rule.ts';
import { evaluation as t } from '../../i18n/evaluation.ts';

const FIELDS = ['unitId', 'kind', 'points', 'reason'];

interface AdjustmentValues {
  unitId?: number;
  kind: 'bonus' | 'penalty';
  points?: number | null;
  reason?: string;
}

/** The bonus and penalty entries, with a form to add one (reason required) and delete while editable. */
export function AdjustmentsCard({
  planId,
  adjustments,
  units,
  editable,
  onChanged,
}: {
  planId: number;
  adjustments: EvaluationAdjustment[];
  /** Units that can receive an entry: those with tasks in the plan. */
  units: UnitEvaluation[];
  editable: boolean;
  onChanged: () => void;
}) {
  const [form] = Form.useForm<AdjustmentValues>();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const add = async (values: AdjustmentValues) => {
    const parsed = adjustmentSchema.safeParse({ ...values, points: values.points ?? undefined });
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error) as Parameters<typeof form.setFields>[0]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/api/plans/${planId}/evaluation/adjustments`, parsed.data);
      message.success(t.adjustments.added);
      form.resetFields();
      onChanged();
    } catch (caught) {
      if (!showErrorOnField(form, caught, FIELDS)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: number) => {
    setError(undefined);
    try {
      await api('DELETE', `/api/plans/${planId}/evaluation/adjustments/${id}`);
      message.success(t.adjustments.removed);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };

  const columns: ColumnsType<EvaluationAdjustment> = [
    { title: t.adjustments.unit, dataIndex: 'unitName', width: 160 },
    {
      title: t.adjustments.kind,
      dataIndex: 'kind',
      width: 72,
      render: (kind: EvaluationAdjustment['kind']) =>
        kind === 'bonus' ? (
          <Tag color="green">{t.adjustments.bonus}</Tag>
        ) : (
          <Tag color="red">{t.adjustments.penalty}</Tag>
        ),
    },
    {
      title: t.adjustments.points,
      dataIndex: 'points',
      width: 72,
      align: 'right',
      render: (n: number) => n.toFixed(2),
    },
    { title: t.adjustments.reason, dataIndex: 'reason' },
    { title: t.adjustments.author, dataIndex: 'author', width: 100 },
    {
      title: t.adjustments.time,
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => shanghaiTime(at),
    },
    ...(editable
      ? [
          {
            title: '',
            key: 'remove',
            width: 64,
            render: (_: unknown, a: EvaluationAdjustment) => (
              <Popconfirm title={t.adjustments.removeConfirm} onConfirm={() => remove(a.id)}>
                <Button type="link" size="small" danger>
                  {t.adjustments.remove}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      {editable ? (
        <Form<AdjustmentValues>
          form={form}
          layout="inline"
          onFinish={add}
          initialValues={{ kind: 'bonus' }}
          aria-label={t.adjustments.title}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="unitId" label={t.adjustments.unit}>
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t.adjustments.chooseUnit}
              style={{ width: 180 }}
              options={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t.adjustments.kind}>
            <Radio.Group
              options={[
                { value: 'bonus', label: t.adjustments.bonus },
                { value: 'penalty', label: t.adjustments.penalty },
              ]}
            />
          </Form.Item>
          <Form.Item name="points" label={t.adjustments.points}>
            <InputNumber min={0} max={100} step={0.5} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="reason" label={t.adjustments.reason} style={{ flex: 1, minWidth: 240 }}>
            <Input placeholder={t.adjustments.reasonPlaceholder} maxLength={500} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t.adjustments.add}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
      <Table<EvaluationAdjustment>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={adjustments}
        pagination={false}
        locale={{ emptyText: t.adjustments.empty }}
      />
    </>
  );
}
