import { ReloadOutlined } from '@ant-design/icons';
import type { DashboardResponse, PlanChoice } from '@shared/dashboard.ts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Grid, Result, Row, Select, Skeleton, Space } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { dashboard as t } from '../../i18n/dashboard.ts';
import { Chart } from './Chart.tsx';
import {
  type ChartClick,
  dashboardPlans,
  departmentChartHeight,
  departmentChartOption,
  departmentClickTarget,
  sectionChartOption,
  sectionClickTarget,
  trendChartOption,
  trendHasReports,
} from './chart-options.ts';
import { KpiCards } from './KpiCards.tsx';
import { OverdueTable } from './OverdueTable.tsx';
import { RankingTable } from './RankingTable.tsx';

/** The dashboard (统计看板): at /dashboard for the latest plan (?plan= picks another), or /plans/:planId/dashboard. */
export default function DashboardPage() {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const plans = useQuery({
    queryKey: ['dashboard', 'plans'],
    queryFn: () => apiGet<{ plans: PlanChoice[] }>('/api/plans'),
  });
  const choices = useMemo(() => dashboardPlans(plans.data?.plans ?? []), [plans.data]);
  const routePlan = params.planId ? Number(params.planId) : undefined;
  const searchPlan = search.get('plan') ? Number(search.get('plan')) : undefined;
  const planId = routePlan ?? searchPlan ?? choices[0]?.id;

  const board = useQuery({
    queryKey: ['dashboard', planId],
    queryFn: () => apiGet<DashboardResponse>(`/api/plans/${planId}/dashboard`),
    enabled: planId !== undefined && Number.isInteger(planId),
  });

  const choose = (id: number) => {
    if (routePlan !== undefined) navigate(`/plans/${id}/dashboard`);
    else setSearch({ plan: String(id) });
  };

  if (plans.isPending && routePlan === undefined) {
    return (
      <PageContainer title={t.title}>
        <Skeleton active />
      </PageContainer>
    );
  }
  if (plans.isError && routePlan === undefined) {
    return (
      <PageContainer title={t.title}>
        <ApiErrorAlert error={plans.error} />
      </PageContainer>
    );
  }
  if (planId === undefined || !Number.isInteger(planId)) return <NoPlan />;
  const plan = choices.find((p) => p.id === planId);
  return (
    <PageContainer
      title={t.title}
      subtitle={plan && board.data ? t.subtitle(plan.title, board.data.asOf) : plan?.title}
      extra={
        choices.length > 1 ? (
          <Select
            aria-label={t.choosePlan}
            value={planId}
            style={{ minWidth: 240 }}
            onChange={choose}
            options={choices.map((p) => ({ value: p.id, label: p.title }))}
          />
        ) : null
      }
    >
      {board.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : board.isError || !board.data ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <ApiErrorAlert error={board.error} />
          <Button icon={<ReloadOutlined />} onClick={() => board.refetch()}>
            {t.refresh}
          </Button>
        </Space>
      ) : (
        <PlanDashboard data={board.data} />
      )}
    </PageContainer>
  );
}

function NoPlan() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  return (
    <PageContainer title={t.title}>
      <Card>
        <Result
          status="info"
          title={t.noPlan}
          subTitle={t.noPlanHint}
          extra={
            can(me, 'plans.import') ? (
              <Button type="primary" onClick={() => navigate('/import')}>
                {t.goImport}
              </Button>
            ) : (
              <Button onClick={() => navigate('/plans')}>{t.goPlans}</Button>
            )
          }
        />
      </Card>
    </PageContainer>
  );
}

function PlanDashboard({ data }: { data: DashboardResponse }) {
  const navigate = useNavigate();
  // On a phone the card titles need the whole width; the hints are left out there.
  const wide = Grid.useBreakpoint().md ?? true;
  const hint = (text: string) => (wide ? <Hint text={text} /> : undefined);
  const planId = data.planId;
  const go = useCallback((path: string | undefined) => path && navigate(path), [navigate]);
  const onSection = useCallback(
    (click: ChartClick) => go(sectionClickTarget(planId, data.sections, click)),
    [data, go, planId],
  );
  const onDepartment = useCallback(
    (click: ChartClick) => go(departmentClickTarget(planId, data.departments, click)),
    [data, go, planId],
  );
  return (
    <>
      <KpiCards data={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.bySection} extra={hint(t.bySectionHint)}>
            {data.sections.length === 0 ? (
              <Empty description={t.emptySections} />
            ) : (
              <Chart
                label={t.bySection}
                option={sectionChartOption(data.sections)}
                height={Math.max(320, 48 + data.sections.length * 40)}
                onClick={onSection}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.byDepartment} extra={hint(t.byDepartmentHint)}>
            {data.departments.length === 0 ? (
              <Empty description={t.emptyDepartments} />
            ) : (
              <div style={{ maxHeight: 320, overflowY: 'auto' }}>
                <Chart
                  label={t.byDepartment}
                  option={departmentChartOption(data.departments)}
                  height={departmentChartHeight(data.departments.length)}
                  onClick={onDepartment}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.ranking} extra={hint(t.rankingHint)}>
            <RankingTable planId={planId} rows={data.ranking} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t.trend} extra={hint(t.trendHint)}>
            {trendHasReports(data.trend) ? (
              <Chart label={t.trend} option={trendChartOption(data.trend)} height={360} />
            ) : (
              <Empty description={t.emptyTrend} />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={<span id="dashboard-overdue">{t.overdue}</span>}
            extra={hint(t.overdueHint)}
          >
            <OverdueTable planId={planId} rows={data.overdue} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function Hint({ text }: { text: string }) {
  return <span style={{ fontSize: 12, color: '#8c8c8c' }}>{text}</span>;
}
