import type { CalendarYearView, ReportDueDate } from '@shared/calendar.ts';
import { Card, Table, Tag, Typography } from 'antd';
import { calendar as t } from '../../i18n/calendar.ts';

/** The year's report due dates under the organization's rule, the moved ones marked. */
export function DueDatesCard({ view }: { view: CalendarYearView }) {
  return (
    <Card title={t.dueTitle} size="small">
      <Typography.Paragraph type="secondary">
        {t.dueHelp(t.cycles[view.reporting.cycle] ?? view.reporting.cycle, view.reporting.dueDay)}
      </Typography.Paragraph>
      <Table<ReportDueDate>
        size="small"
        rowKey="period"
        pagination={false}
        dataSource={view.dueDates}
        scroll={{ y: 360 }}
        columns={[
          { title: t.period, dataIndex: 'label' },
          { title: t.nominalOn, dataIndex: 'nominalOn', width: 120 },
          {
            title: t.dueOn,
            dataIndex: 'dueOn',
            width: 170,
            render: (dueOn: string, row) => (
              <>
                {dueOn}
                {dueOn !== row.nominalOn ? (
                  <Tag color="orange" style={{ marginLeft: 8 }}>
                    {t.moved}
                  </Tag>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
