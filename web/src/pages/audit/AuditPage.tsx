import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AuditEntry, AuditList, AuditResultCode } from '@shared/audit.ts';
import { AUDIT_RESULTS } from '@shared/audit.ts';
import { useInfiniteQuery } from '@tanstack/react-query';
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { apiGet, type Query, withQuery } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { audit as t } from '../../i18n/audit.ts';

const PAGE = 50;

interface Filter {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  result?: AuditResultCode;
}

const resultColors: Record<AuditResultCode, string> = {
  success: 'success',
  failure: 'warning',
  denied: 'error',
};

/** The filter as the API's query: the days of the range are Beijing days (from midnight, to the next). */
function queryOf(filter: Filter): Query {
  const [start, end] = filter.range ?? [];
  return {
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.add(1, 'day').startOf('day').toISOString() : undefined,
    actor: filter.actor?.trim() || undefined,
    action: filter.action?.trim() || undefined,
    result: filter.result,
  };
}

const actionLabel = (action: string) => t.actions[action] ?? action;

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const json = (value: unknown) =>
    value === null || value === undefined ? t.details.none : JSON.stringify(value, null, 2);
  return (
    <Descriptions size="small" column={1} bordered>
      {entry.before !== null && entry.before !== undefined ? (
        <Descriptions.Item label={t.details.before}>
          <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
            {json(entry.before)}
          </Typography.Text>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t.details.after}>
        <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
          {json(entry.after)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t.details.hash}>
        <Typography.Text copyable={!!entry.hash}>{entry.hash ?? t.details.none}</Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** /audit (审计管理员): the organization's audit trail with filters, newest first, and its .xlsx export. */
export default function AuditPage() {
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const query = queryOf(filter);
  const list = useInfiniteQuery({
    queryKey: ['audit', query],
    queryFn: ({ pageParam }) => apiGet<AuditList>('/api/audit', { ...query, limit: PAGE, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.entries.length < PAGE ? undefined : last.entries.at(-1)?.id),
  });
  const entries = list.data?.pages.flatMap((p) => p.entries) ?? [];

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t.columns.createdAt,
      dataIndex: 'createdAt',
      width: 170,
      render: (at: string) => shanghaiTime(at),
    },
    { title: t.columns.actor, dataIndex: 'actorLabel', width: 160 },
    {
      title: t.columns.address,
      dataIndex: 'address',
      width: 130,
      render: (a: string | null) => a ?? t.noAddress,
    },
    {
      title: t.columns.action,
      dataIndex: 'action',
      render: (action: string) => (
        <span title={action} data-action={action}>
          {actionLabel(action)}
        </span>
      ),
    },
    {
      title: t.columns.entity,
      key: 'entity',
      width: 140,
      render: (_: unknown, e: AuditEntry) => {
        const name = t.entities[e.entityType] ?? e.entityType;
        return e.entityId === null ? name : `${name} ${e.entityId}`;
      },
    },
    {
      title: t.columns.result,
      dataIndex: 'result',
      width: 80,
      render: (result: AuditResultCode) => (
        <Tag color={resultColors[result]} data-result={result}>
          {t.results[result]}
        </Tag>
      ),
    },
    { title: t.columns.seq, dataIndex: 'seq', width: 80 },
  ];

  return (
    <PageContainer
      title={t.title}
      subtitle={t.subtitle}
      extra={
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={() => list.refetch()} loading={list.isFetching}>
            {t.refresh}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={withQuery('/api/audit/export.xlsx', query)}
            download
            title={t.exportHint}
          >
            {t.export}
          </Button>
        </Space>
      }
    >
      <Card>
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => setFilter(values)}
          style={{ rowGap: 12, marginBottom: 16 }}
        >
          <Form.Item name="range" label={t.filters.range}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="actor" label={t.filters.actor}>
            <Input allowClear placeholder={t.filters.actorPlaceholder} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="action" label={t.filters.action}>
            <AutoComplete
              allowClear
              placeholder={t.filters.actionPlaceholder}
              style={{ width: 200 }}
              options={Object.entries(t.actions).map(([value, label]) => ({
                value,
                label: `${label}（${value}）`,
              }))}
              filterOption={(input, option) => String(option?.label ?? '').includes(input)}
            />
          </Form.Item>
          <Form.Item name="result" label={t.filters.result}>
            <Select
              allowClear
              placeholder={t.filters.resultPlaceholder}
              style={{ width: 120 }}
              options={AUDIT_RESULTS.map((r) => ({ value: r, label: t.results[r] }))}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t.filters.search}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilter({});
                }}
              >
                {t.filters.reset}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />
        <div style={{ overflowX: 'auto' }}>
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={entries}
            loading={list.isPending}
            pagination={false}
            locale={{ emptyText: t.empty }}
            expandable={{ expandedRowRender: (entry) => <EntryDetails entry={entry} /> }}
          />
        </div>
        {list.hasNextPage ? (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t.more}
            </Button>
          </div>
        ) : null}
      </Card>
    </PageContainer>
  );
}
