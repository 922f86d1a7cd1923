import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { canAny, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { balance as t } from '../../i18n/balance.ts';
import { useBalanceRounds } from './balance-api.ts';
import { FormsTab } from './FormsTab.tsx';
import { NewRoundModal } from './NewRoundModal.tsx';
import { RoundsTable } from './RoundsTable.tsx';
import { TrendCard } from './TrendCard.tsx';

/**
 * /balance: the collection rounds. The bureau (balance.read/manage) sees every round with its
 * progress and headline, the trend and the forms (?tab=forms); a school (balance.fill) the rounds it fills.
 */
export default function BalancePage() {
  const me = useCurrentUser();
  const manage = canAny(me, ['balance.manage']);
  const reader = canAny(me, ['balance.read', 'balance.manage']);
  const rounds = useBalanceRounds();
  const [params, setParams] = useSearchParams();
  const [opening, setOpening] = useState(false);
  const tab = params.get('tab') === 'forms' && reader ? 'forms' : 'rounds';

  const list = (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ApiErrorAlert error={rounds.error} />
      <RoundsTable
        rounds={rounds.data ?? []}
        loading={rounds.isLoading}
        empty={manage ? t.rounds.emptyManager : reader ? t.rounds.empty : t.rounds.emptySchool}
      />
      {canAny(me, ['balance.read']) ? <TrendCard /> : null}
    </Space>
  );

  return (
    <PageContainer
      title={reader ? t.title : t.titleFill}
      subtitle={reader ? t.subtitle : t.subtitleFill}
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t.rounds.open}
          </Button>
        ) : null
      }
    >
      {reader ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'rounds' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'rounds', label: t.tabs.rounds, children: list },
            { key: 'forms', label: t.tabs.forms, children: <FormsTab manage={manage} /> },
          ]}
        />
      ) : (
        list
      )}
      {opening ? <NewRoundModal onClose={() => setOpening(false)} /> : null}
    </PageContainer>
  );
}
