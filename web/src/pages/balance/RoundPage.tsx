import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Skeleton, Space, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { canAny, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { balance as t } from '../../i18n/balance.ts';
import { useBalanceRound } from './balance-api.ts';
import { dayOf } from './balance-values.ts';
import { EntriesTab } from './EntriesTab.tsx';
import { FillPanel } from './FillPanel.tsx';
import { MonitorTab } from './MonitorTab.tsx';
import { RoundStatusTag } from './RoundsTable.tsx';

/**
 * /balance/rounds/:id: a school fills its own rows here; the bureau sees every school's rows (填报情况:
 * review, import, lock) and, on the seven-indicator form, the monitor (监测结果, ?tab=monitor).
 */
export default function RoundPage() {
  const id = Number(useParams().id);
  const me = useCurrentUser();
  const detail = useBalanceRound(id);
  const [params, setParams] = useSearchParams();
  const reader = canAny(me, ['balance.read', 'balance.manage']);
  const data = detail.data;
  const round = data?.round;

  let body: React.ReactNode;
  if (!data || !round) body = detail.isLoading ? <Skeleton active /> : null;
  else if (!reader) body = <FillPanel key={rowsKey(data)} detail={data} unitName={me.unit?.name ?? ''} />;
  else {
    const monitor = round.balance && canAny(me, ['balance.read']);
    const tab = params.get('tab') === 'monitor' && monitor ? 'monitor' : 'entries';
    body = (
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'entries' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'entries', label: t.tabs.entries, children: <EntriesTab detail={data} /> },
          ...(monitor
            ? [{ key: 'monitor', label: t.tabs.monitor, children: <MonitorTab roundId={round.id} /> }]
            : []),
        ]}
      />
    );
  }

  return (
    <PageContainer
      title={
        <Space>
          <Link to="/balance" aria-label={t.round.back} title={t.round.back}>
            <ArrowLeftOutlined />
          </Link>
          {round?.name ?? (reader ? t.title : t.titleFill)}
          {round ? <RoundStatusTag status={round.status} /> : null}
        </Space>
      }
      subtitle={
        round ? (
          <>
            {t.round.subtitle(round.formName, round.dueOn, t.roundStatus[round.status] ?? round.status)}
            {round.lockedAt ? ` · ${t.round.lockedAt(dayOf(round.lockedAt))}` : null}
          </>
        ) : null
      }
    >
      <ApiErrorAlert error={detail.error} style={{ marginBottom: 12 }} />
      {round?.task ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          message={<Typography.Text>{t.round.task(round.task.itemNo, round.task.itemTitle)}</Typography.Text>}
        />
      ) : null}
      {body}
    </PageContainer>
  );
}

/** Remounts the fill form whenever the stored rows change (after a save the form starts from them). */
function rowsKey(detail: { rows: Array<{ id: number; version: number }> }): string {
  return detail.rows.map((row) => `${row.id}:${row.version}`).join(',');
}
