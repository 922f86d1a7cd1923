import type { ItemBalanceView } from '@shared/items.ts';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { canAny, useCurrentUser } from '../../api/session.ts';
import { board } from '../../i18n/board.ts';

const t = board.item.balance;

/** An ISO moment as its day in Asia/Shanghai (YYYY-MM-DD). */
function shanghaiDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(date);
}

function PassTag({ pass }: { pass: boolean }) {
  return <Tag color={pass ? 'success' : 'error'}>{pass ? t.met : t.notMet}</Tag>;
}

/**
 * 均衡监测 on the item page: the latest collection round serving one of the item's tasks — its
 * status and date, each stage's CVs within the threshold, the blockers and the schools failing — with
 * a link to the monitor for those who may open it.
 */
export function BalanceCard({ balance }: { balance: ItemBalanceView }) {
  const me = useCurrentUser();
  const { round, counts, result, newer } = balance;
  const mayOpen = canAny(me, ['balance.read', 'balance.manage']);
  return (
    <Card
      title={t.title}
      size="small"
      style={{ marginTop: 12 }}
      extra={mayOpen ? <Link to={`/balance/rounds/${round.id}`}>{t.open}</Link> : null}
    >
      <Space wrap size={[12, 4]} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{round.name}</Typography.Text>
        <Tag color={round.status === 'locked' ? 'blue' : 'gold'}>
          {t.status[round.status] ?? round.status}
        </Tag>
        <span className="item-muted">
          {round.lockedAt ? t.lockedOn(shanghaiDay(round.lockedAt)) : t.dueOn(round.dueOn)}
        </span>
      </Space>
      {round.status === 'open' ? (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t.progress(counts.accepted, counts.schools, counts.submitted, counts.returned)}
        </Typography.Paragraph>
      ) : null}
      {result === null ? (
        <Typography.Paragraph type="secondary">{t.noRows}</Typography.Paragraph>
      ) : (
        <>
          {balance.basis === 'filed' ? (
            <Alert type="info" showIcon message={t.filed} style={{ marginBottom: 8 }} />
          ) : null}
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <Tag color={result.pass ? 'success' : 'error'}>
              {result.pass ? t.verdict.pass : t.verdict.fail}
            </Tag>
          </Typography.Paragraph>
          <ul className="item-balance-list">
            {result.stages.map((stage) => (
              <li key={stage.stage}>
                {t.stage(stage.stage, stage.schools, stage.within, stage.threshold)}{' '}
                <PassTag pass={stage.pass} />
              </li>
            ))}
            <li>{t.failingSchools(result.failingSchools, result.schools)}</li>
          </ul>
          {result.blockers.length > 0 ? (
            <Typography.Paragraph type="danger" style={{ marginBottom: 0 }}>
              {t.blockers}：{result.blockers.map((b) => b.text).join('；')}
            </Typography.Paragraph>
          ) : null}
        </>
      )}
      {newer ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t.newer(newer.name, newer.counts.accepted, newer.counts.schools)}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
