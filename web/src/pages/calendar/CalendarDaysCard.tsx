import {
  type CalendarDayInput,
  type CalendarDayView,
  type CalendarYearView,
  calendarDayInputSchema,
  planDateSchema,
} from '@shared/calendar.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { calendar as t } from '../../i18n/calendar.ts';

type DayForm = CalendarDayInput & { date: string };

/**
 * The year's holidays and swapped working days of this bureau: the national arrangement (全国统一)
 * and the bureau's own changes over it (本单位调整), each marked. Administrators change a day for
 * their bureau and revert it to the national arrangement; the national one itself is not edited here.
 */
export function CalendarDaysCard({ view, editable }: { view: CalendarYearView; editable: boolean }) {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [editing, setEditing] = useState<CalendarDayView | 'new' | undefined>();
  const [error, setError] = useState<unknown>();
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar'] });
  const remove = async (date: string) => {
    setError(undefined);
    try {
      await api('DELETE', `/api/calendar/days/${date}`);
      message.success(t.dayReverted);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Card
      title={t.daysTitle}
      size="small"
      extra={
        editable ? (
          <Button type="primary" size="small" onClick={() => setEditing('new')}>
            {t.addDay}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        {editable ? t.daysHelp : `${t.daysHelp}${t.readOnlyDays}`}
      </Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Table<CalendarDayView>
        size="small"
        rowKey="date"
        dataSource={view.days}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: t.noDays }}
        columns={[
          { title: t.date, dataIndex: 'date', width: 110 },
          { title: t.weekday, dataIndex: 'weekday', width: 64, render: (w: number) => t.weekdays[w] },
          {
            title: t.kind,
            dataIndex: 'kind',
            width: 96,
            render: (kind: string, day: CalendarDayView) => (
              <Tag color={kind === 'holiday' ? 'green' : 'blue'}>{kindLabel(day)}</Tag>
            ),
          },
          { title: t.name, dataIndex: 'name' },
          {
            title: t.source,
            key: 'source',
            width: 200,
            render: (_: unknown, day: CalendarDayView) => (
              <Space size={4} wrap>
                <Tag color={day.own ? 'orange' : undefined} data-testid={`calendar-source-${day.date}`}>
                  {day.own ? t.ownDay : t.nationalDay}
                </Tag>
                {day.national ? (
                  <Typography.Text type="secondary">
                    {t.nationalWas(t.kinds[day.national.kind] ?? '', day.national.name)}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          ...(editable
            ? [
                {
                  title: t.actions,
                  key: 'actions',
                  width: 170,
                  render: (_: unknown, day: CalendarDayView) => (
                    <Space size="small">
                      <Button type="link" size="small" onClick={() => setEditing(day)}>
                        {day.own ? t.editDay : t.overrideDay}
                      </Button>
                      {day.own ? (
                        <Popconfirm
                          title={day.national ? t.revertConfirm(day.date) : t.deleteConfirm(day.date)}
                          onConfirm={() => remove(day.date)}
                        >
                          <Button type="link" size="small" danger>
                            {day.national ? t.revertDay : t.deleteDay}
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <DayModal
          day={editing === 'new' ? undefined : editing}
          year={view.year}
          onClose={() => setEditing(undefined)}
          onSaved={async () => {
            setEditing(undefined);
            message.success(t.daySaved);
            await refresh();
          }}
        />
      ) : null}
    </Card>
  );
}

/** 放假, or for a worked day 调休上班 on a weekend and 照常上班 on a weekday the nation has off. */
function kindLabel(day: Pick<CalendarDayView, 'kind' | 'weekday'>): string {
  if (day.kind === 'holiday') return t.kinds.holiday ?? '';
  return day.weekday === 0 || day.weekday === 6 ? t.swappedWorkday : t.keptWorkday;
}

function DayModal(props: {
  day: CalendarDayView | undefined;
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<DayForm>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: DayForm) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', `/api/calendar/days/${values.date}`, calendarDayInputSchema.parse(values));
      props.onSaved();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['kind', 'name', 'date'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={
        props.day ? (props.day.own ? t.dayModalEdit : t.dayModalOverride)(props.day.date) : t.dayModalAdd
      }
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form<DayForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={props.day ?? { kind: 'holiday', name: '', date: undefined }}
      >
        <Form.Item
          label={t.date}
          name="date"
          rules={[zodRule(planDateSchema)]}
          getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : undefined })}
          normalize={(value: dayjs.Dayjs | null) => value?.format('YYYY-MM-DD')}
        >
          <DatePicker
            disabled={props.day !== undefined}
            defaultPickerValue={dayjs(`${props.year}-01-01`)}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item label={t.kind} name="kind" rules={[zodRule(calendarDayInputSchema.shape.kind)]}>
          <Select
            style={{ width: 200 }}
            options={['holiday', 'workday'].map((kind) => ({ value: kind, label: t.kinds[kind] }))}
          />
        </Form.Item>
        <Form.Item label={t.name} name="name" rules={[zodRule(calendarDayInputSchema.shape.name)]}>
          <Input placeholder={t.namePlaceholder} maxLength={20} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
