import type { DashboardResponse } from '@shared/dashboard.ts';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { LightTag, lightColors } from '../../components/LightTag.tsx';
import { ShareProgress } from '../../components/ShareProgress.tsx';
import { common } from '../../i18n/common.ts';
import { dashboard as t } from '../../i18n/dashboard.ts';
import { boardPath, overallOnTimeRate, percent, stackOrder } from './chart-options.ts';

const countsRow: React.CSSProperties = { display: 'flex', justifyContent: 'space-between', gap: 4 };
const countCell: React.CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  minWidth: 48,
  padding: '4px 2px',
  borderRadius: 4,
};
const countNumber: React.CSSProperties = { fontSize: 24, fontWeight: 600, lineHeight: 1.3 };
const countName: React.CSSProperties = { fontSize: 12, color: '#595959' };

/** The headline numbers: overall progress, items by light, overdue tasks and on-time reporting. */
export function KpiCards({ data }: { data: DashboardResponse }) {
  const rate = overallOnTimeRate(data.ranking);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} lg={5}>
        <Card size="small" title={t.kpi.progress} style={{ height: '100%' }}>
          <Space size="middle" align="center">
            <ShareProgress view={data.plan} weighted type="circle" />
            <Link to={boardPath(data.planId, { light: data.plan.light })}>
              <LightTag light={data.plan.light} />
            </Link>
          </Space>
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={9}>
        <Card size="small" title={t.kpi.items} style={{ height: '100%' }}>
          <div style={countsRow}>
            {stackOrder.map((light) => (
              <Link
                key={light}
                to={boardPath(data.planId, { light })}
                style={countCell}
                aria-label={t.kpi.lightCount(common.light[light] ?? light, data.itemCounts[light])}
              >
                <span style={{ ...countNumber, color: lightColors[light] }}>{data.itemCounts[light]}</span>
                <span style={countName}>{common.light[light]}</span>
              </Link>
            ))}
          </div>
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card size="small" title={t.kpi.overdue} style={{ height: '100%' }}>
          <a href="#dashboard-overdue" aria-label={t.kpi.overdueHint}>
            <Statistic
              value={data.overdueTasks}
              suffix={t.kpi.overdueUnit}
              valueStyle={{ color: data.overdueTasks > 0 ? lightColors.red : lightColors.green }}
            />
          </a>
          <Typography.Text type="secondary">{t.kpi.overdueThings(data.overdue.length)}</Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card size="small" title={t.column.onTimeRate} style={{ height: '100%' }}>
          {rate === null ? (
            <Typography.Text type="secondary">{t.noReportDue}</Typography.Text>
          ) : (
            <Statistic value={percent(rate)} suffix="%" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
