import type { NoticeStatus, NoticeView } from '@shared/supervision.ts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { supervision as t } from '../../i18n/supervision.ts';
import { NoticeDrawer } from './NoticeDrawer.tsx';
import { NoticeStatusTag } from './NoticeStatusTag.tsx';

const FILTERS = ['all', 'issued', 'replied', 'closed'] as const;

/** /supervision/notices: the notices the user may see (supervisors all, units their own), with a detail drawer. */
export default function NoticesPage() {
  const me = useCurrentUser();
  const supervises = can(me, 'supervision.notice');
  const [search, setSearch] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(search.get('status') ?? '')
    ? (search.get('status') as (typeof FILTERS)[number])
    : 'all';
  const openId = search.get('id') ? Number(search.get('id')) : undefined;
  const notices = useQuery({
    queryKey: ['supervision', 'notices', filter],
    queryFn: () =>
      apiGet<{ notices: NoticeView[] }>(
        '/api/supervision-notices',
        filter === 'all' ? undefined : { status: filter as NoticeStatus },
      ).then((r) => r.notices),
  });
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    setSearch(next);
  };

  const columns: ColumnsType<NoticeView> = [
    { title: t.notices.number, dataIndex: 'number', width: 150 },
    {
      title: t.notices.about,
      key: 'about',
      render: (_, notice) => (
        <div>
          <div>
            {notice.itemNo !== null ? `${notice.itemNo}. ` : ''}
            {notice.itemTitle}
          </div>
          {notice.taskTitle ? <Typography.Text type="secondary">{notice.taskTitle}</Typography.Text> : null}
        </div>
      ),
    },
    { title: t.notices.unit, dataIndex: 'unitName', width: 130 },
    { title: t.notices.replyDueOn, dataIndex: 'replyDueOn', width: 110 },
    {
      title: t.notices.status,
      key: 'status',
      width: 150,
      render: (_, notice) => <NoticeStatusTag notice={notice} />,
    },
    {
      title: t.notices.issuedAt,
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => shanghaiTime(at),
    },
    {
      title: '',
      key: 'open',
      width: 70,
      render: (_, notice) => (
        <Button type="link" size="small" onClick={() => setParam('id', String(notice.id))}>
          {t.notices.open}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t.notices.title}
      subtitle={t.notices.subtitle}
      extra={
        <Segmented
          value={filter}
          onChange={(value) => setParam('status', value === 'all' ? undefined : String(value))}
          options={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t.notices.all : t.status[f] }))}
        />
      }
    >
      <Card styles={{ body: { padding: 0 } }}>
        <ApiErrorAlert error={notices.error} style={{ margin: 12 }} />
        <Table<NoticeView>
          rowKey="id"
          size="middle"
          loading={notices.isPending}
          columns={columns}
          dataSource={notices.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(notice) => ({ onDoubleClick: () => setParam('id', String(notice.id)) })}
          locale={{ emptyText: supervises ? t.notices.empty : t.notices.emptyUnit }}
        />
      </Card>
      <NoticeDrawer noticeId={openId} onClose={() => setParam('id', undefined)} />
    </PageContainer>
  );
}
