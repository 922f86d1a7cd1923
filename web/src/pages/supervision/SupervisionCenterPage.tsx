import type { PlanChoice } from '@shared/dashboard.ts';
import type { OverdueUnit, OverviewItem, OverviewTask, SupervisionOverview } from '@shared/supervision.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Result, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LightTag } from '../../components/LightTag.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { common } from '../../i18n/common.ts';
import { supervision as t } from '../../i18n/supervision.ts';
import { dashboardPlans } from '../dashboard/chart-options.ts';
import { IssueNoticeModal, type NoticeTarget } from './IssueNoticeModal.tsx';
import { UrgeButton } from './UrgeButton.tsx';

/** /supervision 督办中心: red and yellow items with reasons and owners (催办, 发督办单) and the units behind. */
export default function SupervisionCenterPage() {
  const me = useCurrentUser();
  const mayUrge = can(me, 'supervision.urge');
  const mayIssue = can(me, 'supervision.notice');
  const [search, setSearch] = useSearchParams();
  const client = useQueryClient();
  const [target, setTarget] = useState<NoticeTarget | null>(null);
  const plans = useQuery({
    queryKey: ['dashboard', 'plans'],
    queryFn: () => apiGet<{ plans: PlanChoice[] }>('/api/plans'),
  });
  const choices = useMemo(() => dashboardPlans(plans.data?.plans ?? []), [plans.data]);
  const planId = search.get('plan') ? Number(search.get('plan')) : choices[0]?.id;
  const overview = useQuery({
    queryKey: ['supervision', 'overview', planId],
    queryFn: () => apiGet<SupervisionOverview>('/api/supervision/overview', { planId: String(planId) }),
    enabled: planId !== undefined,
  });

  if (plans.isPending) {
    return (
      <PageContainer title={t.center.title}>
        <Skeleton active />
      </PageContainer>
    );
  }
  if (plans.isError) {
    return (
      <PageContainer title={t.center.title}>
        <ApiErrorAlert error={plans.error} />
      </PageContainer>
    );
  }
  if (planId === undefined) {
    return (
      <PageContainer title={t.center.title}>
        <Card>
          <Result status="info" title={t.center.noPlan} subTitle={t.center.noPlanHint} />
        </Card>
      </PageContainer>
    );
  }
  const data = overview.data;
  const issueOn = (item: OverviewItem, task?: OverviewTask): NoticeTarget | null =>
    data
      ? {
          ...(task ? { taskId: task.taskId } : { itemId: item.itemId }),
          label: task
            ? `${t.center.item}${item.no}：${task.title}`
            : `${t.center.item}${item.no}：${item.title}`,
          reason: task?.reason ?? item.reason,
          units: item.units,
          defaultUnitId: task?.leadUnitId ?? item.tasks[0]?.leadUnitId ?? undefined,
          replyDueOn: data.suggestedReplyDueOn,
        }
      : null;
  const refresh = () => client.invalidateQueries({ queryKey: ['supervision'] });

  const itemColumns: ColumnsType<OverviewItem> = [
    {
      title: t.center.item,
      key: 'item',
      render: (_, item) => (
        <Link to={`/plans/${planId}/items/${item.itemId}`}>
          {item.no}. {item.title}
        </Link>
      ),
    },
    {
      title: t.center.light,
      dataIndex: 'light',
      width: 72,
      render: (_, item) => <LightTag light={item.light} />,
    },
    {
      title: t.center.reason,
      dataIndex: 'reason',
      width: 260,
      render: (reason: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: reason }} style={{ margin: 0 }}>
          {reason}
        </Typography.Paragraph>
      ),
    },
    {
      title: t.center.leaders,
      dataIndex: 'leaders',
      width: 110,
      render: (names: string[]) => names.join('、'),
    },
    {
      title: t.center.units,
      dataIndex: 'units',
      width: 150,
      render: (units: OverviewItem['units']) => units.map((u) => u.name).join('、'),
    },
    {
      title: t.center.openNotices,
      dataIndex: 'openNotices',
      width: 100,
      align: 'center',
      render: (count: number) => (count > 0 ? <Link to="/supervision/notices">{count}</Link> : count),
    },
    ...(mayUrge || mayIssue
      ? [
          {
            title: common.actions,
            key: 'actions',
            width: 170,
            render: (_: unknown, item: OverviewItem) => (
              <Space size={4}>
                {mayUrge ? <UrgeButton path={`/api/items/${item.itemId}/urge`} /> : null}
                {mayIssue ? (
                  <Button size="small" type="primary" ghost onClick={() => setTarget(issueOn(item))}>
                    {t.center.issue}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const taskTable = (item: OverviewItem) => (
    <Table<OverviewTask>
      rowKey="taskId"
      size="small"
      pagination={false}
      dataSource={item.tasks}
      columns={[
        { title: t.center.task, dataIndex: 'title' },
        {
          title: t.center.light,
          dataIndex: 'light',
          width: 72,
          render: (_, task) => <LightTag light={task.light} />,
        },
        { title: t.center.reason, dataIndex: 'reason', width: 260 },
        { title: t.center.leadUnit, dataIndex: 'leadUnit', width: 120 },
        { title: t.center.dueOn, dataIndex: 'dueOn', width: 100 },
        ...(mayUrge || mayIssue
          ? [
              {
                title: common.actions,
                key: 'actions',
                width: 170,
                render: (_: unknown, task: OverviewTask) => (
                  <Space size={4}>
                    {mayUrge ? <UrgeButton path={`/api/tasks/${task.taskId}/urge`} /> : null}
                    {mayIssue ? (
                      <Button size="small" onClick={() => setTarget(issueOn(item, task))}>
                        {t.center.issue}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  const unitColumns: ColumnsType<OverdueUnit> = [
    { title: t.center.unit, dataIndex: 'name' },
    { title: t.center.redTasks, dataIndex: 'redTasks', width: 110, align: 'center' },
    { title: t.center.yellowTasks, dataIndex: 'yellowTasks', width: 110, align: 'center' },
    { title: t.center.overdueReports, dataIndex: 'overdueReports', width: 120, align: 'center' },
    { title: t.center.openNotices, dataIndex: 'openNotices', width: 120, align: 'center' },
  ];

  const plan = choices.find((p) => p.id === planId);
  return (
    <PageContainer
      title={t.center.title}
      subtitle={plan && data ? t.center.subtitle(plan.title, data.asOf) : plan?.title}
      extra={
        <Space>
          {choices.length > 1 ? (
            <Select
              aria-label={t.center.choosePlan}
              value={planId}
              style={{ minWidth: 240 }}
              onChange={(id: number) => setSearch({ plan: String(id) })}
              options={choices.map((p) => ({ value: p.id, label: p.title }))}
            />
          ) : null}
          <Link to="/supervision/notices">
            <Button>{t.center.viewNotices}</Button>
          </Link>
        </Space>
      }
    >
      <ApiErrorAlert error={overview.error} style={{ marginBottom: 12 }} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t.center.itemsTitle} styles={{ body: { padding: 0 } }}>
          <Table<OverviewItem>
            rowKey="itemId"
            size="middle"
            loading={overview.isPending}
            columns={itemColumns}
            dataSource={data?.items ?? []}
            pagination={false}
            expandable={{ expandedRowRender: taskTable, rowExpandable: (item) => item.tasks.length > 0 }}
            locale={{ emptyText: <Empty description={t.center.itemsEmpty} /> }}
          />
        </Card>
        <Card title={t.center.unitsTitle} styles={{ body: { padding: 0 } }}>
          <Table<OverdueUnit>
            rowKey="unitId"
            size="middle"
            loading={overview.isPending}
            columns={unitColumns}
            dataSource={data?.units ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t.center.unitsEmpty} /> }}
          />
        </Card>
      </Space>
      <IssueNoticeModal target={target} onClose={() => setTarget(null)} onIssued={refresh} />
    </PageContainer>
  );
}
