import type { JobState, JobView } from '@shared/jobs.ts';
import { Button, Descriptions, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { shanghaiTime } from '../../components/format.ts';
import { common } from '../../i18n/common.ts';
import { jobs as t } from '../../i18n/jobs.ts';

const stateColors: Record<JobState, string> = {
  queued: 'blue',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** A job's state as a coloured tag. */
export function JobStateTag({ state }: { state: JobState }) {
  return (
    <Tag color={stateColors[state]} data-state={state}>
      {t.states[state]}
    </Tag>
  );
}

/** A job kind in Chinese, or the raw kind when the page has no name for it. */
export function kindLabel(kind: string): string {
  return t.kinds[kind] ?? kind;
}

function JobDetails({ job }: { job: JobView }) {
  const time = (at: string | null) => (at ? shanghaiTime(at) : t.noError);
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label={t.details.id}>
        <Typography.Text copyable>{job.id}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t.details.payload}>
        <Typography.Text code>{job.payload}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t.details.createdAt}>{time(job.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t.details.updatedAt}>{time(job.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label={t.details.finishedAt}>{time(job.finishedAt)}</Descriptions.Item>
      <Descriptions.Item label={t.details.lockedBy}>
        {job.lockedBy ? `${job.lockedBy}（${t.details.leaseUntil} ${time(job.leaseUntil)}）` : t.noError}
      </Descriptions.Item>
      <Descriptions.Item label={t.details.lastError} span={2}>
        <Typography.Paragraph
          data-testid="job-error"
          type={job.lastError ? 'danger' : 'secondary'}
          style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
        >
          {job.lastError ?? t.noError}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The jobs list: state, kind, organization, time, tries and last error; a failed job can be retried (asks first). */
export function JobsTable({
  jobs,
  loading,
  emptyText,
  retrying,
  onRetry,
}: {
  jobs: JobView[];
  loading?: boolean;
  emptyText: string;
  /** The id of the job being retried, whose button spins. */
  retrying?: string;
  onRetry: (job: JobView) => void;
}) {
  const columns: ColumnsType<JobView> = [
    {
      title: t.columns.state,
      dataIndex: 'state',
      width: 90,
      render: (state: JobState) => <JobStateTag state={state} />,
    },
    {
      title: t.columns.kind,
      dataIndex: 'kind',
      width: 220,
      render: (kind: string, job) => (
        <div style={{ minWidth: 0 }}>
          <div>{kindLabel(kind)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: job.id }}>
            {job.id}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t.columns.organization,
      dataIndex: 'organizationName',
      width: 150,
      ellipsis: true,
      render: (name: string | null, job) =>
        name ?? (job.organizationId === null ? t.wholeSystem : `#${job.organizationId}`),
    },
    {
      title: t.columns.runAt,
      dataIndex: 'runAt',
      width: 150,
      render: (at: string) => shanghaiTime(at),
    },
    {
      title: t.columns.attempts,
      key: 'attempts',
      width: 90,
      render: (_, job) => t.attempts(job.attempts, job.maxAttempts),
    },
    {
      title: t.columns.lastError,
      dataIndex: 'lastError',
      ellipsis: true,
      render: (error: string | null) =>
        error ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: error }}>
            {error}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t.noError}</Typography.Text>
        ),
    },
    {
      title: common.actions,
      key: 'actions',
      width: 80,
      render: (_, job) =>
        job.state === 'failed' ? (
          <Popconfirm
            title={t.retryConfirm}
            description={t.retryHint}
            okText={t.retry}
            cancelText={common.cancel}
            onConfirm={() => onRetry(job)}
          >
            <Button type="link" size="small" loading={retrying === job.id}>
              {t.retry}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Table<JobView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={jobs}
      pagination={jobs.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 980 }}
      expandable={{ expandedRowRender: (job) => <JobDetails job={job} /> }}
      locale={{ emptyText }}
    />
  );
}
