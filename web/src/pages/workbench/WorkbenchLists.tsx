import { DownOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { ReturnedReport, WorkbenchCompletion, WorkbenchExtension, WorkbenchTask } from '@shared/work.ts';
import { Alert, Button, Dropdown, Empty, Grid, List, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatSize } from '../../components/report-form/report-form-data.ts';
import { work as t } from '../../i18n/work.ts';
import { TaskLine } from './TaskLine.tsx';
import { shanghaiTime } from './workbench-api.ts';

const w = t.workbench;

function Rows<T extends WorkbenchTask>({
  rows,
  empty,
  rowKey,
  render,
  actions,
}: {
  rows: T[];
  empty: string;
  rowKey: (row: T) => string | number;
  render: (row: T) => ReactNode;
  actions: (row: T) => ReactNode[];
}) {
  const narrow = !Grid.useBreakpoint().md;
  return (
    <List
      dataSource={rows}
      rowKey={rowKey}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      renderItem={(row) => (
        <List.Item actions={actions(row)} styles={narrow ? { actions: { marginInlineStart: 0 } } : undefined}>
          {render(row)}
        </List.Item>
      )}
    />
  );
}

/** 待签收: each task with 签收, and 全部签收 above. */
export function AcknowledgeList({
  rows,
  busy,
  onAcknowledge,
  onAcknowledgeAll,
}: {
  rows: WorkbenchTask[];
  busy: number | 'all' | null;
  onAcknowledge: (task: WorkbenchTask) => void;
  onAcknowledgeAll: () => void;
}) {
  return (
    <>
      {rows.length > 1 ? (
        <Popconfirm title={w.acknowledgeAllConfirm(rows.length)} onConfirm={onAcknowledgeAll}>
          <Button type="primary" loading={busy === 'all'} style={{ marginBottom: 8 }}>
            {w.acknowledgeAll}
          </Button>
        </Popconfirm>
      ) : null}
      <Rows
        rows={rows}
        empty={w.empty.acknowledge}
        rowKey={(r) => r.taskId}
        render={(r) => <TaskLine task={r} />}
        actions={(r) => [
          <Button key="ack" type="primary" ghost loading={busy === r.taskId} onClick={() => onAcknowledge(r)}>
            {w.acknowledge}
          </Button>,
        ]}
      />
    </>
  );
}

/** 本期待填报: 填报, and 申请延期 / 申请办结 under 更多. */
export function DueList({
  rows,
  onReport,
  onExtension,
  onCompletion,
}: {
  rows: WorkbenchTask[];
  onReport: (task: WorkbenchTask) => void;
  onExtension: (task: WorkbenchTask) => void;
  onCompletion: (task: WorkbenchTask) => void;
}) {
  return (
    <Rows
      rows={rows}
      empty={w.empty.due}
      rowKey={(r) => r.taskId}
      render={(r) => <TaskLine task={r} />}
      actions={(r) => [
        <Button key="report" type="primary" onClick={() => onReport(r)}>
          {w.report}
        </Button>,
        <Dropdown
          key="more"
          trigger={['click']}
          menu={{
            items: [
              { key: 'extension', label: w.requestExtension },
              { key: 'completion', label: w.requestCompletion },
            ],
            onClick: ({ key }) => (key === 'extension' ? onExtension(r) : onCompletion(r)),
          }}
        >
          <Button>
            {w.more} <DownOutlined />
          </Button>
        </Dropdown>,
      ]}
    />
  );
}

/** 被退回: the reviewer's comment and 重新填报. */
export function ReturnedList({
  rows,
  onRefile,
}: {
  rows: ReturnedReport[];
  onRefile: (report: ReturnedReport) => void;
}) {
  return (
    <Rows
      rows={rows}
      empty={w.empty.returned}
      rowKey={(r) => r.reportId}
      render={(r) => (
        <div style={{ minWidth: 0, flex: 1 }}>
          <TaskLine task={r} extra={<Tag color="orange">{r.period}</Tag>} />
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            message={
              <span>
                {w.returnedComment}：
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</Typography.Text>
              </span>
            }
            description={
              <Typography.Text type="secondary">
                {w.returnedBy(r.reviewer, shanghaiTime(r.returnedAt))}；{w.yourReport(r.period, r.percent)}
              </Typography.Text>
            }
          />
        </div>
      )}
      actions={(r) => [
        <Button key="refile" type="primary" onClick={() => onRefile(r)}>
          {w.refile}
        </Button>,
      ]}
    />
  );
}

function ExtensionDetail({ row }: { row: WorkbenchExtension }) {
  return (
    <div style={{ minWidth: 0, flex: 1 }}>
      <TaskLine task={row} />
      <Typography.Paragraph style={{ margin: '6px 0 0' }}>
        <Tag>{w.extension.dates(row.oldDueOn, row.newDueOn)}</Tag>
        <Typography.Text type="secondary">
          {w.extension.requestedBy(row.requestedBy, shanghaiTime(row.requestedAt))}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
        {w.extension.reason}：{row.reason}
      </Typography.Paragraph>
    </div>
  );
}

/** 延期审批: pending extension requests with 同意 / 不同意. */
export function ExtensionDecisionList({
  rows,
  onDecide,
}: {
  rows: WorkbenchExtension[];
  onDecide: (row: WorkbenchExtension, decision: 'approve' | 'refuse') => void;
}) {
  return (
    <Rows
      rows={rows}
      empty={w.empty.extensions}
      rowKey={(r) => r.extensionId}
      render={(r) => <ExtensionDetail row={r} />}
      actions={(r) => [
        <Button key="approve" type="primary" onClick={() => onDecide(r, 'approve')}>
          {w.extension.approve}
        </Button>,
        <Button key="refuse" danger onClick={() => onDecide(r, 'refuse')}>
          {w.extension.refuse}
        </Button>,
      ]}
    />
  );
}

/** 我的延期申请: the unit's requests, pending or decided in the last 30 days. */
export function ExtensionOutcomeList({ rows }: { rows: WorkbenchExtension[] }) {
  const colors: Record<string, string> = { pending: 'processing', approved: 'success', refused: 'error' };
  return (
    <Rows
      rows={rows}
      empty={w.empty.outcomes}
      rowKey={(r) => r.extensionId}
      render={(r) => (
        <div style={{ minWidth: 0, flex: 1 }}>
          <ExtensionDetail row={r} />
          {r.comment ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
              {w.extension.comment}：{r.comment}
            </Typography.Paragraph>
          ) : null}
        </div>
      )}
      actions={(r) => [
        <Tag key="state" color={colors[r.state]}>
          {w.extension.state[r.state]}
        </Tag>,
      ]}
    />
  );
}

