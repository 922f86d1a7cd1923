import type { PlanSummary } from '@shared/items.ts';
import type { CompareItemRef, PlanComparison } from '@shared/plan-compare.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Result, Row, Select, Skeleton, Space, Statistic, Tabs } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { api, apiGet } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { compare as t } from '../../i18n/compare.ts';
import { CarryOverPanel } from './CarryOverPanel.tsx';
import { ChangedTable, ItemsTable, ResponsibilityTable } from './MatchTables.tsx';

/** /compare?plan=&base=: next year's plan against this year's, and the carry-over of unfinished tasks. */
export default function ComparePage() {
  const me = useCurrentUser();
  const supervises = can(me, 'compare.carryOver');
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const plans = useQuery({
    queryKey: ['plans'],
    queryFn: () => apiGet<{ plans: PlanSummary[] }>('/api/plans'),
  });
  const all = plans.data?.plans ?? [];
  const planId = search.get('plan') ? Number(search.get('plan')) : all[0]?.id;
  const baseParam = search.get('base') ? Number(search.get('base')) : undefined;
  const comparison = useQuery({
    queryKey: ['compare', planId, baseParam ?? null],
    queryFn: () => apiGet<PlanComparison>(`/api/plans/${planId}/comparison`, { base: baseParam }),
    enabled: planId !== undefined && all.length > 1,
  });
  if (plans.isPending)
    return (
      <Frame>
        <Skeleton active />
      </Frame>
    );
  if (plans.isError)
    return (
      <Frame>
        <ApiErrorAlert error={plans.error} />
      </Frame>
    );
  const importer = can(me, 'plans.import');
  const importButton = importer ? <Button onClick={() => navigate('/import')}>{t.importNext}</Button> : null;
  if (all.length < 2 || planId === undefined) {
    return (
      <Frame extra={importButton}>
        <Card>
          <Result
            status="info"
            title={t.noPlans}
            subTitle={importer ? t.noPlansHint : t.noPlansHintOthers}
            extra={importButton}
          />
        </Card>
      </Frame>
    );
  }
  const choose = (key: 'plan' | 'base', id: number) => {
    const next = new URLSearchParams(search);
    next.set(key, String(id));
    if (key === 'plan') next.delete('base');
    setSearch(next);
  };
  const data = comparison.data;
  const options = (exclude?: number) =>
    all.filter((p) => p.id !== exclude).map((p) => ({ value: p.id, label: p.title }));
  return (
    <Frame subtitle={data ? t.subtitle(data.plan.title, data.base.title) : undefined} extra={importButton}>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t.planLabel}</span>
        <Select
          style={{ width: 300 }}
          value={planId}
          options={options()}
          onChange={(id) => choose('plan', id)}
          aria-label={t.planLabel}
        />
        <span>{t.baseLabel}</span>
        <Select
          style={{ width: 300 }}
          value={data?.base.id ?? baseParam}
          placeholder={t.choosePlan}
          options={options(planId)}
          onChange={(id) => choose('base', id)}
          aria-label={t.baseLabel}
        />
      </Space>
      {comparison.isError ? <ApiErrorAlert error={comparison.error} /> : null}
      {comparison.isPending ? <Skeleton active /> : null}
      {data ? <ComparisonView data={data} supervises={supervises} /> : null}
    </Frame>
  );
}

function Frame({
  subtitle,
  extra,
  children,
}: {
  subtitle?: string;
  extra?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <PageContainer title={t.title} subtitle={subtitle} extra={extra}>
      {children}
    </PageContainer>
  );
}

function ComparisonView({ data, supervises }: { data: PlanComparison; supervises: boolean }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const link = useMutation({
    mutationFn: () =>
      api('PUT', `/api/plans/${data.plan.id}/previous-plan`, { previousPlanId: data.base.id }),
    onSuccess: () => {
      void message.success(t.linkedDone);
      void client.invalidateQueries({ queryKey: ['compare'] });
    },
  });
  const changed = data.matches.filter((m) => m.status !== 'unchanged' || m.relation !== 'same');
  const unchanged = data.matches.filter((m) => m.status === 'unchanged' && m.relation === 'same');
  const planItems = itemsOfPlan(data);
  const counts = data.counts;
  const tiles: Array<[string, number]> = [
    [t.counts.unchanged, counts.unchanged],
    [t.counts.changed, counts.changed],
    [t.counts.possible, counts.possible],
    [t.counts.added, counts.added],
    [t.counts.dropped, counts.dropped],
    [`${t.counts.split}/${t.counts.merged}`, counts.split + counts.merged],
    [t.counts.responsibility, counts.responsibility],
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {data.linked ? (
        <Alert type="success" showIcon message={t.linked} />
      ) : (
        <Alert
          type="info"
          showIcon
          message={t.notLinked}
          action={
            supervises ? (
              <Button size="small" loading={link.isPending} onClick={() => link.mutate()}>
                {t.linkBase}
              </Button>
            ) : null
          }
        />
      )}
      {link.isError ? <ApiErrorAlert error={link.error} /> : null}
      <Card size="small">
        <Row gutter={16}>
          {tiles.map(([label, value]) => (
            <Col key={label} xs={12} sm={8} md={6} lg={3}>
              <Statistic title={label} value={value} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            {
              key: 'changed',
              label: `${t.tabs.changed}（${changed.length}）`,
              children: <ChangedTable matches={changed} />,
            },
            {
              key: 'added',
              label: `${t.tabs.added}（${data.added.length}）`,
              children: <ItemsTable items={data.added} empty={t.emptyAdded} />,
            },
            {
              key: 'dropped',
              label: `${t.tabs.dropped}（${data.dropped.length}）`,
              children: <ItemsTable items={data.dropped} empty={t.emptyDropped} />,
            },
            {
              key: 'responsibility',
              label: `${t.tabs.responsibility}（${counts.responsibility}）`,
              children: <ResponsibilityTable matches={data.matches} />,
            },
            {
              key: 'unchanged',
              label: `${t.tabs.unchanged}（${unchanged.length}）`,
              children: <ChangedTable matches={unchanged} />,
            },
            ...(supervises
              ? [
                  {
                    key: 'carry',
                    label: t.tabs.carry,
                    children: <CarryOverPanel plan={data.plan} base={data.base} items={planItems} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}

/** Every item of the compared plan: those paired and those new, in order. */
function itemsOfPlan(data: PlanComparison): CompareItemRef[] {
  const byId = new Map<number, CompareItemRef>();
  for (const m of data.matches) byId.set(m.after.id, m.after);
  for (const item of data.added) byId.set(item.id, item);
  return [...byId.values()].sort((x, y) => x.sectionNo - y.sectionNo || x.no - y.no);
}
