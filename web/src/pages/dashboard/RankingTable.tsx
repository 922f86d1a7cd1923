import type { RankingRow } from '@shared/dashboard.ts';
import { Progress, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { lightColors } from '../../components/LightTag.tsx';
import { dashboard as t } from '../../i18n/dashboard.ts';
import { boardPath, percent } from './chart-options.ts';

/** Departments and schools ranked by on-time reporting; each name opens the board filtered to it. */
export function RankingTable({ planId, rows }: { planId: number; rows: readonly RankingRow[] }) {
  return (
    <Table<RankingRow>
      size="small"
      rowKey="unitId"
      dataSource={[...rows]}
      pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t.emptyRanking }}
      scroll={{ x: 540 }}
      columns={[
        {
          title: t.column.rank,
          key: 'rank',
          width: 52,
          align: 'center',
          render: (_, __, index) => index + 1,
        },
        {
          title: t.column.unit,
          dataIndex: 'name',
          render: (name: string, row) => (
            <span>
              <Link to={boardPath(planId, { department: row.unitId })}>{name}</Link>
              {row.kind === 'school' ? (
                <Tag style={{ marginInlineStart: 6 }} bordered={false}>
                  {t.kind.school}
                </Tag>
              ) : null}
            </span>
          ),
        },
        {
          title: t.column.onTimeRate,
          dataIndex: 'onTimeRate',
          width: 200,
          render: (rate: number | null, row) => (
            <div>
              {rate === null ? (
                <Typography.Text type="secondary">{t.noReportDue}</Typography.Text>
              ) : (
                <Progress
                  percent={percent(rate)}
                  size="small"
                  strokeColor={
                    rate >= 0.8 ? lightColors.green : rate >= 0.5 ? lightColors.yellow : lightColors.red
                  }
                  style={{ margin: 0 }}
                />
              )}
              <Tooltip
                title={t.reportsCell(row.reportsDue, row.reportsOnTime, row.reportsLate, row.reportsMissing)}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t.reportsShort(row.reportsOnTime, row.reportsDue, row.reportsMissing)}
                </Typography.Text>
              </Tooltip>
            </div>
          ),
        },
        {
          title: t.column.progress,
          dataIndex: 'progress',
          width: 110,
          render: (progress: number) => <Progress percent={percent(progress)} size="small" />,
        },
        {
          title: t.column.lights,
          key: 'lights',
          width: 76,
          render: (_, row) => (
            <span>
              <Link
                to={boardPath(planId, { department: row.unitId, light: 'red' })}
                style={{ color: lightColors.red }}
              >
                {row.red}
              </Link>
              {' / '}
              <Link
                to={boardPath(planId, { department: row.unitId, light: 'yellow' })}
                style={{ color: lightColors.yellow }}
              >
                {row.yellow}
              </Link>
            </span>
          ),
        },
      ]}
    />
  );
}
