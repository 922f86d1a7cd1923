import {
  type DeliveryOutcome,
  type NotificationSettingsInput,
  type NotificationSettingsView,
  notificationSettingsSchema,
  SECRET_FIELDS,
} from '@shared/notifications.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Skeleton,
  Space,
  Switch,
  Tabs,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { zodFieldErrors, zodRule } from '../../components/zod-rule.ts';
import { notify as t } from '../../i18n/notify.ts';
import { ReminderLogTable } from './ReminderLogTable.tsx';
import './notifications.css';

const key = ['settings', 'notifications'] as const;
const shape = notificationSettingsSchema.shape;
const fieldNames = Object.keys(shape);

/** /settings/notifications 通知设置: reminder rules, quiet hours and channels, with a test per channel; the reminder log as a tab. */
export default function NotificationSettingsPage() {
  const settings = useQuery({
    queryKey: key,
    queryFn: () => apiGet<NotificationSettingsView>('/api/settings/notifications'),
  });
  return (
    <PageContainer title={t.settings.title} subtitle={t.settings.subtitle}>
      <ApiErrorAlert error={settings.error} style={{ marginBottom: 12 }} />
      <Tabs
        items={[
          {
            key: 'settings',
            label: t.settings.tabSettings,
            children: settings.data ? (
              <SettingsForm value={settings.data} />
            ) : settings.isPending ? (
              <Card>
                <Skeleton active />
              </Card>
            ) : null,
          },
          {
            key: 'log',
            label: t.settings.tabLog,
            children: (
              <Card>
                <ReminderLogTable />
              </Card>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}

type FormValues = NotificationSettingsInput;

function SettingsForm({ value }: { value: NotificationSettingsView }) {
  const [form] = Form.useForm<FormValues>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // Tests use the saved settings: unsaved edits would make a passing test misleading.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    const { secretsSet: _set, ...rest } = value;
    // Secrets are never shown: their inputs start empty and stay unchanged unless typed into.
    form.setFieldsValue({
      ...rest,
      smtpPassword: '',
      wecomWebhook: '',
      dingtalkWebhook: '',
      dingtalkSecret: '',
    });
  }, [value, form]);
  const save = async (values: FormValues) => {
    const body: Record<string, unknown> = { ...values };
    for (const field of SECRET_FIELDS) if (!body[field]) delete body[field];
    const parsed = notificationSettingsSchema.safeParse(body);
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error) as never);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', '/api/settings/notifications', parsed.data);
      message.success(t.settings.saved);
      setDirty(false);
      await client.invalidateQueries({ queryKey: key });
    } catch (caught) {
      if (!showErrorOnField(form, caught, fieldNames)) setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const secretPlaceholder = (field: (typeof SECRET_FIELDS)[number]) =>
    value.secretsSet[field] ? t.settings.secretSet : t.settings.secretUnset;
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={save}
      onValuesChange={() => setDirty(true)}
      requiredMark={false}
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <div className="notify-settings">
        <Card title={t.settings.rulesTitle}>
          <Typography.Paragraph type="secondary">{t.settings.rulesIntro}</Typography.Paragraph>
          <DaysField
            name="daysBeforeDue"
            label={t.settings.daysBeforeDue}
            help={t.settings.daysBeforeDueHelp}
            min={0}
            max={15}
          />
          <DaysField
            name="leaderAfterDays"
            label={t.settings.leaderAfterDays}
            help={t.settings.leaderAfterDaysHelp}
            min={1}
            max={30}
          />
          <DaysField
            name="supervisorAfterDays"
            label={t.settings.supervisorAfterDays}
            help={t.settings.supervisorAfterDaysHelp}
            min={1}
            max={60}
          />
          <Form.Item label={t.settings.quietTitle} extra={t.settings.quietHelp} style={{ marginBottom: 0 }}>
            <Space>
              <Form.Item name="quietStart" rules={[zodRule(shape.quietStart)]}>
                <Input placeholder="22:00" addonBefore={t.settings.quietStart} style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="quietEnd" rules={[zodRule(shape.quietEnd)]}>
                <Input placeholder="07:30" addonBefore={t.settings.quietEnd} style={{ width: 150 }} />
              </Form.Item>
            </Space>
          </Form.Item>
        </Card>
        <Card title={t.settings.emailTitle} extra={<TestButton channel="email" dirty={dirty} />}>
          <Form.Item name="emailEnabled" valuePropName="checked" extra={t.settings.emailHelp}>
            <Checkbox>{t.settings.emailEnabled}</Checkbox>
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item label={t.settings.smtpHost} name="smtpHost" rules={[zodRule(shape.smtpHost)]}>
              <Input placeholder="smtp.example.gov.cn" style={{ width: 240 }} />
            </Form.Item>
            <Form.Item label={t.settings.smtpPort} name="smtpPort" rules={[zodRule(shape.smtpPort)]}>
              <InputNumber min={1} max={65535} precision={0} style={{ width: 110 }} />
            </Form.Item>
          </Space>
          <Form.Item name="smtpSecure" valuePropName="checked">
            <Checkbox>{t.settings.smtpSecure}</Checkbox>
          </Form.Item>
          <Space align="start" wrap>
            <Form.Item label={t.settings.smtpUser} name="smtpUser" rules={[zodRule(shape.smtpUser)]}>
              <Input autoComplete="off" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t.settings.smtpPassword} name="smtpPassword">
              <Input.Password
                autoComplete="new-password"
                placeholder={secretPlaceholder('smtpPassword')}
                style={{ width: 200 }}
              />
            </Form.Item>
          </Space>
          <Form.Item label={t.settings.smtpFrom} name="smtpFrom" rules={[zodRule(shape.smtpFrom)]}>
            <Input placeholder={t.settings.smtpFromPlaceholder} />
          </Form.Item>
        </Card>
        <Card title={t.settings.wecomTitle} extra={<TestButton channel="wecom" dirty={dirty} />}>
          <Typography.Paragraph type="secondary">{t.settings.robotHelp}</Typography.Paragraph>
          <Form.Item name="wecomEnabled" valuePropName="checked">
            <Switch checkedChildren={t.settings.wecomEnabled} unCheckedChildren={t.settings.wecomEnabled} />
          </Form.Item>
          <Form.Item
            label={t.settings.wecomWebhook}
            name="wecomWebhook"
            rules={[zodRule(shape.wecomWebhook)]}
          >
            <Input.Password autoComplete="off" placeholder={secretPlaceholder('wecomWebhook')} />
          </Form.Item>
        </Card>
        <Card title={t.settings.dingtalkTitle} extra={<TestButton channel="dingtalk" dirty={dirty} />}>
          <Typography.Paragraph type="secondary">{t.settings.robotHelp}</Typography.Paragraph>
          <Form.Item name="dingtalkEnabled" valuePropName="checked">
            <Switch
              checkedChildren={t.settings.dingtalkEnabled}
              unCheckedChildren={t.settings.dingtalkEnabled}
            />
          </Form.Item>
          <Form.Item
            label={t.settings.dingtalkWebhook}
            name="dingtalkWebhook"
            rules={[zodRule(shape.dingtalkWebhook)]}
          >
            <Input.Password autoComplete="off" placeholder={secretPlaceholder('dingtalkWebhook')} />
          </Form.Item>
          <Form.Item
            label={t.settings.dingtalkSecret}
            name="dingtalkSecret"
            rules={[zodRule(shape.dingtalkSecret)]}
          >
            <Input.Password autoComplete="off" placeholder={secretPlaceholder('dingtalkSecret')} />
          </Form.Item>
        </Card>
      </div>
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
        {t.settings.save}
      </Button>
    </Form>
  );
}

