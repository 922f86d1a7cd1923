import { Card, Empty, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { balance as t } from '../../i18n/balance.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { useBalanceTrend } from './balance-api.ts';
import { trendChartOption, trendStages } from './chart-options.ts';

/** 差异系数趋势: each indicator's CV across the balance rounds, one stage at a time. */
export function TrendCard() {
  const trend = useBalanceTrend();
  const stages = trend.data ? trendStages(trend.data) : [];
  const [chosen, setChosen] = useState<'小学' | '初中'>();
  const stage = chosen && stages.includes(chosen) ? chosen : stages[0];
  const option = useMemo(
    () => (trend.data && stage ? trendChartOption(trend.data, stage) : undefined),
    [trend.data, stage],
  );
  return (
    <Card
      size="small"
      title={t.trend.title}
      loading={trend.isLoading}
      extra={
        stages.length > 1 ? (
          <Segmented
            size="small"
            value={stage}
            options={stages}
            onChange={(value) => setChosen(value as '小学' | '初中')}
          />
        ) : null
      }
    >
      <ApiErrorAlert error={trend.error} />
      {option && trend.data && trend.data.rounds.length > 0 ? (
        <>
          <BalanceChart option={option} height={320} label={`${stage}${t.trend.title}`} />
          <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t.trend.hint}</div>
        </>
      ) : trend.data ? (
        <Empty description={t.trend.empty} />
      ) : null}
    </Card>
  );
}
