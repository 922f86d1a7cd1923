import type { RankingRow } from '@shared/dashboard.ts';
import { Progress, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { lightColors } from '../../components/LightTag.tsx';
import { dashboard as t } from '../../i18n/dashboard.ts';
import { boardPath, percent } from './chart-options.ts';

type Kind = RankingRow['kind'];

/**
 * Departments and schools, each ranked apart by on-time reporting then progress with the server's
 * shared ranks (a tie is marked 并列, never numbered by name), the rule in words under the table; a
 * switch picks the kind when both are there. Each name opens the board filtered to it.
 */
export function RankingTable({ planId, rows }: { planId: number; rows: readonly RankingRow[] }) {
  const kinds = (['department', 'school'] as const).filter((kind) => rows.some((r) => r.kind === kind));
  const [picked, setPicked] = useState<Kind>('department');
  const kind = kinds.includes(picked) ? picked : (kinds[0] ?? 'department');
  const shown = rows.filter((r) => r.kind === kind);
  const tied = (row: RankingRow) => shown.some((r) => r !== row && r.rank === row.rank);
  const table = (
    <Table<RankingRow>
      size="small"
      rowKey="unitId"
      dataSource={shown}
      pagination={shown.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t.emptyRanking }}
      scroll={{ x: 540 }}
      columns={[
        {
          title: t.column.rank,
          dataIndex: 'rank',
          width: 56,
          align: 'center',
          render: (rank: number, row) =>
            tied(row) ? (
              <Tooltip title={t.tiedHint(rank)}>
                <span data-rank={rank}>
                  {rank}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11 }}>
                    {t.tied}
                  </Typography.Text>
                </span>
              </Tooltip>
            ) : (
              <span data-rank={rank}>{rank}</span>
            ),
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
          render: (progress: number | null) =>
            progress === null ? (
              <Typography.Text type="secondary">{t.noProgressDue}</Typography.Text>
            ) : (
              <Progress percent={percent(progress)} size="small" />
            ),
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
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {kinds.length > 1 ? (
        <Segmented<Kind>
          aria-label={t.rankingKindLabel}
          size="small"
          value={kind}
          onChange={setPicked}
          options={kinds.map((k) => ({
            value: k,
            label: t.rankingKinds(k, rows.filter((r) => r.kind === k).length),
          }))}
        />
      ) : null}
      {table}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.rankingRule}
      </Typography.Text>
    </Space>
  );
}
