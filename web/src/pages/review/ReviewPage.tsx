import { type BulkReviewOutcome, type ReviewQueueEntry, reviewDecisionSchema } from '@shared/work.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Empty, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { type Key, useState } from 'react';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { work as t } from '../../i18n/work.ts';
import { DecisionModal, type DecisionRequest } from '../workbench/DecisionModal.tsx';
import { refreshWork } from '../workbench/workbench-api.ts';
import { ReviewTable } from './ReviewTable.tsx';
import { entryKey, reviewMany, reviewOne, useReviewQueue } from './review-api.ts';

const r = t.review;

const returnReasonProblem = (comment: string) => {
  const result = reviewDecisionSchema.safeParse({ decision: 'return', comment });
  return result.success ? undefined : result.error.issues[0]?.message;
};

/** 待审核: the reports and occurrences waiting for the user's review, one at a time or in bulk. */
export default function ReviewPage() {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const queue = useReviewQueue();
  const [selected, setSelected] = useState<Key[]>([]);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [decision, setDecision] = useState<DecisionRequest | null>(null);
  const [failures, setFailures] = useState<
    Array<{ entry: ReviewQueueEntry | undefined; outcome: BulkReviewOutcome }>
  >([]);
  const entries = queue.data ?? [];
  const chosen = entries.filter((e) => selected.includes(entryKey(e)));
  const refresh = () => refreshWork(client);

  const accept = async (entry: ReviewQueueEntry) => {
    setBusyKey(entryKey(entry));
    try {
      await reviewOne(entry, 'accept');
      message.success(r.accepted);
      setSelected((keys) => keys.filter((k) => k !== entryKey(entry)));
      refresh();
    } catch (error) {
      message.error(errorMessage(error), 6);
      refresh();
    } finally {
      setBusyKey(null);
    }
  };

  const bulk = async (decisionCode: 'accept' | 'return', comment?: string) => {
    setBulkBusy(true);
    try {
      const results = await reviewMany(chosen, decisionCode, comment);
      const failed = results.filter((o) => !o.ok);
      setFailures(
        failed.map((outcome) => ({
          outcome,
          entry: entries.find((e) => e.kind === outcome.kind && e.id === outcome.id),
        })),
      );
      const ok = results.length - failed.length;
      if (failed.length === 0) message.success(r.bulkDone(ok, 0));
      else message.warning(r.bulkDone(ok, failed.length), 6);
      setSelected([]);
      refresh();
    } finally {
      setBulkBusy(false);
    }
  };

  const askReturn = (entry: ReviewQueueEntry) =>
    setDecision({
      title: `${r.returnTitle}：${entry.taskTitle}`,
      commentRequired: true,
      validate: returnReasonProblem,
      send: (comment) => reviewOne(entry, 'return', comment),
      onDone: () => {
        message.success(r.returned);
        setSelected((keys) => keys.filter((k) => k !== entryKey(entry)));
        refresh();
      },
    });

  const askBulkReturn = () =>
    setDecision({
      title: r.returnTitleBulk(chosen.length),
      commentRequired: true,
      validate: returnReasonProblem,
      send: (comment) => bulk('return', comment),
      onDone: () => {},
    });

  let content: React.ReactNode;
  if (queue.isPending) content = <Skeleton active />;
  else if (queue.isError) content = <ApiErrorAlert error={queue.error} />;
  else if (entries.length === 0)
    content = (
      <Empty description={r.empty} style={{ padding: '48px 0' }}>
        <Typography.Text type="secondary">{r.emptyHint}</Typography.Text>
      </Empty>
    );
  else
    content = (
      <>
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text type="secondary">{r.selected(chosen.length)}</Typography.Text>
          <Popconfirm
            title={r.bulkAcceptConfirm(chosen.length)}
            onConfirm={() => bulk('accept').catch((error) => message.error(errorMessage(error), 6))}
            disabled={chosen.length === 0}
          >
            <Button type="primary" disabled={chosen.length === 0} loading={bulkBusy}>
              {r.bulkAccept}
            </Button>
          </Popconfirm>
          <Button danger disabled={chosen.length === 0 || bulkBusy} onClick={askBulkReturn}>
            {r.bulkReturn}
          </Button>
        </Space>
        <ReviewTable
          entries={entries}
          selected={selected}
          onSelect={setSelected}
          busyKey={busyKey}
          onAccept={(e) => void accept(e)}
          onReturn={askReturn}
        />
      </>
    );

  return (
    <PageContainer title={r.title} subtitle={entries.length > 0 ? r.subtitle(entries.length) : undefined}>
      {failures.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setFailures([])}
          style={{ marginBottom: 12 }}
          message={r.failures}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {failures.map(({ entry, outcome }) => (
                <li key={`${outcome.kind}-${outcome.id}`}>
                  {entry ? `${entry.unit} · ${entry.taskTitle}` : `#${outcome.id}`}：{outcome.error}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Card>{content}</Card>
      <DecisionModal request={decision} onClose={() => setDecision(null)} />
    </PageContainer>
  );
}
