import { CalendarOutlined, CopyOutlined } from '@ant-design/icons';
import type { IcalCreated, IcalStatus } from '@shared/supervision.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { supervision as t } from '../../i18n/supervision.ts';

const icalKey = ['me', 'ical'] as const;

/** 日历订阅: creates, shows once, copies and revokes the user's private iCal address. */
export function IcalCard() {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [url, setUrl] = useState<string>();
  const [busy, setBusy] = useState(false);
  const status = useQuery({ queryKey: icalKey, queryFn: () => apiGet<IcalStatus>('/api/me/ical') });

  const create = async () => {
    setBusy(true);
    try {
      const created = await api<IcalCreated>('POST', '/api/me/ical');
      setUrl(new URL(created.path, window.location.origin).toString());
      await client.invalidateQueries({ queryKey: icalKey });
    } catch (caught) {
      message.error(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    try {
      await api('DELETE', '/api/me/ical');
      setUrl(undefined);
      message.success(t.ical.revoked);
      await client.invalidateQueries({ queryKey: icalKey });
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url ?? '');
      message.success(t.ical.copied);
    } catch {
      message.warning(t.ical.copyFailed);
    }
  };

  const active = status.data?.active === true;
  return (
    <Card
      title={
        <Space>
          <CalendarOutlined />
          {t.ical.title}
        </Space>
      }
      style={{ marginTop: 16 }}
      extra={
        <Space>
          {active ? (
            <Popconfirm title={t.ical.recreateConfirm} onConfirm={create}>
              <Button loading={busy}>{t.ical.recreate}</Button>
            </Popconfirm>
          ) : (
            <Button type="primary" loading={busy} onClick={create} disabled={status.isPending}>
              {t.ical.create}
            </Button>
          )}
          {active ? (
            <Popconfirm title={t.ical.revokeConfirm} onConfirm={revoke} okButtonProps={{ danger: true }}>
              <Button danger>{t.ical.revoke}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      }
    >
      <ApiErrorAlert error={status.error} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">{t.ical.intro}</Typography.Paragraph>
      {url ? (
        <>
          <Alert type="warning" showIcon message={t.ical.warning} style={{ marginBottom: 12 }} />
          <Space.Compact style={{ width: '100%' }}>
            <Input
              readOnly
              value={url}
              aria-label={t.ical.urlLabel}
              onFocus={(event) => event.target.select()}
            />
            <Button icon={<CopyOutlined />} onClick={copy}>
              {t.ical.copy}
            </Button>
          </Space.Compact>
        </>
      ) : (
        <Typography.Text>
          {active && status.data?.createdAt
            ? t.ical.active(shanghaiTime(status.data.createdAt))
            : t.ical.inactive}
        </Typography.Text>
      )}
    </Card>
  );
}
