import type { IndicatorView, ItemDetail, TaskDetail } from '@shared/items.ts';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Empty, Result, Spin, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { errorMessage } from '../../components/ApiErrorAlert.tsx';
import { LightTag } from '../../components/LightTag.tsx';
import { ShareProgress } from '../../components/ShareProgress.tsx';
import { board } from '../../i18n/board.ts';
import { common } from '../../i18n/common.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { BalanceCard } from './BalanceCard.tsx';
import { ItemBody } from './ItemBody.tsx';
import './item.css';
import { Owners, TaskPanel } from './TaskPanel.tsx';

const t = board.item;

/** /plans/:planId/items/:itemId — one item: its text, light, tasks, reports, occurrences and trail. */
export default function ItemPage() {
  const params = useParams();
  const itemId = Number(params.itemId);
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['item', itemId],
    queryFn: () => apiGet<ItemDetail>(`/api/items/${itemId}`),
    enabled: Number.isInteger(itemId) && itemId > 0,
  });
  const indicators = useMemo(() => {
    const map = new Map<number, IndicatorView>();
    for (const task of query.data?.tasks ?? []) for (const i of task.indicators) map.set(i.id, i);
    return map;
  }, [query.data]);

  if (query.isPending) return <Spin style={{ margin: 48 }} tip={common.loading} />;
  if (query.isError) {
    return (
      <Result
        status="404"
        title={t.notFound}
        subTitle={errorMessage(query.error)}
        extra={<Button onClick={() => navigate(`/plans/${params.planId ?? ''}`)}>{common.back}</Button>}
      />
    );
  }
  const { plan, section, item, light, tasks } = query.data;
  const boardHref = `/plans/${plan.id}`;
  return (
    <div className="page">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/plans">{t.breadcrumbPlans}</Link> },
          { title: <Link to={boardHref}>{plan.title}</Link> },
          { title: `${item.no}. ${item.title}` },
        ]}
      />
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {item.no}. {item.title}
        </Typography.Title>
        <div className="item-summary">
          {light ? (
            <>
              <span>
                {t.light}：<LightTag light={light.light} />
              </span>
              <span>
                {t.progress}：<ShareProgress view={light} width={200} />
              </span>
              {query.data.asOf ? <span className="item-muted">{t.asOf(query.data.asOf)}</span> : null}
            </>
          ) : null}
        </div>
        {light ? (
          <Typography.Paragraph style={{ marginTop: 8 }} type={light.light === 'red' ? 'danger' : undefined}>
            {t.reason}：{light.reason}
          </Typography.Paragraph>
        ) : null}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'section', label: board.board.section, children: section.title },
            { key: 'leaders', label: t.leaders, children: item.leaders.join('、') || '—' },
            {
              key: 'departments',
              label: t.departments,
              children: (
                <span>
                  {item.departments.map((d, index) => (
                    <span key={d.id}>
                      {index > 0 ? '、' : ''}
                      {d.name}
                      {d.isLead ? (
                        <Tag
                          color="red"
                          bordered={false}
                          style={{ marginInline: 4, padding: '0 4px', fontSize: 11 }}
                        >
                          {board.board.lead}
                        </Tag>
                      ) : null}
                    </span>
                  ))}
                </span>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t.text}
        size="small"
        style={{ marginTop: 12 }}
        extra={<span className="item-muted">{t.indicatorHint}</span>}
      >
        <ItemBody body={item.body} spans={query.data.spans} indicators={indicators} />
      </Card>
      {query.data.balance ? <BalanceCard balance={query.data.balance} /> : null}
      <Card
        title={t.tasks}
        size="small"
        style={{ marginTop: 12 }}
        styles={{ body: { padding: tasks.length ? 0 : undefined } }}
      >
        {tasks.length === 0 ? (
          <Empty description={plan.status === 'draft' ? t.noTasksDraft : t.noTasks} />
        ) : (
          <Table<TaskDetail>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={tasks}
            columns={[
              {
                title: t.columns.title,
                dataIndex: 'title',
                render: (title: string, task) => (
                  <a href={`#task-${task.id}`}>
                    {task.parentTaskId !== null ? <Tag>{t.schoolCopy}</Tag> : null}
                    {title}
                  </a>
                ),
              },
              {
                title: t.columns.owners,
                key: 'owners',
                width: 200,
                render: (_, task) => <Owners task={task} />,
              },
              { title: t.columns.start, dataIndex: 'startOn', width: 100 },
              { title: t.columns.due, dataIndex: 'dueOn', width: 100 },
              {
                title: t.columns.status,
                dataIndex: 'status',
                width: 80,
                render: (status: string) => t.taskStatus[status] ?? status,
              },
              {
                title: t.columns.light,
                key: 'light',
                width: 320,
                render: (_, task) =>
                  task.light ? (
                    <span>
                      <LightTag light={task.light.light} />{' '}
                      <span className="item-muted">{task.light.reason}</span>
                    </span>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Card>
      {tasks.map((task) => (
        <TaskPanel key={task.id} task={task} asOf={query.data.asOf} />
      ))}
      <AuditTrail entries={query.data.audit} />
    </div>
  );
}
