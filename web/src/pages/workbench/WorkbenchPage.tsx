import { ReloadOutlined } from '@ant-design/icons';
import { extensionDecisionSchema, reviewDecisionSchema, type WorkbenchTask } from '@shared/work.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Badge, Button, Card, Result, Skeleton, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { can, useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { type ReportDraft, ReportForm, type ReportTarget } from '../../components/report-form/ReportForm.tsx';
import { work as t } from '../../i18n/work.ts';
import { CollectionsCard } from './CollectionsCard.tsx';
import { CompletionRequestModal, type CompletionTarget } from './CompletionRequestModal.tsx';
import { DecisionModal, type DecisionRequest } from './DecisionModal.tsx';
import { ExtensionRequestModal, type ExtensionTarget } from './ExtensionRequestModal.tsx';
import {
  AcknowledgeList,
  CompletionDecisionList,
  DueList,
  ExtensionDecisionList,
  ExtensionOutcomeList,
  ReturnedList,
} from './WorkbenchLists.tsx';
import { refreshWork, useWorkbench } from './workbench-api.ts';

const w = t.workbench;

const firstIssue = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

const tabLabel = (label: string, count: number) => (
  <span>
    {label}
    <Badge count={count} size="small" style={{ marginInlineStart: 6 }} showZero={false} />
  </span>
);

