import {
  FINDING_SEVERITIES,
  FINDING_SOURCE_SUGGESTIONS,
  MAX_FINDING_TEXT,
  MAX_FINDING_TITLE,
  newFindingSchema,
} from '@shared/findings.ts';
import type { PlanSummary } from '@shared/items.ts';
import type { PlanTree } from '@shared/plan-tree.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, AutoComplete, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { common } from '../../i18n/common.ts';
import { findings as t } from '../../i18n/findings.ts';
import { refreshFindings, useUnits } from './findings-api.ts';

interface FormValues {
  source?: string;
  title?: string;
  detail?: string;
  unitId?: number;
  severity?: string;
  dueOn?: Dayjs;
  itemId?: number;
}

const fields = ['source', 'title', 'detail', 'unitId', 'severity', 'dueOn', 'itemId'];
const shape = newFindingSchema.shape;

/** The items of the newest published plan, for linking a finding to an item (optional). */
function usePlanItems(enabled: boolean) {
  return useQuery({
    queryKey: ['findings', 'plan-items'],
    enabled,
    staleTime: 300_000,
    queryFn: async () => {
      const { plans } = await apiGet<{ plans: PlanSummary[] }>('/api/plans');
      const plan = plans.filter((p) => p.status === 'published').sort((a, b) => b.year - a.year)[0];
      if (!plan) return [];
      const tree = await apiGet<PlanTree>(`/api/plans/${plan.id}`);
      return tree.sections.flatMap((s) =>
        s.items.map((i) => ({ value: i.id, label: `${i.no}. ${i.title}` })),
      );
    },
  });
}

/** 登记问题: a supervisor records a finding for any unit; a unit records one for itself. */
export function NewFindingModal({
  open,
  ownUnit,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** The user's own unit when they may record only for it; null for supervisors. */
  ownUnit: { id: number; name: string } | null;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const units = useUnits();
  const items = usePlanItems(open);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ severity: 'medium', unitId: ownUnit?.id });
      setError(undefined);
    }
  }, [open, form, ownUnit]);

  const submit = async (values: FormValues) => {
    const parsed = newFindingSchema.safeParse({
      ...values,
      detail: values.detail ?? '',
      dueOn: values.dueOn?.format('YYYY-MM-DD'),
    });
    if (!parsed.success) return;
    setBusy(true);
    setError(undefined);
    try {
      const { id } = await api<{ id: number }>('POST', '/api/findings', parsed.data);
      message.success(t.form.done);
      await refreshFindings(client);
      onClose();
      onCreated(id);
    } catch (caught) {
      if (!showErrorOnField(form, caught, fields)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t.form.title}
      okText={t.form.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={busy ? undefined : onClose}
      destroyOnHidden
      width={620}
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy} requiredMark>
        <Form.Item name="source" label={t.form.source} required rules={[zodRule(shape.source)]}>
          <AutoComplete
            placeholder={t.form.sourcePlaceholder}
            options={FINDING_SOURCE_SUGGESTIONS.map((s) => ({ value: s }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t.form.titleLabel} required rules={[zodRule(shape.title)]}>
          <Input placeholder={t.form.titlePlaceholder} maxLength={MAX_FINDING_TITLE} />
        </Form.Item>
        <Form.Item name="detail" label={t.form.detail} rules={[zodRule(shape.detail)]}>
          <Input.TextArea
            placeholder={t.form.detailPlaceholder}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={MAX_FINDING_TEXT}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item
            name="unitId"
            label={t.form.unit}
            required
            rules={[zodRule(shape.unitId)]}
            style={{ flex: '1 1 240px' }}
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t.form.unitPlaceholder}
              disabled={ownUnit !== null}
              loading={units.isLoading}
              options={
                ownUnit
                  ? [{ value: ownUnit.id, label: ownUnit.name }]
                  : (units.data ?? []).map((u) => ({ value: u.id, label: u.name }))
              }
            />
          </Form.Item>
          <Form.Item
            name="dueOn"
            label={t.form.dueOn}
            required
            rules={[
              {
                validator: async (_rule, value: Dayjs | undefined) => {
                  const result = shape.dueOn.safeParse(value?.format('YYYY-MM-DD'));
                  if (!result.success) throw new Error(result.error.issues[0]?.message);
                },
              },
            ]}
            style={{ flex: '0 1 200px' }}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="severity" label={t.form.severity} required rules={[zodRule(shape.severity)]}>
          <Radio.Group
            optionType="button"
            options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t.severity[s] }))}
          />
        </Form.Item>
        <Form.Item name="itemId" label={t.form.item}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t.form.itemPlaceholder}
            loading={items.isLoading}
            options={items.data ?? []}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
