import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { type BulletinView, monthLabel } from '@shared/bulletins.ts';
import type { PlanChoice } from '@shared/dashboard.ts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { bulletins as t } from '../../i18n/bulletins.ts';
import { dashboardPlans } from '../dashboard/chart-options.ts';
import { BulletinStateTag } from './BulletinStateTag.tsx';
import { GenerateBulletinModal } from './GenerateBulletinModal.tsx';

/** /bulletins: a plan's bulletins by month (drafts only for supervisors), "生成通报" for supervisors. */
export default function BulletinsPage() {
  const me = useCurrentUser();
  const writes = can(me, 'bulletins.write');
  const [search, setSearch] = useSearchParams();
  const [generating, setGenerating] = useState(false);
  const plans = useQuery({
    queryKey: ['dashboard', 'plans'],
    queryFn: () => apiGet<{ plans: PlanChoice[] }>('/api/plans'),
  });
  const choices = useMemo(() => dashboardPlans(plans.data?.plans ?? []), [plans.data]);
  const planId = search.get('plan') ? Number(search.get('plan')) : choices[0]?.id;
  const list = useQuery({
    queryKey: ['bulletins', 'list', planId],
    queryFn: () => apiGet<{ bulletins: BulletinView[]; today: string }>('/api/bulletins', { planId }),
    enabled: planId !== undefined,
  });

  if (plans.isPending) {
    return (
      <PageContainer title={t.list.title}>
        <Skeleton active />
      </PageContainer>
    );
  }
  if (planId === undefined) {
    return (
      <PageContainer title={t.list.title}>
        <ApiErrorAlert error={plans.error} />
        <Card>
          <Result status="info" title={t.list.noPlan} subTitle={t.list.noPlanHint} />
        </Card>
      </PageContainer>
    );
  }

  const columns: ColumnsType<BulletinView> = [
    { title: t.list.month, dataIndex: 'month', width: 110, render: (month: string) => monthLabel(month) },
    {
      title: t.list.bulletinTitle,
      key: 'title',
      render: (_, b) => <Link to={`/bulletins/${b.id}`}>{b.title}</Link>,
    },
    { title: t.list.revision, dataIndex: 'revision', width: 80, render: (n: number) => t.list.revisionOf(n) },
    {
      title: t.list.state,
      dataIndex: 'state',
      width: 90,
      render: (_, b) => <BulletinStateTag state={b.state} />,
    },
    {
      title: t.list.updated,
      key: 'updated',
      width: 190,
      render: (_, b) => (
        <Typography.Text type="secondary">
          {b.updatedBy ?? ''} {shanghaiTime(b.updatedAt)}
        </Typography.Text>
      ),
    },
    {
      title: t.list.issued,
      key: 'issued',
      width: 190,
      render: (_, b) => (b.issuedAt ? `${b.issuedBy ?? ''} ${shanghaiTime(b.issuedAt)}` : ''),
    },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_, b) => (
        <Space size={0}>
          <Link to={`/bulletins/${b.id}`}>
            <Button type="link" size="small">
              {t.list.open}
            </Button>
          </Link>
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            href={`/api/bulletins/${b.id}/docx`}
            download
          >
            {t.list.download}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t.list.title}
      subtitle={t.list.subtitle}
      extra={
        <Space wrap>
          <Select
            style={{ minWidth: 260 }}
            aria-label={t.list.choosePlan}
            value={planId}
            options={choices.map((p) => ({ value: p.id, label: p.title }))}
            onChange={(value) => setSearch({ plan: String(value) })}
          />
          {writes ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
              {t.list.generate}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <ApiErrorAlert error={list.error} style={{ margin: 12 }} />
        <Table<BulletinView>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.bulletins ?? []}
          pagination={{ pageSize: 24, hideOnSinglePage: true }}
          locale={{ emptyText: writes ? t.list.empty : t.list.emptyReader }}
        />
      </Card>
      <GenerateBulletinModal
        open={generating}
        plans={choices.filter((p) => p.status === 'published')}
        planId={planId}
        today={list.data?.today}
        onClose={() => setGenerating(false)}
      />
    </PageContainer>
  );
}
