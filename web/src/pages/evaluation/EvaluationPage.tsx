import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import type { PlanChoice } from '@shared/dashboard.ts';
import type { Evaluation } from '@shared/evaluations.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Collapse, Result, Select, Skeleton, Space } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { evaluation as t } from '../../i18n/evaluation.ts';
import { dashboardPlans } from '../dashboard/chart-options.ts';
import { AdjustmentsCard } from './AdjustmentsCard.tsx';
import { RankingTable } from './RankingTable.tsx';
import { RubricForm } from './RubricForm.tsx';

/** /evaluation 年终考核: rubric, bonus and penalty, both rankings with their calculation, lock and export. */
export default function EvaluationPage() {
  const [search, setSearch] = useSearchParams();
  const client = useQueryClient();
  const { modal, message } = AntApp.useApp();
  const plans = useQuery({
    queryKey: ['dashboard', 'plans'],
    queryFn: () => apiGet<{ plans: PlanChoice[] }>('/api/plans'),
  });
  const choices = useMemo(() => dashboardPlans(plans.data?.plans ?? []), [plans.data]);
  const planId = search.get('plan') ? Number(search.get('plan')) : choices[0]?.id;
  const evaluation = useQuery({
    queryKey: ['evaluation', planId],
    queryFn: () => apiGet<Evaluation>(`/api/plans/${planId}/evaluation`),
    enabled: planId !== undefined,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['evaluation', planId] });

  if (plans.isPending) {
    return (
      <PageContainer title={t.title}>
        <Skeleton active />
      </PageContainer>
    );
  }
  if (plans.isError) {
    return (
      <PageContainer title={t.title}>
        <ApiErrorAlert error={plans.error} />
      </PageContainer>
    );
  }
  if (planId === undefined) {
    return (
      <PageContainer title={t.title}>
        <Card>
          <Result status="info" title={t.noPlan} subTitle={t.noPlanHint} />
        </Card>
      </PageContainer>
    );
  }
  const data = evaluation.data;
  const fullWeight = data ? data.rubric.completion + data.rubric.timeliness + data.rubric.quality : 100;
  const lock = () =>
    modal.confirm({
      title: t.lockTitle,
      content: t.lockContent,
      okText: t.lockOk,
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api('POST', `/api/plans/${planId}/evaluation/lock`, { confirm: true });
          message.success(t.locked);
          await refresh();
        } catch (caught) {
          message.error(errorMessage(caught));
        }
      },
    });

  const planPicker = (
    <Select
      aria-label={t.choosePlan}
      value={planId}
      style={{ width: 280 }}
      options={choices.map((p) => ({ value: p.id, label: p.title }))}
      onChange={(id: number) => setSearch({ plan: String(id) })}
    />
  );
  const actions = data ? (
    <Space wrap>
      {planPicker}
      {data.seesAll ? (
        <>
          <Button icon={<DownloadOutlined />} href={`/api/plans/${planId}/evaluation/xlsx`} download>
            {t.exportXlsx}
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/plans/${planId}/evaluation/docx`} download>
            {t.exportWord}
          </Button>
        </>
      ) : null}
      {data.canEdit ? (
        <Button type="primary" danger icon={<LockOutlined />} onClick={lock}>
          {t.lock}
        </Button>
      ) : null}
    </Space>
  ) : (
    planPicker
  );

  return (
    <PageContainer
      title={t.title}
      subtitle={data ? t.subtitle(data.planTitle, data.asOf) : undefined}
      extra={actions}
    >
      {evaluation.isPending ? <Skeleton active /> : null}
      <ApiErrorAlert error={evaluation.error} />
      {data ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type={data.locked ? 'success' : 'info'}
            showIcon
            message={
              data.locked ? t.lockedBanner(shanghaiTime(data.locked.at), data.locked.by) : t.draftBanner
            }
            description={data.seesAll ? undefined : t.ownOnly}
          />
          <Collapse
            size="small"
            items={[
              {
                key: 'definitions',
                label: t.definitions,
                children: (
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {data.definitions.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          {data.seesAll ? (
            <Card size="small" title={t.rubric.title}>
              <RubricForm planId={planId} rubric={data.rubric} editable={data.canEdit} onSaved={refresh} />
            </Card>
          ) : null}
          <Card size="small" title={t.adjustments.title}>
            <AdjustmentsCard
              planId={planId}
              adjustments={data.adjustments}
              // Every unit that owns a task, scored or not yet (无考核数据): entries wait for its data.
              units={[...data.departments, ...data.schools].filter((u) => u.unranked !== 'noTasks')}
              editable={data.canEdit}
              onChanged={refresh}
            />
          </Card>
          {data.departments.length > 0 || data.seesAll ? (
            <RankingTable title={t.ranking.departments} units={data.departments} fullWeight={fullWeight} />
          ) : null}
          {data.schools.length > 0 || data.seesAll ? (
            <RankingTable title={t.ranking.schools} units={data.schools} fullWeight={fullWeight} />
          ) : null}
        </Space>
      ) : null}
    </PageContainer>
  );
}
