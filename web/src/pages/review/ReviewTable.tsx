import { PaperClipOutlined } from '@ant-design/icons';
import type { ReviewQueueEntry } from '@shared/work.ts';
import { Button, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Key } from 'react';
import { Link } from 'react-router';
import { formatSize } from '../../components/report-form/report-form-data.ts';
import { work as t } from '../../i18n/work.ts';
import { shanghaiTime } from '../workbench/workbench-api.ts';
import { entryKey } from './review-api.ts';

const r = t.review;
const statusColors: Record<string, string> = { on_track: 'success', at_risk: 'warning', delayed: 'error' };

/** What a reviewer reads before deciding: the narrative (or note) as plain text and the evidence. */
export function ReviewEntryDetail({ entry }: { entry: ReviewQueueEntry }) {
  return (
    <Descriptions column={1} size="small" style={{ maxWidth: 900 }}>
      {entry.kind === 'occurrence' ? (
        <Descriptions.Item label={r.indicator}>{entry.indicator}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label={entry.kind === 'report' ? r.narrative : r.note}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="review-text">
          {entry.kind === 'report' ? entry.narrative : entry.note}
        </Typography.Paragraph>
      </Descriptions.Item>
      {entry.kind === 'report' && entry.completions.length > 0 ? (
        <Descriptions.Item label={r.completions}>
          <Space direction="vertical" size={4} data-testid="review-completions">
            <Typography.Text type="secondary">{r.completionsHint}</Typography.Text>
            {entry.completions.map((c) => (
              <div key={c.id}>
                <Tag>{c.occurredOn}</Tag>
                <Typography.Text strong>{c.indicator}</Typography.Text>
                {c.value !== null ? <Tag color="blue">{r.completionValue(c.value)}</Tag> : null}
                {c.milestone ? <Tag color="blue">{t.completions.milestones[c.milestone]}</Tag> : null}
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>：{c.note}</Typography.Text>
                {c.evidence.map((file) => (
                  <a
                    key={file.id}
                    href={`/api/files/${file.id}`}
                    target="_blank"
                    rel="noreferrer"
                    style={{ marginInlineStart: 8 }}
                  >
                    <PaperClipOutlined /> {file.fileName}
                  </a>
                ))}
              </div>
            ))}
          </Space>
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={r.evidence}>
        {entry.evidence.length === 0 ? (
          <Typography.Text type="secondary">{r.noEvidence}</Typography.Text>
        ) : (
          <Space direction="vertical" size={2}>
            {entry.evidence.map((file) => (
              <a key={file.id} href={`/api/files/${file.id}`} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {file.fileName}（{formatSize(file.size)}）
              </a>
            ))}
          </Space>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The review queue as a table: expandable rows, selection for bulk decisions, 通过 / 退回 per row. */
export function ReviewTable({
  entries,
  selected,
  onSelect,
  busyKey,
  onAccept,
  onReturn,
}: {
  entries: ReviewQueueEntry[];
  selected: Key[];
  onSelect: (keys: Key[]) => void;
  busyKey?: string | null;
  onAccept: (entry: ReviewQueueEntry) => void;
  onReturn: (entry: ReviewQueueEntry) => void;
}) {
  const columns: ColumnsType<ReviewQueueEntry> = [
    {
      title: t.columns.item,
      key: 'item',
      width: 300,
      render: (_, e) => (
        <div>
          <Link to={`/plans/${e.planId}/items/${e.itemId}`}>{t.item(e.itemNo, e.itemTitle)}</Link>
          {e.taskTitle === e.itemTitle ? null : (
            <Typography.Paragraph
              type="secondary"
              style={{ margin: 0 }}
              ellipsis={{ rows: 2, tooltip: e.taskTitle }}
            >
              {e.taskTitle}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { title: t.columns.unit, dataIndex: 'unit', key: 'unit', width: 120 },
    {
      title: t.columns.period,
      key: 'period',
      width: 110,
      render: (_, e) =>
        e.kind === 'report' ? (
          <span>
            {e.period}
            {e.completions.length > 0 ? (
              <Tag color="green" style={{ display: 'block', width: 'fit-content', marginTop: 2 }}>
                {r.completionsCount(e.completions.length)}
              </Tag>
            ) : null}
            {e.revision > 1 ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {r.revision(e.revision)}
              </Typography.Text>
            ) : null}
          </span>
        ) : (
          <span>
            <Tag color="blue">{r.occurrence}</Tag>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {e.occurredOn}
            </Typography.Text>
          </span>
        ),
    },
    {
      title: t.columns.percent,
      key: 'percent',
      width: 90,
      align: 'right',
      render: (_, e) => (e.kind === 'report' ? `${e.percent}%` : '—'),
    },
    {
      title: t.columns.status,
      key: 'status',
      width: 100,
      render: (_, e) =>
        e.kind === 'report' ? <Tag color={statusColors[e.selfStatus]}>{t.status[e.selfStatus]}</Tag> : '—',
    },
    {
      title: t.columns.submittedAt,
      key: 'submittedAt',
      width: 170,
      render: (_, e) => (
        <span>
          {shanghaiTime(e.submittedAt)}
          {e.submittedBy ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {e.submittedBy}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t.columns.actions,
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, e) => (
        <Space>
          <Button size="small" type="primary" loading={busyKey === entryKey(e)} onClick={() => onAccept(e)}>
            {r.accept}
          </Button>
          <Button size="small" danger onClick={() => onReturn(e)}>
            {r.return}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<ReviewQueueEntry>
      rowKey={entryKey}
      columns={columns}
      dataSource={entries}
      pagination={entries.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 1040 }}
      size="middle"
      rowSelection={{ selectedRowKeys: selected, onChange: onSelect }}
      expandable={{
        expandedRowRender: (e) => <ReviewEntryDetail entry={e} />,
        expandRowByClick: false,
      }}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={r.empty} />,
      }}
    />
  );
}
