import { DownloadOutlined } from '@ant-design/icons';
import type { ExcludedSchool, SchoolResult, StageIndicatorResult, StageResult } from '@shared/balance.ts';
import { Alert, Button, Card, Empty, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { balance as t } from '../../i18n/balance.ts';
import { BalanceChart } from './BalanceChart.tsx';
import { balancePaths, useBalanceMonitor } from './balance-api.ts';
import { cvText, figure, indicatorOf, sharePercent, thresholdText } from './balance-values.ts';
import { cvBarOption } from './chart-options.ts';
import { WhatIfCard } from './WhatIfCard.tsx';

const m = t.monitor;

/** 达标 (green) or 未达标 (red). */
export function PassTag({ pass }: { pass: boolean }) {
  return <Tag color={pass ? 'success' : 'error'}>{pass ? m.met : m.notMet}</Tag>;
}

/** What a school misses: 骨干教师 0.8/1（80%）. */
export function missText(miss: SchoolResult['misses'][number]): string {
  return m.miss(
    indicatorOf(miss.key).short,
    // Three decimals: 4.497 short of 4.5 must not read as 4.5.
    figure(miss.value, 3),
    figure(miss.minimum),
    sharePercent(miss.share),
  );
}

function StageCard({ stage }: { stage: StageResult }) {
  const option = useMemo(() => cvBarOption(stage), [stage]);
  return (
    <Card
      size="small"
      title={m.stage(stage.stage, stage.schools, stage.pupils)}
      extra={<PassTag pass={stage.pass} />}
    >
      {stage.schools === 0 ? (
        <Empty description={m.noSchools} />
      ) : (
        <>
          <Table<StageIndicatorResult>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={stage.indicators}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: m.indicator, dataIndex: 'name' },
              {
                title: m.mean,
                dataIndex: 'mean',
                align: 'right',
                render: (mean: number, row) => `${figure(mean)} ${indicatorOf(row.key).unit}`,
              },
              {
                title: m.cv,
                dataIndex: 'cv',
                align: 'right',
                render: (cv: number | null, row) => (
                  <Typography.Text type={row.pass ? undefined : 'danger'} strong={!row.pass}>
                    {cvText(cv)}
                  </Typography.Text>
                ),
              },
              { title: m.threshold, dataIndex: 'threshold', align: 'right', render: thresholdText },
              { title: m.pass, dataIndex: 'pass', render: (pass: boolean) => <PassTag pass={pass} /> },
              {
                title: m.over,
                dataIndex: 'over',
                align: 'right',
                render: (over: number) =>
                  over > 0 ? <Typography.Text type="danger">{over.toFixed(2)}</Typography.Text> : '—',
              },
              {
                title: m.spread,
                key: 'spread',
                align: 'right',
                render: (_v, row) => `${figure(row.min)}—${figure(row.max)}`,
              },
              {
                title: m.belowMinimum,
                dataIndex: 'belowMinimum',
                render: (names: string[]) => (names.length > 0 ? names.join('、') : '—'),
              },
            ]}
          />
          <BalanceChart option={option} height={260} label={m.chart(stage.stage)} />
        </>
      )}
    </Card>
  );
}

function SchoolsCard({ schools }: { schools: SchoolResult[] }) {
  const [onlyFailing, setOnlyFailing] = useState(false);
  const shown = onlyFailing ? schools.filter((s) => !s.pass) : schools;
  return (
    <Card
      size="small"
      title={m.schools}
      extra={
        <Space>
          <Switch size="small" checked={onlyFailing} onChange={setOnlyFailing} aria-label={m.onlyFailing} />
          {m.onlyFailing}
        </Space>
      }
    >
      <Table<SchoolResult>
        rowKey={(s) => `${s.stage}:${s.name}`}
        size="small"
        dataSource={shown}
        pagination={shown.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: m.school, dataIndex: 'name', width: 160 },
          { title: m.schoolStage, dataIndex: 'stage', width: 70 },
          { title: m.pupils, dataIndex: 'pupils', align: 'right', width: 90 },
          { title: m.metCount, dataIndex: 'met', width: 90, render: (met: number) => `${met}/7` },
          {
            title: m.schoolPass,
            dataIndex: 'pass',
            width: 90,
            render: (pass: boolean) => <PassTag pass={pass} />,
          },
          {
            title: m.misses,
            dataIndex: 'misses',
            render: (misses: SchoolResult['misses']) =>
              misses.length === 0
                ? '—'
                : misses.map((miss) => (
                    <Tag key={miss.key} color={miss.share < 0.85 ? 'error' : 'warning'}>
                      {missText(miss)}
                    </Tag>
                  )),
          },
        ]}
      />
    </Card>
  );
}

/** 监测结果: the county's CVs per stage against the thresholds, each school's check, what-if. */
export function MonitorTab({ roundId }: { roundId: number }) {
  const monitor = useBalanceMonitor(roundId);
  if (monitor.isLoading) return <Skeleton active />;
  if (!monitor.data) return <ApiErrorAlert error={monitor.error} />;
  const { result, basis, rows } = monitor.data;
  if (rows === 0) return <Empty description={m.empty} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{m.rows(rows)}</Typography.Text>
        <Button icon={<DownloadOutlined />} href={balancePaths.export(roundId)} download>
          {m.export}
        </Button>
      </Space>
      {basis === 'filed' ? <Alert type="warning" showIcon message={m.filedBasis} /> : null}
      {result.pass ? (
        <Alert type="success" showIcon message={m.countyPass} />
      ) : (
        <Alert
          type="error"
          showIcon
          message={result.blockers.length > 0 ? m.blockers : m.countyFail}
          description={
            result.blockers.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.blockers.map((b) => (
                  <li key={`${b.stage}:${b.key}`}>{b.text}</li>
                ))}
              </ul>
            ) : (
              m.schoolsFailing(result.schools.filter((s) => !s.pass).length)
            )
          }
        />
      )}
      {result.stages.map((stage) => (
        <StageCard key={stage.stage} stage={stage} />
      ))}
      <SchoolsCard schools={result.schools} />
      {result.excluded.length > 0 ? (
        <Card size="small" title={m.excluded}>
          <Table<ExcludedSchool>
            rowKey={(s) => `${s.stage}:${s.name}`}
            size="small"
            pagination={false}
            dataSource={result.excluded}
            columns={[
              { title: m.school, dataIndex: 'name' },
              { title: m.schoolStage, dataIndex: 'stage', width: 70 },
              { title: m.pupils, dataIndex: 'pupils', align: 'right', width: 90 },
              { title: m.excludedReason, dataIndex: 'reason' },
            ]}
          />
        </Card>
      ) : null}
      <WhatIfCard roundId={roundId} result={result} />
    </Space>
  );
}
