import type { UnitEvaluation } from '@shared/evaluations.ts';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { evaluation as t } from '../../i18n/evaluation.ts';

const fixed = (n: number) => n.toFixed(2);
const lineText = (u: UnitEvaluation, kind: 'total' | 'rule') => u.lines.find((l) => l.kind === kind)?.text;

/**
 * One ranking (departments or schools) with each unit's calculation lines in an expandable row. A
 * tie is marked 并列; a measure left out reads 暂不考核 and a total scaled over the others is marked
 * 折算; a unit ranked after the others because it filed no standing report is marked 应报未报; a unit
 * without a rank says why (无考核数据 or 无考核任务), its reason on hover and in its lines.
 */
export function RankingTable({
  units,
  title,
  fullWeight,
}: {
  units: UnitEvaluation[];
  title: string;
  /** The sum of the rubric's three weights: a unit assessed on less had its total scaled. */
  fullWeight: number;
}) {
  const tied = (u: UnitEvaluation) => u.rank !== null && units.some((o) => o !== u && o.rank === u.rank);
  const columns: ColumnsType<UnitEvaluation> = [
    {
      title: t.ranking.rank,
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (rank: number | null, u) =>
        rank === null ? (
          '—'
        ) : tied(u) ? (
          <Tooltip title={t.ranking.tiedHint(rank)}>
            <span>
              {rank}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 11 }}>
                {t.ranking.tied}
              </Typography.Text>
            </span>
          </Tooltip>
        ) : (
          rank
        ),
    },
    {
      title: t.ranking.unit,
      dataIndex: 'unitName',
      render: (name: string, u) => (
        <Space size={4} wrap>
          {name}
          {u.silent ? (
            <Tooltip title={lineText(u, 'rule')}>
              <Tag color="orange" bordered={false}>
                {t.ranking.silent}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    ...(
      [
        ['completion', t.ranking.completion],
        ['timeliness', t.ranking.timeliness],
        ['quality', t.ranking.quality],
      ] as const
    ).map(([key, label]) => ({
      title: label,
      key,
      width: 96,
      align: 'right' as const,
      render: (_: unknown, u: UnitEvaluation) => {
        if (!u.ranked) return '';
        const points = u[key].points;
        return points === null ? (
          <Typography.Text type="secondary">{t.ranking.notAssessed}</Typography.Text>
        ) : (
          fixed(points)
        );
      },
    })),
    {
      title: t.ranking.bonus,
      dataIndex: 'bonus',
      width: 72,
      align: 'right',
      render: (n: number, u) => (u.ranked ? fixed(n) : ''),
    },
    {
      title: t.ranking.penalty,
      dataIndex: 'penalty',
      width: 72,
      align: 'right',
      render: (n: number, u) => (u.ranked ? fixed(n) : ''),
    },
    {
      title: t.ranking.total,
      dataIndex: 'total',
      width: 120,
      align: 'right',
      render: (total: number | null, u) =>
        total === null ? (
          <Tooltip title={lineText(u, 'total')}>
            <Tag>{u.unranked === 'noData' ? t.ranking.noData : t.ranking.noTasks}</Tag>
          </Tooltip>
        ) : (
          <Space size={4}>
            {u.assessedWeight !== null && u.assessedWeight < fullWeight ? (
              <Tooltip title={lineText(u, 'total')}>
                <Tag bordered={false} color="blue">
                  {t.ranking.scaled}
                </Tag>
              </Tooltip>
            ) : null}
            <Typography.Text strong>{fixed(total)}</Typography.Text>
          </Space>
        ),
    },
  ];
  return (
    <Table<UnitEvaluation>
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      size="small"
      rowKey="unitId"
      columns={columns}
      dataSource={units}
      pagination={false}
      locale={{ emptyText: t.ranking.empty }}
      expandable={{
        // A unit with no task has one line (无考核任务); every other unit shows how it was judged.
        rowExpandable: (u) => u.unranked !== 'noTasks',
        expandedRowRender: (u) => (
          <ol className="evaluation-lines" style={{ margin: 0, paddingLeft: 20 }}>
            {u.lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a calculation never reorder, and two equal entries may repeat
              <li key={index}>
                {line.kind === 'total' || line.kind === 'rule' ? (
                  <Typography.Text strong>{line.text}</Typography.Text>
                ) : (
                  line.text
                )}
              </li>
            ))}
          </ol>
        ),
      }}
    />
  );
}
