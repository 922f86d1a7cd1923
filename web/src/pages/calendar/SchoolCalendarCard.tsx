import {
  type CalendarYearView,
  planDateSchema,
  type SchoolCalendarInput,
  schoolCalendarEntrySchema,
  schoolCalendarInputSchema,
} from '@shared/calendar.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { calendar as t } from '../../i18n/calendar.ts';

const dateProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value: dayjs.Dayjs | null) => value?.format('YYYY-MM-DD'),
};

/** The school calendar of the year (terms and vacations), edited as a small table and saved whole. */
export function SchoolCalendarCard({ view, editable }: { view: CalendarYearView; editable: boolean }) {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SchoolCalendarInput>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => form.setFieldsValue({ terms: view.school.entries }), [view, form]);
  const save = async (input: SchoolCalendarInput) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', `/api/school-calendar/${view.year}`, schoolCalendarInputSchema.parse(input));
      message.success(t.schoolSaved);
      await client.invalidateQueries({ queryKey: ['calendar'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={`${t.schoolTitle}（${t.yearSuffix(view.year)}）`} size="small">
      <Typography.Paragraph type="secondary">
        {editable ? t.schoolHelp : `${t.schoolHelp}${t.readOnlySchool}`}
      </Typography.Paragraph>
      {view.school.isDefault ? (
        <Alert type="info" showIcon message={t.schoolDefault} style={{ marginBottom: 12 }} />
      ) : null}
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form<SchoolCalendarInput> form={form} onFinish={save} disabled={!editable} requiredMark={false}>
        <Form.List name="terms">
          {(fields, { add, remove }) => (
            <>
              {fields.length === 0 ? (
                <Typography.Paragraph type="secondary">{t.noEntries}</Typography.Paragraph>
              ) : null}
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'kind']}
                    rules={[zodRule(schoolCalendarEntrySchema.shape.kind)]}
                  >
                    <Select
                      aria-label={t.schoolKind}
                      style={{ width: 90 }}
                      options={['term', 'vacation'].map((kind) => ({
                        value: kind,
                        label: t.schoolKinds[kind],
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[zodRule(schoolCalendarEntrySchema.shape.name)]}
                  >
                    <Input
                      aria-label={t.schoolName}
                      placeholder={t.schoolNamePlaceholder}
                      maxLength={20}
                      style={{ width: 160 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'startsOn']} rules={[zodRule(planDateSchema)]} {...dateProps}>
                    <DatePicker aria-label={t.startsOn} placeholder={t.startsOn} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'endsOn']} rules={[zodRule(planDateSchema)]} {...dateProps}>
                    <DatePicker aria-label={t.endsOn} placeholder={t.endsOn} />
                  </Form.Item>
                  {editable ? (
                    <Button type="link" danger onClick={() => remove(field.name)}>
                      {t.removeEntry}
                    </Button>
                  ) : null}
                </Space>
              ))}
              {editable ? (
                <Space>
                  <Button
                    onClick={() => add({ kind: 'term', name: '', startsOn: undefined, endsOn: undefined })}
                  >
                    {t.addEntry}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {t.saveSchool}
                  </Button>
                  {view.school.isDefault ? null : (
                    <Popconfirm title={t.resetConfirm} onConfirm={() => save({ terms: [] })}>
                      <Button>{t.resetSchool}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ) : null}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