function DaysField(props: {
  name: 'daysBeforeDue' | 'leaderAfterDays' | 'supervisorAfterDays';
  label: string;
  help: string;
  min: number;
  max: number;
}) {
  return (
    <Form.Item label={props.label} name={props.name} extra={props.help} rules={[zodRule(shape[props.name])]}>
      <InputNumber
        min={props.min}
        max={props.max}
        precision={0}
        addonAfter={t.settings.workingDays}
        style={{ width: 180 }}
      />
    </Form.Item>
  );
}

/** Sends a test message through a channel as saved, and shows the outcome beside the button. */
function TestButton({ channel, dirty }: { channel: 'email' | 'wecom' | 'dingtalk'; dirty: boolean }) {
  const [busy, setBusy] = useState(false);
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const send = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      if (dirty) {
        setOutcome({ ok: false, text: t.settings.testSaveFirst });
        return;
      }
      const result = await api<DeliveryOutcome>('POST', '/api/settings/notifications/test', {
        channel,
        ...(channel === 'email' && to ? { to } : {}),
      });
      setOutcome(
        result.ok
          ? { ok: true, text: t.settings.testOk(result.attempts) }
          : { ok: false, text: `${t.settings.testFailed}${result.error ?? ''}` },
      );
    } catch (caught) {
      setOutcome({ ok: false, text: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" align="end" size={4} style={{ maxWidth: 320 }}>
      <Space size={4}>
        {channel === 'email' ? (
          <Input
            size="small"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            placeholder={t.settings.testTo}
            aria-label={t.settings.testTo}
            style={{ width: 200 }}
          />
        ) : null}
        <Button size="small" onClick={() => void send()} loading={busy}>
          {t.settings.test}
        </Button>
      </Space>
      {outcome ? (
        <Alert
          type={outcome.ok ? 'success' : 'error'}
          showIcon
          message={outcome.text}
          style={{ padding: '2px 8px' }}
        />
      ) : null}
    </Space>
  );
}
