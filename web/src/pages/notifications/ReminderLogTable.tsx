import {
  CHANNELS,
  REMINDER_STATUSES,
  type ReminderLog,
  type ReminderLogEntry,
} from '@shared/notifications.ts';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { apiGet } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { notify as t } from '../../i18n/notify.ts';

const PAGE_SIZE = 20;
const statusColors: Record<string, string> = { pending: 'gold', sent: 'green', failed: 'red' };

/** The reminder log (催办记录): who, what, when, by which channel, delivered or failed (with the error). */
export function ReminderLogTable() {
  const [status, setStatus] = useState<string>();
  const [channel, setChannel] = useState<string>();
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['reminders', status, channel, page],
    queryFn: () =>
      apiGet<ReminderLog>('/api/reminders', {
        status,
        channel,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={t.log.allStatuses}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={REMINDER_STATUSES.map((s) => ({ value: s, label: t.log.statuses[s] }))}
        />
        <Select
          allowClear
          placeholder={t.log.allChannels}
          style={{ width: 140 }}
          value={channel}
          onChange={(v) => {
            setChannel(v);
            setPage(1);
          }}
          options={CHANNELS.map((c) => ({ value: c, label: t.log.channels[c] }))}
        />
      </Space>
      <ApiErrorAlert error={log.error} style={{ marginBottom: 12 }} />
      <Table<ReminderLogEntry>
        rowKey="id"
        size="small"
        loading={log.isPending}
        dataSource={log.data?.reminders ?? []}
        locale={{ emptyText: t.log.empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: log.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t.log.time,
            dataIndex: 'scheduledFor',
            width: 140,
            render: (v: string) => shanghaiTime(v),
          },
          {
            title: t.log.recipient,
            width: 150,
            render: (_: unknown, r) =>
              r.recipient ? (
                <span>
                  {r.recipient}
                  {r.recipientUnit ? (
                    <Typography.Text type="secondary">（{r.recipientUnit}）</Typography.Text>
                  ) : null}
                </span>
              ) : (
                t.log.group
              ),
          },
          { title: t.log.kind, dataIndex: 'kind', width: 90, render: (v: string) => t.log.kinds[v] ?? v },
          {
            title: t.log.channel,
            dataIndex: 'channel',
            width: 90,
            render: (v: string) => t.log.channels[v] ?? v,
          },
          {
            title: t.log.message,
            dataIndex: 'message',
            ellipsis: { showTitle: false },
            render: (v: string) => (
              <Tooltip
                title={<span style={{ whiteSpace: 'pre-wrap' }}>{v.slice(0, 800)}</span>}
                placement="topLeft"
              >
                {v.split('\n')[0]}
              </Tooltip>
            ),
          },
          {
            title: t.log.status,
            width: 200,
            render: (_: unknown, r) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Tag color={statusColors[r.status]}>{t.log.statuses[r.status] ?? r.status}</Tag>
                  {r.attempts > 1 ? (
                    <Typography.Text type="secondary">{t.log.attempts(r.attempts)}</Typography.Text>
                  ) : null}
                </Space>
                {r.error ? (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {r.error}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
