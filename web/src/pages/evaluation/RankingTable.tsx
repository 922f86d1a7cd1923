import type { UnitEvaluation } from '@shared/evaluations.ts';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { evaluation as t } from '../../i18n/evaluation.ts';

const fixed = (n: number) => n.toFixed(2);

/** One ranking (departments or schools) with each unit's calculation lines in an expandable row. */
export function RankingTable({ units, title }: { units: UnitEvaluation[]; title: string }) {
  const columns: ColumnsType<UnitEvaluation> = [
    {
      title: t.ranking.rank,
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (rank: number | null) => rank ?? '—',
    },
    { title: t.ranking.unit, dataIndex: 'unitName' },
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
      render: (_: unknown, u: UnitEvaluation) => (u.ranked ? fixed(u[key].points) : ''),
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
      width: 96,
      align: 'right',
      render: (total: number | null) =>
        total === null ? (
          <Tag>{t.ranking.noTasks}</Tag>
        ) : (
          <Typography.Text strong>{fixed(total)}</Typography.Text>
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
        rowExpandable: (u) => u.ranked,
        expandedRowRender: (u) => (
          <ol className="evaluation-lines" style={{ margin: 0, paddingLeft: 20 }}>
            {u.lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a calculation never reorder, and two equal entries may repeat
              <li key={index}>
                {line.kind === 'total' ? <Typography.Text strong>{line.text}</Typography.Text> : line.text}
              </li>
            ))}
          </ol>
        ),
      }}
    />
  );
}
