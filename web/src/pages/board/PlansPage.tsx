import type { PlanSummary } from '@shared/items.ts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Spin, Table, Tag } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { board } from '../../i18n/board.ts';
import { common } from '../../i18n/common.ts';
import { compare } from '../../i18n/compare.ts';

const t = board.plans;

/** Where a plan opens: a draft in the import wizard's review step, a published plan on its board. */
export function planHref(plan: Pick<PlanSummary, 'id' | 'status'>): string {
  return plan.status === 'draft' ? `/import/${plan.id}` : `/plans/${plan.id}`;
}

/** /plans: the plans the user can read; with exactly one published plan, straight to its board. */
export default function PlansPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['plans'],
    queryFn: () => apiGet<{ plans: PlanSummary[] }>('/api/plans'),
  });
  if (query.isPending) return <Spin style={{ margin: 48 }} tip={common.loading} />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const plans = query.data.plans;
  const published = plans.filter((p) => p.status !== 'draft');
  if (published.length === 1 && published[0]) return <Navigate to={`/plans/${published[0].id}`} replace />;
  const importer = can(me, 'plans.import');
  return (
    <PageContainer title={t.title} subtitle={t.subtitle}>
      {plans.length === 0 ? (
        <Card>
          <Empty
            description={
              <>
                <div style={{ fontSize: 16, marginBottom: 4 }}>{t.empty}</div>
                <div style={{ color: '#8c8c8c' }}>{importer ? t.emptyHint : t.emptyHintOthers}</div>
              </>
            }
          >
            {importer ? (
              <Button type="primary" onClick={() => navigate('/import')}>
                {t.importButton}
              </Button>
            ) : null}
          </Empty>
        </Card>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<PlanSummary>
            rowKey="id"
            dataSource={plans}
            pagination={false}
            onRow={(plan) => ({ onClick: () => navigate(planHref(plan)), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t.columns.title,
                dataIndex: 'title',
                render: (title: string, plan) => <Link to={planHref(plan)}>{title}</Link>,
              },
              { title: t.columns.year, dataIndex: 'year', width: 80 },
              { title: t.columns.docNumber, dataIndex: 'docNumber', width: 200, render: (v) => v ?? '—' },
              {
                title: t.columns.status,
                dataIndex: 'status',
                width: 90,
                render: (status: string) => (
                  <Tag color={status === 'draft' ? 'orange' : status === 'published' ? 'green' : 'default'}>
                    {t.status[status] ?? status}
                  </Tag>
                ),
              },
              { title: t.columns.publishedOn, dataIndex: 'publishedOn', width: 120, render: (v) => v ?? '—' },
              {
                title: t.columns.items,
                dataIndex: 'items',
                width: 80,
                render: (n: number) => t.itemsCount(n),
              },
              {
                title: common.actions,
                key: 'open',
                width: 190,
                render: (_, plan) => (
                  <>
                    <Link to={planHref(plan)}>{plan.status === 'draft' ? t.openDraft : t.open}</Link>
                    {plans.some((other) => other.year < plan.year) ? (
                      <Link
                        to={`/compare?plan=${plan.id}`}
                        style={{ marginInlineStart: 12 }}
                        // The row itself opens the plan; this link goes to the comparison instead.
                        onClick={(event) => event.stopPropagation()}
                      >
                        {compare.compareButton}
                      </Link>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}
    </PageContainer>
  );
}
