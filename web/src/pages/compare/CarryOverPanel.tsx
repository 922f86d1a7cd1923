import type {
  CarryOverCandidate,
  CarryOverList,
  CarryOverResult,
  CompareItemRef,
  ComparePlanRef,
} from '@shared/plan-compare.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { LightTag } from '../../components/LightTag.tsx';
import { compare as t } from '../../i18n/compare.ts';

/** 结转未完成任务: the previous plan's unfinished tasks with checkboxes, a target item each, and a confirm. */
export function CarryOverPanel({
  plan,
  base,
  items,
}: {
  plan: ComparePlanRef;
  base: ComparePlanRef;
  /** The items of this year's plan, to choose a target from. */
  items: CompareItemRef[];
}) {
  const client = useQueryClient();
  const { modal, message } = App.useApp();
  const [selected, setSelected] = useState<number[]>([]);
  const [targets, setTargets] = useState<Record<number, number>>({});
  const list = useQuery({
    queryKey: ['compare', 'carry-over', plan.id, base.id],
    queryFn: () => apiGet<CarryOverList>(`/api/plans/${plan.id}/carry-over`, { base: base.id }),
  });
  const carry = useMutation({
    mutationFn: (tasks: Array<{ taskId: number; itemId: number }>) =>
      api<CarryOverResult>('POST', `/api/plans/${plan.id}/carry-over`, { base: base.id, tasks }),
    onSuccess: (result) => {
      void message.success(t.carry.done(result.created.length));
      setSelected([]);
      void client.invalidateQueries({ queryKey: ['compare', 'carry-over', plan.id] });
      void client.invalidateQueries({ queryKey: ['plans'] });
    },
  });
  if (list.isPending) return <Skeleton active />;
  if (list.isError) return <ApiErrorAlert error={list.error} />;
  const candidates = list.data.candidates;
  const targetOf = (c: CarryOverCandidate) => targets[c.taskId] ?? c.target?.id;
  const published = plan.status === 'published';
  const missingTarget = selected.some((id) => {
    const candidate = candidates.find((c) => c.taskId === id);
    return candidate !== undefined && targetOf(candidate) === undefined;
  });
  const confirm = () =>
    modal.confirm({
      title: t.carry.confirmTitle,
      content: t.carry.confirmBody(selected.length),
      onOk: () =>
        carry.mutateAsync(
          candidates
            .filter((c) => selected.includes(c.taskId))
            .map((c) => ({ taskId: c.taskId, itemId: targetOf(c)! })),
        ),
    });
  const options = items.map((item) => ({ value: item.id, label: t.item(item.no, item.title) }));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.carry.intro}
      </Typography.Paragraph>
      {published ? null : <Alert type="warning" showIcon message={t.carry.notPublished} />}
      {carry.isError ? <ApiErrorAlert error={carry.error} /> : null}
      <Table<CarryOverCandidate>
        rowKey="taskId"
        size="middle"
        dataSource={candidates}
        pagination={false}
        locale={{ emptyText: t.carry.empty }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (c) => ({ disabled: c.carriedTaskId !== null || !published }),
        }}
        columns={[
          { title: t.carry.task, dataIndex: 'title' },
          {
            title: t.carry.fromItem,
            key: 'item',
            width: 220,
            render: (_, c) => t.item(c.item.no, c.item.title),
          },
          {
            title: t.carry.light,
            key: 'light',
            width: 80,
            render: (_, c) =>
              c.light ? <LightTag light={c.light} reason={c.lightReason ?? undefined} /> : null,
          },
          {
            title: t.carry.leadUnit,
            dataIndex: 'leadUnit',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          { title: t.carry.dueOn, dataIndex: 'dueOn', width: 110 },
          {
            title: t.carry.target,
            key: 'target',
            width: 300,
            render: (_, c) =>
              c.carriedTaskId !== null ? (
                <Tag color="green">{t.carry.carried}</Tag>
              ) : (
                <Select
                  style={{ width: '100%' }}
                  showSearch
                  optionFilterProp="label"
                  placeholder={t.carry.noTarget}
                  value={targetOf(c)}
                  options={options}
                  disabled={!published}
                  onChange={(itemId: number) => setTargets((current) => ({ ...current, [c.taskId]: itemId }))}
                  aria-label={t.carry.target}
                />
              ),
          },
        ]}
      />
      {missingTarget ? <Alert type="info" showIcon message={t.carry.chooseTarget} /> : null}
      <Button
        type="primary"
        disabled={selected.length === 0 || missingTarget || !published}
        loading={carry.isPending}
        onClick={confirm}
      >
        {t.carry.submit(selected.length)}
      </Button>
    </Space>
  );
}