/** 办结审批: completion requests with their note and evidence, 同意办结 / 退回. */
export function CompletionDecisionList({
  rows,
  onDecide,
}: {
  rows: WorkbenchCompletion[];
  onDecide: (row: WorkbenchCompletion, decision: 'accept' | 'return') => void;
}) {
  return (
    <Rows
      rows={rows}
      empty={w.empty.completions}
      rowKey={(r) => r.requestId}
      render={(r) => (
        <div style={{ minWidth: 0, flex: 1 }}>
          <TaskLine task={r} />
          <Typography.Paragraph style={{ margin: '6px 0 0', whiteSpace: 'pre-wrap' }}>
            {w.completion.note}：{r.note}
          </Typography.Paragraph>
          <Space size={[12, 4]} wrap>
            <Typography.Text type="secondary">
              {w.extension.requestedBy(r.requestedBy, shanghaiTime(r.requestedAt))}
            </Typography.Text>
            {r.evidence.map((file) => (
              <a key={file.id} href={`/api/files/${file.id}`} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {file.fileName}（{formatSize(file.size)}）
              </a>
            ))}
          </Space>
        </div>
      )}
      actions={(r) => [
        <Button key="accept" type="primary" onClick={() => onDecide(r, 'accept')}>
          {w.completion.accept}
        </Button>,
        <Button key="return" danger onClick={() => onDecide(r, 'return')}>
          {w.completion.return}
        </Button>,
      ]}
    />
  );
}
