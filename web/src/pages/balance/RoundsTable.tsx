import { ROW_STATUS_LABELS, type RoundView } from '@shared/balance.ts';
import { Progress, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { balance as t } from '../../i18n/balance.ts';

const r = t.rounds;

/** A round's status as a tag: 填报中 (blue) or 已锁定. */
export function RoundStatusTag({ status }: { status: RoundView['status'] }) {
  return <Tag color={status === 'open' ? 'processing' : 'default'}>{t.roundStatus[status]}</Tag>;
}

function RoundProgress({ round }: { round: RoundView }) {
  const { schools, draft, submitted, returned, accepted } = round.counts;
  const rows = draft + submitted + returned + accepted;
  // Counts are of rows and a 九年一贯制 school has two, so the share is of whichever is larger, and the
  // schools with no row at least those beyond the rows.
  const notStarted = Math.max(0, schools - rows);
  const expected = Math.max(schools, rows);
  return (
    <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 180 }}>
      <Progress
        percent={expected > 0 ? Math.round((accepted / expected) * 100) : 0}
        size="small"
        format={() => r.accepted(accepted, expected)}
      />
      <Space size={4} wrap>
        {submitted > 0 ? (
          <Tag color="processing">{r.count(ROW_STATUS_LABELS.submitted, submitted)}</Tag>
        ) : null}
        {returned > 0 ? <Tag color="error">{r.count(ROW_STATUS_LABELS.returned, returned)}</Tag> : null}
        {draft > 0 ? <Tag>{r.count(ROW_STATUS_LABELS.draft, draft)}</Tag> : null}
        {notStarted > 0 ? <Tag color="warning">{r.notStarted(notStarted)}</Tag> : null}
      </Space>
    </Space>
  );
}

function Summary({ round }: { round: RoundView }) {
  if (!round.balance) return null;
  if (!round.summary) return <Typography.Text type="secondary">{r.notLocked}</Typography.Text>;
  if (round.summary.pass) return <Tag color="success">{r.pass}</Tag>;
  const first = round.summary.blockers[0];
  // Without a blocker the CVs pass and some school misses its minimums.
  return first ? <Typography.Text type="danger">{first}</Typography.Text> : <Tag color="error">{r.fail}</Tag>;
}

/** The rounds, newest first as the API lists them, each linking to its page. */
export function RoundsTable({
  rounds,
  loading,
  empty,
}: {
  rounds: RoundView[];
  loading: boolean;
  empty: string;
}) {
  return (
    <Table<RoundView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rounds}
      pagination={rounds.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: empty }}
      scroll={{ x: 900 }}
      columns={[
        {
          title: r.name,
          dataIndex: 'name',
          render: (name: string, round) => <Link to={`/balance/rounds/${round.id}`}>{name}</Link>,
        },
        { title: r.form, dataIndex: 'formName' },
        {
          title: r.status,
          dataIndex: 'status',
          render: (_v, round) => <RoundStatusTag status={round.status} />,
        },
        { title: r.dueOn, dataIndex: 'dueOn', width: 120 },
        { title: r.progress, key: 'progress', render: (_v, round) => <RoundProgress round={round} /> },
        { title: r.summary, key: 'summary', render: (_v, round) => <Summary round={round} /> },
      ]}
    />
  );
}
