import {
  type LightSettingsInput,
  lightSettingsSchema,
  REPORTING_CYCLES,
  type ReportingSettings,
  reportingSettingsSchema,
  type SettingsView,
} from '@shared/settings.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  type FormInstance,
  InputNumber,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, apiGet } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { admin as t } from '../../i18n/admin.ts';
import { calendar as calendarText } from '../../i18n/calendar.ts';
import './settings.css';

const settingsKey = ['settings'] as const;

/** The light form shows the red share as a percentage; the API stores a share 0..1. */
type LightForm = Omit<LightSettingsInput, 'redBelowShare'> & { redBelowPercent: number };

/** /settings: the light thresholds and the reporting rule of the organization (administrators change them). */
export default function SettingsPage() {
  const me = useCurrentUser();
  const editable = can(me, 'settings.edit');
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => apiGet<SettingsView>('/api/settings') });
  return (
    <PageContainer title={t.settings.title} subtitle={t.settings.subtitle}>
      {editable ? null : (
        <Alert type="info" showIcon message={t.settings.readOnly} style={{ marginBottom: 12 }} />
      )}
      <ApiErrorAlert error={settings.error} style={{ marginBottom: 12 }} />
      {settings.data ? (
        <div className="settings-grid">
          <LightsCard value={settings.data.lights} editable={editable} />
          <ReportingCard value={settings.data.reporting} editable={editable} />
        </div>
      ) : settings.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : null}
    </PageContainer>
  );
}

/** Saves a settings form; an error the server pins on a field (by its API name) shows under that form field. */
function useSave<T>(path: string, form: FormInstance<T>, fields: Record<string, string>) {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const save = async (body: unknown) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', path, body);
      message.success(t.settings.saved);
      await client.invalidateQueries({ queryKey: settingsKey });
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.field : undefined;
      const formField = field ? fields[field] : undefined;
      if (caught instanceof ApiError && formField)
        form.setFields([{ name: formField as never, errors: [caught.message] }]);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { save, error, busy };
}

function LightsCard({ value, editable }: { value: LightSettingsInput; editable: boolean }) {
  const [form] = Form.useForm<LightForm>();
  const { save, error, busy } = useSave('/api/settings/lights', form, {
    reportGraceDays: 'reportGraceDays',
    dueSoonDays: 'dueSoonDays',
    redBelowShare: 'redBelowPercent',
  });
  useEffect(() => {
    form.setFieldsValue({
      reportGraceDays: value.reportGraceDays,
      dueSoonDays: value.dueSoonDays,
      redBelowPercent: Math.round(value.redBelowShare * 100),
    });
  }, [value, form]);
  const submit = ({ redBelowPercent, ...rest }: LightForm) =>
    save(lightSettingsSchema.parse({ ...rest, redBelowShare: redBelowPercent / 100 }));
  return (
    <Card title={t.settings.lightsTitle}>
      <Typography.Paragraph type="secondary">{t.settings.lightsIntro}</Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<LightForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={!editable}
        requiredMark={false}
      >
        <Form.Item
          label={t.settings.reportGraceDays}
          name="reportGraceDays"
          extra={t.settings.reportGraceDaysHelp}
          rules={[zodRule(lightSettingsSchema.shape.reportGraceDays)]}
        >
          <InputNumber min={0} max={60} precision={0} addonAfter={t.settings.days} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={t.settings.dueSoonDays}
          name="dueSoonDays"
          extra={t.settings.dueSoonDaysHelp}
          rules={[zodRule(lightSettingsSchema.shape.dueSoonDays)]}
        >
          <InputNumber min={0} max={60} precision={0} addonAfter={t.settings.days} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label={t.settings.redBelowShare}
          name="redBelowPercent"
          extra={t.settings.redBelowShareHelp}
          rules={[
            {
              validator: async (_rule, percent: unknown) => {
                const result = lightSettingsSchema.shape.redBelowShare.safeParse(
                  typeof percent === 'number' ? percent / 100 : undefined,
                );
                if (!result.success) throw new Error(result.error.issues[0]?.message);
              },
            },
          ]}
        >
          <InputNumber
            min={0}
            max={100}
            precision={0}
            addonAfter={t.settings.percent}
            style={{ width: 160 }}
          />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.settings.save}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}

function ReportingCard({ value, editable }: { value: ReportingSettings; editable: boolean }) {
  const [form] = Form.useForm<ReportingSettings>();
  const { save, error, busy } = useSave('/api/settings/reporting', form, {
    cycle: 'cycle',
    dueDay: 'dueDay',
  });
  useEffect(() => form.setFieldsValue(value), [value, form]);
  return (
    <Card title={t.settings.reportingTitle}>
      <Typography.Paragraph type="secondary">{t.settings.reportingIntro}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{calendarText.settingsNote}</Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<ReportingSettings>
        form={form}
        layout="vertical"
        onFinish={(values) => save(reportingSettingsSchema.parse(values))}
        disabled={!editable}
        requiredMark={false}
      >
        <Form.Item
          label={t.settings.cycle}
          name="cycle"
          rules={[zodRule(reportingSettingsSchema.shape.cycle)]}
        >
          <Select
            style={{ width: 160 }}
            options={REPORTING_CYCLES.map((cycle) => ({ value: cycle, label: t.settings.cycles[cycle] }))}
          />
        </Form.Item>
        <Form.Item
          label={t.settings.dueDay}
          name="dueDay"
          extra={t.settings.dueDayHelp}
          rules={[zodRule(reportingSettingsSchema.shape.dueDay)]}
        >
          <InputNumber
            min={1}
            max={28}
            precision={0}
            addonAfter={t.settings.dueDaySuffix}
            style={{ width: 160 }}
          />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.settings.save}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
