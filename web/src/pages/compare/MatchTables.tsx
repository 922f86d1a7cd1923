import type { CompareItemRef, ItemMatchView, ResponsibilityChange } from '@shared/plan-compare.ts';
import { Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { compare as t } from '../../i18n/compare.ts';
import { DiffText } from './DiffText.tsx';

const itemText = (item: CompareItemRef) => t.item(item.no, item.title);
const statusColor = { unchanged: 'default', changed: 'blue', possible: 'orange' } as const;

/** Changed, possible, split and merged pairs, each row expanding to its highlighted difference. */
export function ChangedTable({ matches }: { matches: ItemMatchView[] }) {
  const columns: ColumnsType<ItemMatchView> = [
    { title: t.before, key: 'before', render: (_, m) => itemText(m.before) },
    { title: t.after, key: 'after', render: (_, m) => itemText(m.after) },
    {
      title: t.relation,
      key: 'relation',
      width: 190,
      render: (_, m) => (
        <Space size={4} wrap>
          <Tag color={statusColor[m.status]}>{t.status[m.status]}</Tag>
          {m.relation === 'same' ? null : <Tag color="purple">{t.relationName[m.relation]}</Tag>}
        </Space>
      ),
    },
    {
      title: t.similarity,
      dataIndex: 'similarity',
      width: 90,
      render: (value: number) => `${Math.round(value * 100)}%`,
    },
  ];
  return (
    <Table<ItemMatchView>
      rowKey={(m) => `${m.before.id}-${m.after.id}`}
      size="middle"
      dataSource={matches}
      columns={columns}
      pagination={false}
      locale={{ emptyText: t.emptyChanged }}
      expandable={{
        expandedRowRender: (m) => <MatchDiff match={m} />,
        defaultExpandAllRows: matches.length <= 6,
      }}
    />
  );
}

/** A pair's title and text differences. */
export function MatchDiff({ match }: { match: ItemMatchView }) {
  return (
    <div style={{ padding: '4px 8px' }}>
      <Typography.Text type="secondary">{t.diffTitle}：</Typography.Text>
      <DiffText runs={match.titleDiff} />
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t.diffBody}：</Typography.Text>
        <DiffText runs={match.bodyDiff} />
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        {t.diffLegend}
      </Typography.Paragraph>
    </div>
  );
}

/** Items of one side without a counterpart (新增 or 取消). */
export function ItemsTable({ items, empty }: { items: CompareItemRef[]; empty: string }) {
  return (
    <Table<CompareItemRef>
      rowKey="id"
      size="middle"
      dataSource={items}
      pagination={false}
      locale={{ emptyText: empty }}
      columns={[
        { title: t.itemColumn, key: 'item', render: (_, item) => itemText(item) },
        {
          title: t.section,
          key: 'section',
          render: (_, item) => `${item.sectionNo}. ${item.sectionTitle}`,
        },
      ]}
    />
  );
}

/** Pairs whose leaders or departments changed, with who came and who went. */
export function ResponsibilityTable({ matches }: { matches: ItemMatchView[] }) {
  const rows = matches.filter(
    (m): m is ItemMatchView & { responsibility: ResponsibilityChange } => m.responsibility !== null,
  );
  return (
    <Table
      rowKey={(m) => `${m.before.id}-${m.after.id}`}
      size="middle"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t.emptyResponsibility }}
      columns={[
        { title: t.before, key: 'before', render: (_, m) => itemText(m.before) },
        { title: t.after, key: 'after', render: (_, m) => itemText(m.after) },
        {
          title: t.leaders,
          key: 'leaders',
          render: (_, m) => (
            <Moves added={m.responsibility.leadersAdded} removed={m.responsibility.leadersRemoved} />
          ),
        },
        {
          title: t.departments,
          key: 'departments',
          render: (_, m) => (
            <>
              <Moves
                added={m.responsibility.departmentsAdded}
                removed={m.responsibility.departmentsRemoved}
              />
              {m.responsibility.leadChanged ? (
                <div>
                  <Tag color="gold">
                    {t.leadMoved(m.responsibility.leadBefore, m.responsibility.leadAfter)}
                  </Tag>
                </div>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}

function Moves({ added, removed }: { added: string[]; removed: string[] }) {
  if (added.length === 0 && removed.length === 0) return null;
  return (
    <Space direction="vertical" size={2}>
      {added.length > 0 ? <Typography.Text type="success">{t.added(added)}</Typography.Text> : null}
      {removed.length > 0 ? <Typography.Text type="danger">{t.removed(removed)}</Typography.Text> : null}
    </Space>
  );
}
