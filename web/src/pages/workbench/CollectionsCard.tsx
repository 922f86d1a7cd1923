import type { WorkbenchCollection } from '@shared/work.ts';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { work as t } from '../../i18n/work.ts';

const c = t.collections;

function Status({ row }: { row: WorkbenchCollection }) {
  if (row.action === 'fill') {
    return (
      <Tag color={row.state === 'returned' ? 'red' : row.state === 'draft' ? 'gold' : 'blue'}>
        {c.state[row.state]}
      </Tag>
    );
  }
  return (
    <>
      {row.toReview > 0 ? <Tag color="orange">{c.toReview(row.toReview)}</Tag> : null}
      <Typography.Text type="secondary">
        {c.pending(row.notSubmitted, row.notFiled, row.schools)}
      </Typography.Text>
    </>
  );
}

/**
 * 数据填报 on the workbench: each open collection round that needs the user — a school's rows still
 * to submit (with the reason when returned), a supervisor's rows to review and schools yet to file —
 * with its due date and a button to the round. Nothing when there is none.
 */
export function CollectionsCard({ rows }: { rows: WorkbenchCollection[] }) {
  const navigate = useNavigate();
  if (rows.length === 0) return null;
  return (
    <Card title={c.title} style={{ marginBottom: 16 }} data-testid="workbench-collections">
      <List
        dataSource={rows}
        rowKey={(row) => `${row.action}-${row.roundId}`}
        renderItem={(row) => (
          <List.Item
            actions={[
              <Button
                key="open"
                type={row.action === 'fill' ? 'primary' : 'default'}
                onClick={() => navigate(row.link)}
              >
                {row.action === 'fill' ? c.fill : c.review}
              </Button>,
            ]}
          >
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{row.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {row.formName}
              </Typography.Text>
              <Space size={[12, 4]} wrap style={{ display: 'flex', marginTop: 4 }}>
                <Status row={row} />
                <Typography.Text type="secondary">{c.dueOn(row.dueOn)}</Typography.Text>
                <Typography.Text
                  type={row.daysLeft < 0 ? 'danger' : row.daysLeft <= 3 ? 'warning' : 'secondary'}
                >
                  {c.daysLeft(row.daysLeft)}
                </Typography.Text>
              </Space>
              {row.action === 'fill' && row.returnReason ? (
                <Typography.Paragraph type="danger" style={{ margin: '4px 0 0', fontSize: 13 }}>
                  {c.returnReason(row.returnReason)}
                </Typography.Paragraph>
              ) : null}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
