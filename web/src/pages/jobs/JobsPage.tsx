import { ReloadOutlined } from '@ant-design/icons';
import type { JobList, JobState, JobView } from '@shared/jobs.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Segmented } from 'antd';
import { useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { jobs as t } from '../../i18n/jobs.ts';
import { JobsTable } from './JobsTable.tsx';

type Filter = JobState | 'all';
const FILTERS: Filter[] = ['all', 'failed', 'queued', 'running', 'done'];

/** /jobs (administrators): the background jobs, failed ones first with their error, and retrying them. */
export default function JobsPage() {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [retrying, setRetrying] = useState<string>();
  const list = useQuery({
    queryKey: ['jobs', filter],
    queryFn: () => apiGet<JobList>('/api/jobs', filter === 'all' ? undefined : { state: filter }),
    // The runner works in the background; keep the page current while it is open.
    refetchInterval: 15_000,
  });

  const retry = async (job: JobView) => {
    setRetrying(job.id);
    try {
      await api('POST', `/api/jobs/${encodeURIComponent(job.id)}/retry`);
      message.success(t.retried);
      await client.invalidateQueries({ queryKey: ['jobs'] });
    } catch (caught) {
      message.error(errorMessage(caught));
    } finally {
      setRetrying(undefined);
    }
  };

  const counts = list.data?.counts;
  const label = (f: Filter) => {
    if (f === 'all') return t.all;
    const count = counts?.[f];
    return count === undefined ? t.states[f] : `${t.states[f]} ${count}`;
  };
  const emptyText =
    filter === 'all' ? t.empty : filter === 'failed' ? t.emptyFailed : t.emptyState(t.states[filter]);

  return (
    <PageContainer
      title={t.title}
      subtitle={t.subtitle}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => list.refetch()} loading={list.isFetching}>
          {t.refresh}
        </Button>
      }
    >
      <Card>
        {/* Scrolls sideways on a phone rather than pushing the page wider. */}
        <div style={{ overflowX: 'auto', marginBottom: 16 }}>
          <Segmented<Filter>
            aria-label={t.filterLabel}
            value={filter}
            onChange={setFilter}
            options={FILTERS.map((f) => ({ value: f, label: label(f) }))}
          />
        </div>
        <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />
        {list.data && list.data.jobs.length >= list.data.limit ? (
          <Alert type="info" showIcon message={t.limited(list.data.limit)} style={{ marginBottom: 12 }} />
        ) : null}
        <JobsTable
          jobs={list.data?.jobs ?? []}
          loading={list.isPending}
          emptyText={emptyText}
          retrying={retrying}
          onRetry={retry}
        />
      </Card>
    </PageContainer>
  );
}
