import type { InspectionRow } from '@shared/findings.ts';
import { Alert, DatePicker, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { findings as t } from '../../i18n/findings.ts';
import { useInspections } from './findings-api.ts';
import { InspectionForm } from './InspectionForm.tsx';

const i = t.inspection;

/** 月度检查: a unit files its month; supervisors see which units filed. */
export function InspectionTab() {
  const me = useCurrentUser();
  // Unset until chosen: the server answers with its own current month (its clock is the truth).
  const [period, setPeriod] = useState<string | undefined>();
  const list = useInspections(period);
  const shown = period ?? list.data?.period;
  const overview = can(me, 'inspections.overview');
  const files = can(me, 'inspections.file');
  const rows = list.data?.rows ?? [];
  const filed = rows.filter((r) => r.filings.length > 0).length;

  const picker = (
    <Space>
      <Typography.Text>{i.period}</Typography.Text>
      <DatePicker
        picker="month"
        allowClear={false}
        value={shown ? dayjs(`${shown}-01`) : undefined}
        onChange={(value) => value && setPeriod(value.format('YYYY-MM'))}
        aria-label={i.period}
      />
      {overview && list.data ? (
        <Typography.Text type="secondary">{i.filedCount(filed, rows.length)}</Typography.Text>
      ) : null}
    </Space>
  );

  if (!overview && !files) return <Alert type="info" showIcon message={i.noAccess} />;
  return (
    <div>
      <div style={{ marginBottom: 12 }}>{picker}</div>
      <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />
      {files && shown ? <InspectionForm period={shown} list={list.data} /> : null}
      {overview ? (
        <Table<InspectionRow>
          rowKey={(r) => r.unit.id}
          size="middle"
          loading={list.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 30, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={i.noUnits} /> }}
          columns={[
            { title: i.unit, key: 'unit', render: (_, r) => r.unit.name },
            {
              title: i.state,
              key: 'state',
              width: 110,
              render: (_, r) =>
                r.filings.length > 0 ? (
                  <Tag color="success">{i.filedTag}</Tag>
                ) : (
                  <Tag color="warning">{i.missingTag}</Tag>
                ),
            },
            {
              title: i.findingCount,
              key: 'count',
              width: 120,
              render: (_, r) =>
                r.filings.length > 0
                  ? i.countText(r.filings.reduce((sum, f) => sum + f.findingCount, 0))
                  : '—',
            },
            {
              title: i.filedAt,
              key: 'at',
              width: 170,
              render: (_, r) => (r.filings[0] ? shanghaiTime(r.filings[0].filedAt) : '—'),
            },
            { title: i.filedBy, key: 'by', width: 120, render: (_, r) => r.filings[0]?.filedBy ?? '—' },
          ]}
        />
      ) : null}
    </div>
  );
}
