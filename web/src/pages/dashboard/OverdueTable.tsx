import type { OverdueEntry } from '@shared/dashboard.ts';
import { Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { lightColors } from '../../components/LightTag.tsx';
import { dashboard as t } from '../../i18n/dashboard.ts';
import { itemPath } from './chart-options.ts';

/** The overdue things of red tasks, worst first, each with the date its days count from; a row opens its item. */
export function OverdueTable({ planId, rows }: { planId: number; rows: readonly OverdueEntry[] }) {
  const navigate = useNavigate();
  return (
    <Table<OverdueEntry>
      size="small"
      rowKey={(row) => `${row.taskId}/${row.what}/${row.owners.join('、')}`}
      dataSource={[...rows]}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t.emptyOverdue }}
      scroll={{ x: 900 }}
      onRow={(row) => ({
        onClick: () => navigate(itemPath(planId, row.itemId)),
        style: { cursor: 'pointer' },
      })}
      columns={[
        {
          title: t.column.item,
          key: 'item',
          width: 220,
          render: (_, row) => (
            <Link to={itemPath(planId, row.itemId)} onClick={(event) => event.stopPropagation()}>
              {`${row.itemNo}. ${row.itemTitle}`}
            </Link>
          ),
        },
        { title: t.column.task, dataIndex: 'title', width: 200, ellipsis: true },
        { title: t.column.what, dataIndex: 'what', width: 160 },
        {
          title: t.column.owners,
          dataIndex: 'owners',
          width: 160,
          render: (owners: string[]) => owners.join('、'),
        },
        { title: t.column.dueOn, dataIndex: 'dueOn', width: 104 },
        {
          title: t.column.daysOverdue,
          dataIndex: 'daysOverdue',
          width: 90,
          render: (days: number) =>
            days > 0 ? (
              <span style={{ color: lightColors.red, fontWeight: 500 }}>{t.days(days)}</span>
            ) : (
              <Typography.Text type="secondary">{t.lagging}</Typography.Text>
            ),
        },
        {
          title: t.column.reason,
          dataIndex: 'reason',
          render: (reason: string) => (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: reason }} style={{ margin: 0 }}>
              {reason}
            </Typography.Paragraph>
          ),
        },
      ]}
    />
  );
}
