import type { IndicatorView, ReportView, TaskDetail } from '@shared/items.ts';
import { Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { can, useCurrentUser } from '../../api/session.ts';
import { shanghaiTime } from '../../components/format.ts';
import { LightTag } from '../../components/LightTag.tsx';
import { OccurrenceModal } from '../../components/report-form/OccurrenceModal.tsx';
import { ReportForm } from '../../components/report-form/ReportForm.tsx';
import { ReportingRuleButton } from '../../components/reporting-rule/ReportingRuleModal.tsx';
import { SelfPercent, ShareProgress } from '../../components/ShareProgress.tsx';
import { board } from '../../i18n/board.ts';
import { work } from '../../i18n/work.ts';
import { EvidenceList } from './EvidenceList.tsx';
import { periodLabel, progressText } from './format.ts';
import { ReportTimeline, ReviewLines, StateTag } from './ReportTimeline.tsx';

const t = board.item;

/** Owners of a task: the lead marked 牵头, then co-owners. */
export function Owners({ task }: { task: Pick<TaskDetail, 'lead' | 'coOwners'> }) {
  return (
    <span>
      {task.lead ? (
        <>
          {task.lead.name}
          <Tag color="red" bordered={false} style={{ marginInline: 4, padding: '0 4px', fontSize: 11 }}>
            {board.board.lead}
          </Tag>
        </>
      ) : null}
      {task.coOwners.map((u) => u.name).join('、')}
    </span>
  );
}

/** One task's work: indicator progress, report timeline, occurrences, extensions and completion requests. */
export function TaskPanel({ task, asOf }: { task: TaskDetail; asOf?: string | null }) {
  const occurrences = task.indicators.flatMap((i) => i.occurrences.map((o) => ({ ...o, indicator: i })));
  const planId = Number(useParams().planId);
  const me = useCurrentUser();
  const supervisor = can(me, 'reporting.edit') && planId > 0;
  const open = task.status !== 'done';
  const files = task.ownedByMe && open && can(me, 'reports.submit');
  const logs = task.ownedByMe && open && can(me, 'occurrences.log');
  const [reporting, setReporting] = useState(false);
  const [logging, setLogging] = useState<IndicatorView | null>(null);
  return (
    <Card
      size="small"
      id={`task-${task.id}`}
      className="item-task"
      title={
        <span>
          {task.parentTaskId !== null ? <Tag>{t.schoolCopy}</Tag> : null}
          {task.title}
        </span>
      }
      extra={
        <Space size={8} wrap>
          {files ? (
            <Button size="small" type="primary" onClick={() => setReporting(true)}>
              {t.fileReport}
            </Button>
          ) : null}
          {supervisor ? (
            <ReportingRuleButton
              size="small"
              target={{ kind: 'task', planId, taskId: task.id, title: task.title }}
            />
          ) : null}
          {task.light ? <LightTag light={task.light.light} /> : null}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'owners', label: t.columns.owners, children: <Owners task={task} /> },
          { key: 'dates', label: t.columns.due, children: `${task.startOn} ~ ${task.dueOn}` },
          { key: 'status', label: t.columns.status, children: t.taskStatus[task.status] ?? task.status },
          ...(task.light
            ? [
                {
                  key: 'progress',
                  label: t.progress,
                  children: <ShareProgress view={task.light} width={180} />,
                },
                {
                  key: 'self',
                  label: t.selfProgress,
                  children: <SelfPercent value={task.light.selfPercent} withLabel={false} />,
                },
              ]
            : []),
          ...(task.light ? [{ key: 'reason', label: t.reason, span: 3, children: task.light.reason }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t.indicators}
      </Typography.Title>
      {task.indicators.length === 0 ? (
        <Typography.Text type="secondary">{t.noIndicators}</Typography.Text>
      ) : (
        <Table<IndicatorView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={task.indicators}
          columns={[
            { title: t.indicatorColumns.text, dataIndex: 'text' },
            {
              title: t.indicatorColumns.kind,
              dataIndex: 'kind',
              width: 70,
              render: (kind: string) => t.kind[kind] ?? kind,
            },
            {
              title: t.indicatorColumns.progress,
              key: 'progress',
              width: 150,
              render: (_, i) =>
                i.progress ? (
                  <span>
                    <strong>{t.owedDone(i.progress.credited, i.progress.owed)}</strong>
                    <div className="item-muted">{t.yearWhole(progressText(i) ?? '')}</div>
                  </span>
                ) : (
                  '—'
                ),
            },
            {
              title: t.indicatorColumns.light,
              key: 'light',
              width: 300,
              render: (_, i) =>
                i.progress ? (
                  <span>
                    <LightTag light={i.progress.light} />{' '}
                    <span className="item-muted">{i.progress.reason}</span>
                  </span>
                ) : (
                  '—'
                ),
            },
            ...(logs
              ? [
                  {
                    title: '',
                    key: 'log',
                    width: 120,
                    render: (_: unknown, i: IndicatorView) => (
                      <Button
                        size="small"
                        onClick={() => setLogging(i)}
                        aria-label={`${t.logOccurrence}：${i.text}`}
                      >
                        {t.logOccurrence}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t.reports}
      </Typography.Title>
      <ReportTimeline reports={task.reports} />
      {task.indicators.length > 0 ? (
        <>
          <Typography.Title level={5}>{t.occurrences}</Typography.Title>
          {occurrences.length === 0 ? (
            <Typography.Text type="secondary">{t.noOccurrences}</Typography.Text>
          ) : (
            <List
              size="small"
              dataSource={occurrences}
              renderItem={(o) => (
                <List.Item key={o.id} style={{ display: 'block' }}>
                  <div className="item-report-head">
                    <strong>{t.occurrenceLine(o.occurredOn, o.unit?.name ?? '')}</strong>
                    <StateTag state={o.state} />
                    {o.value !== null ? <Tag color="blue">{t.occurrenceValue(o.value)}</Tag> : null}
                    {o.milestone ? <Tag color="blue">{work.completions.milestones[o.milestone]}</Tag> : null}
                    {o.reportId !== null ? (
                      <Tag>{t.withReport(reportPeriodOf(o.reportId, task.reports))}</Tag>
                    ) : (
                      <Tag>{t.onItsOwn}</Tag>
                    )}
                    <span className="item-muted">{o.indicator.name ?? o.indicator.text}</span>
                  </div>
                  <div className="item-narrative">{o.note}</div>
                  <div className="item-muted">
                    {t.submitted(o.createdBy ?? t.someone, shanghaiTime(o.createdAt))}
                  </div>
                  <ReviewLines reviews={o.reviews} />
                  <EvidenceList files={o.evidence} />
                </List.Item>
              )}
            />
          )}
        </>
      ) : null}
      {task.extensions.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.extensions}
          </Typography.Title>
          <List
            size="small"
            dataSource={task.extensions}
            renderItem={(x) => (
              <List.Item key={x.id} style={{ display: 'block' }}>
                <div className="item-report-head">
                  <strong>{t.extensionLine(x.oldDueOn, x.newDueOn)}</strong>
                  <Tag color={x.state === 'approved' ? 'green' : x.state === 'refused' ? 'red' : 'blue'}>
                    {t.extensionState[x.state]}
                  </Tag>
                </div>
                <div className="item-narrative">{x.reason}</div>
                <div className="item-muted">
                  {t.requested(x.requestedBy ?? t.someone, shanghaiTime(x.requestedAt))}
                </div>
                {x.decidedAt ? (
                  <div className="item-muted">
                    {t.review(
                      x.decidedBy ?? t.someone,
                      t.extensionState[x.state] ?? x.state,
                      shanghaiTime(x.decidedAt),
                    )}
                    {x.comment ? `：${x.comment}` : ''}
                  </div>
                ) : null}
              </List.Item>
            )}
          />
        </>
      ) : null}
      {task.completions.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t.completions}
          </Typography.Title>
          <List
            size="small"
            dataSource={task.completions}
            renderItem={(c) => (
              <List.Item key={c.id} style={{ display: 'block' }}>
                <div className="item-report-head">
                  <StateTag state={c.state} />
                  <span className="item-muted">
                    {t.requested(c.requestedBy ?? t.someone, shanghaiTime(c.requestedAt))}
                  </span>
                </div>
                <div className="item-narrative">{c.note}</div>
                <ReviewLines reviews={c.reviews} />
                <EvidenceList files={c.evidence} />
              </List.Item>
            )}
          />
        </>
      ) : null}
      {files ? (
        <ReportForm
          target={reporting ? { taskId: task.id, title: task.title } : null}
          defaultPeriod={asOf ? asOf.slice(0, 7) : undefined}
          latestPeriod={asOf ? asOf.slice(0, 7) : undefined}
          onClose={() => setReporting(false)}
        />
      ) : null}
      {logs ? (
        <OccurrenceModal taskId={task.id} indicator={logging} onClose={() => setLogging(null)} />
      ) : null}
    </Card>
  );
}

/** The period of the report an occurrence was filed with, e.g. '2024年4月'. */
function reportPeriodOf(reportId: number, reports: readonly ReportView[]): string {
  const period = reports.find((r) => r.id === reportId)?.period;
  return period ? periodLabel(period) : '';
}
