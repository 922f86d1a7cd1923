import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FINDING_SEVERITIES,
  type InspectionList,
  inspectionFindingSchema,
  inspectionSchema,
  MAX_FINDING_TITLE,
} from '@shared/findings.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { findings as t } from '../../i18n/findings.ts';
import { refreshFindings } from './findings-api.ts';

const i = t.inspection;
const row = inspectionFindingSchema.shape;

interface RowValues {
  title?: string;
  detail?: string;
  severity?: string;
  dueOn?: Dayjs;
}

/** Where a unit files its monthly inspection: a list of findings, or "本月未发现问题". */
export function InspectionForm({ period, list }: { period: string; list: InspectionList | undefined }) {
  const [form] = Form.useForm<{ none?: boolean; findings?: RowValues[] }>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const none = Form.useWatch('none', form) ?? false;
  const filings = list?.rows[0]?.filings ?? [];

  const submit = async (values: { none?: boolean; findings?: RowValues[] }) => {
    const rows = values.none ? [] : (values.findings ?? []);
    if (!values.none && rows.length === 0) {
      setError(new Error(i.needOne));
      return;
    }
    const parsed = inspectionSchema.safeParse({
      period,
      findings: rows.map((r) => ({ ...r, detail: r.detail ?? '', dueOn: r.dueOn?.format('YYYY-MM-DD') })),
    });
    if (!parsed.success) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<{ findingIds: number[] }>('POST', '/api/inspections', parsed.data);
      message.success(i.done(answer.findingIds.length));
      form.resetFields();
      await refreshFindings(client);
    } catch (caught) {
      if (!showErrorOnField(form, caught, [])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={`${period} ${t.tabs.inspections}`}>
      <Typography.Paragraph type="secondary">{i.intro}</Typography.Paragraph>
      {filings.map((f) => (
        <Alert
          key={f.id}
          type="success"
          showIcon
          message={i.filed(shanghaiTime(f.filedAt), f.note)}
          style={{ marginBottom: 12 }}
        />
      ))}
      {filings.length === 0 ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={busy}
          initialValues={{ findings: [{ severity: 'medium' }] }}
        >
          <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
          <Form.Item name="none" valuePropName="checked">
            <Checkbox>{i.none}</Checkbox>
          </Form.Item>
          {none ? null : (
            <Form.List name="findings">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Card
                      key={field.key}
                      size="small"
                      type="inner"
                      title={i.findingNo(index + 1)}
                      style={{ marginBottom: 12 }}
                      extra={
                        <Button
                          type="text"
                          danger
                          size="small"
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                        >
                          {i.remove}
                        </Button>
                      }
                    >
                      <Form.Item
                        name={[field.name, 'title']}
                        label={t.form.titleLabel}
                        required
                        rules={[zodRule(row.title)]}
                      >
                        <Input placeholder={t.form.titlePlaceholder} maxLength={MAX_FINDING_TITLE} />
                      </Form.Item>
                      <Space wrap align="start" size={16}>
                        <Form.Item
                          name={[field.name, 'severity']}
                          label={t.form.severity}
                          required
                          rules={[zodRule(row.severity)]}
                        >
                          <Select
                            style={{ width: 140 }}
                            options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t.severity[s] }))}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'dueOn']}
                          label={t.form.dueOn}
                          required
                          rules={[
                            {
                              validator: async (_rule, value: Dayjs | undefined) => {
                                const result = row.dueOn.safeParse(value?.format('YYYY-MM-DD'));
                                if (!result.success) throw new Error(result.error.issues[0]?.message);
                              },
                            },
                          ]}
                        >
                          <DatePicker style={{ width: 180 }} />
                        </Form.Item>
                      </Space>
                      <Form.Item
                        name={[field.name, 'detail']}
                        label={t.form.detail}
                        style={{ marginBottom: 0 }}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          placeholder={t.form.detailPlaceholder}
                        />
                      </Form.Item>
                    </Card>
                  ))}
                  <Button
                    type="dashed"
                    block
                    icon={<PlusOutlined />}
                    onClick={() => add({ severity: 'medium' })}
                    style={{ marginBottom: 16 }}
                  >
                    {i.addFinding}
                  </Button>
                </>
              )}
            </Form.List>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {i.submit}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