/** 我的待办: what waits for the user, by kind, with the action for each row. */
export default function WorkbenchPage() {
  const me = useCurrentUser();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const board = useWorkbench();
  // A message's link may open a tab (被退回: /workbench?tab=returned).
  const asked = useSearchParams()[0].get('tab');
  const [report, setReport] = useState<{ target: ReportTarget; draft?: ReportDraft } | null>(null);
  const [extension, setExtension] = useState<ExtensionTarget | null>(null);
  const [completion, setCompletion] = useState<CompletionTarget | null>(null);
  const [decision, setDecision] = useState<DecisionRequest | null>(null);
  const [acknowledging, setAcknowledging] = useState<number | 'all' | null>(null);
  const refresh = () => refreshWork(client);

  const acknowledge = async (tasks: WorkbenchTask[], marker: number | 'all') => {
    setAcknowledging(marker);
    let ok = 0;
    const failures: string[] = [];
    for (const task of tasks) {
      try {
        await api('POST', `/api/tasks/${task.taskId}/acknowledge`);
        ok += 1;
      } catch (error) {
        failures.push(`${task.title}：${errorMessage(error)}`);
      }
    }
    setAcknowledging(null);
    refresh();
    if (failures.length === 0)
      message.success(tasks.length === 1 ? w.acknowledged : w.acknowledgedAll(ok, 0));
    else message.error(`${w.acknowledgedAll(ok, failures.length)}：${failures.join('；')}`, 8);
  };

  const data = board.data;
  const unitUser = can(me, 'reports.submit');
  const decider = can(me, 'extensions.decide');
  const supervisor = can(me, 'completions.decide');

  let content: ReactNode;
  if (board.isPending) content = <Skeleton active />;
  else if (board.isError) content = <ApiErrorAlert error={board.error} />;
  else if (data) {
    const tabs = [
      unitUser && {
        key: 'acknowledge',
        label: tabLabel(w.tabs.acknowledge, data.toAcknowledge.length),
        count: data.toAcknowledge.length,
        children: (
          <AcknowledgeList
            rows={data.toAcknowledge}
            busy={acknowledging}
            onAcknowledge={(task) => void acknowledge([task], task.taskId)}
            onAcknowledgeAll={() => void acknowledge(data.toAcknowledge, 'all')}
          />
        ),
      },
      unitUser && {
        key: 'due',
        label: tabLabel(w.tabs.due, data.reportsDue.length),
        count: data.reportsDue.length,
        children: (
          <DueList
            rows={data.reportsDue}
            onReport={(task) => setReport({ target: task })}
            onExtension={setExtension}
            onCompletion={setCompletion}
          />
        ),
      },
      unitUser && {
        key: 'returned',
        label: tabLabel(w.tabs.returned, data.returned.length),
        count: data.returned.length,
        children: (
          <ReturnedList
            rows={data.returned}
            onRefile={(r) =>
              setReport({
                target: r,
                draft: {
                  period: r.period,
                  status: r.selfStatus,
                  percent: r.percent,
                  narrative: r.narrative,
                  returned: { comment: r.comment, reviewer: r.reviewer, at: r.returnedAt },
                  completions: r.completions,
                },
              })
            }
          />
        ),
      },
      decider && {
        key: 'extensions',
        label: tabLabel(w.tabs.extensions, data.extensionDecisions.length),
        count: data.extensionDecisions.length,
        children: (
          <ExtensionDecisionList
            rows={data.extensionDecisions}
            onDecide={(row, choice) =>
              setDecision({
                title: `${t.decision.title[choice]}：${row.title}`,
                commentRequired: false,
                validate: (comment) =>
                  firstIssue(extensionDecisionSchema.safeParse({ decision: choice, comment })),
                send: (comment) =>
                  api('POST', `/api/extensions/${row.extensionId}/decision`, { decision: choice, comment }),
                onDone: () => {
                  message.success(choice === 'approve' ? w.extension.approved : w.extension.refused);
                  refresh();
                },
              })
            }
          />
        ),
      },
      supervisor && {
        key: 'completions',
        label: tabLabel(w.tabs.completions, data.completionDecisions.length),
        count: data.completionDecisions.length,
        children: (
          <CompletionDecisionList
            rows={data.completionDecisions}
            onDecide={(row, choice) =>
              setDecision({
                title: `${t.decision.title[choice]}：${row.title}`,
                commentRequired: choice === 'return',
                validate: (comment) =>
                  firstIssue(reviewDecisionSchema.safeParse({ decision: choice, comment })),
                send: (comment) =>
                  api('POST', `/api/completions/${row.requestId}/decision`, { decision: choice, comment }),
                onDone: () => {
                  message.success(choice === 'accept' ? w.completion.accepted : w.completion.returned);
                  refresh();
                },
              })
            }
          />
        ),
      },
      unitUser && {
        key: 'outcomes',
        label: tabLabel(w.tabs.outcomes, 0),
        count: 0,
        children: <ExtensionOutcomeList rows={data.extensionOutcomes} />,
      },
    ].filter((tab) => !!tab);
    const waiting = tabs.reduce((sum, tab) => sum + tab.count, 0);
    // Open collection rounds (数据填报) stand above the tabs; with nothing else waiting they are all there is.
    const collections = data.collections;
    const nothingElse = waiting === 0 && data.extensionOutcomes.length === 0;
    content = (
      <>
        <CollectionsCard rows={collections} />
        {nothingElse ? (
          collections.length > 0 ? null : (
            <Card>
              <Result status="success" title={w.allDone} subTitle={w.allDoneHint} />
            </Card>
          )
        ) : (
          <Card styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              defaultActiveKey={
                tabs.find((tab) => tab.key === asked && tab.count > 0)?.key ??
                tabs.find((tab) => tab.count > 0)?.key
              }
              items={tabs.map(({ key, label, children }) => ({ key, label, children }))}
            />
          </Card>
        )}
      </>
    );
  }

  return (
    <PageContainer
      title={w.title}
      subtitle={data && unitUser ? w.subtitle(data.period.period, data.period.dueOn) : undefined}
      extra={
        <Button icon={<ReloadOutlined />} onClick={refresh} loading={board.isFetching && !board.isPending}>
          {w.refresh}
        </Button>
      }
    >
      {content}
      <ReportForm
        target={report?.target ?? null}
        draft={report?.draft}
        defaultPeriod={data?.period.period}
        latestPeriod={data?.period.period}
        onClose={() => setReport(null)}
        onSubmitted={refresh}
      />
      <ExtensionRequestModal target={extension} onClose={() => setExtension(null)} onDone={refresh} />
      <CompletionRequestModal target={completion} onClose={() => setCompletion(null)} onDone={refresh} />
      <DecisionModal request={decision} onClose={() => setDecision(null)} />
    </PageContainer>
  );
}
