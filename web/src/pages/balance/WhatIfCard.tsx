import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  BALANCE_INDICATORS,
  type BalanceResult,
  type WhatIfChange,
  whatIfChangeSchema,
  whatIfSchema,
} from '@shared/balance.ts';
import { Alert, Button, Card, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { balance as t } from '../../i18n/balance.ts';
import { type WhatIfAnswer, whatIf } from './balance-api.ts';
import { cvText, indicatorOf, stageOfLabel, thresholdText } from './balance-values.ts';

const w = t.whatIf;

interface ChangeValues {
  school?: string;
  key?: WhatIfChange['key'];
  delta?: number | null;
}

/** A school's choice value: its stage code and name ("junior:城关中学"; a stage code has no colon). */
const schoolValue = (stage: string, name: string) => `${stageOfLabel(stage)}:${name}`;

function toChange(values: ChangeValues): unknown {
  const [stage, ...name] = (values.school ?? '').split(':');
  return {
    name: name.join(':'),
    stage: stage || undefined,
    key: values.key,
    delta: values.delta ?? undefined,
  };
}

/** One CV that a what-if moves. */
interface CvChange {
  id: string;
  stage: string;
  name: string;
  before: number | null;
  after: number | null;
  threshold: number;
  passBefore: boolean;
  passAfter: boolean;
}

/** The stage × indicator CVs that differ between before and after. */
export function changedCvs(answer: WhatIfAnswer): CvChange[] {
  const changes: CvChange[] = [];
  for (const stage of answer.after.stages) {
    const earlier = answer.before.stages.find((s) => s.stage === stage.stage);
    for (const indicator of stage.indicators) {
      const was = earlier?.indicators.find((i) => i.key === indicator.key);
      if (was && was.cv === indicator.cv) continue;
      changes.push({
        id: `${stage.stage}:${indicator.key}`,
        stage: stage.stage,
        name: indicatorOf(indicator.key).short,
        before: was?.cv ?? null,
        after: indicator.cv,
        threshold: indicator.threshold,
        passBefore: was?.pass ?? false,
        passAfter: indicator.pass,
      });
    }
  }
  return changes;
}

function Pass({ pass }: { pass: boolean }) {
  return <Tag color={pass ? 'success' : 'error'}>{pass ? w.passYes : w.passNo}</Tag>;
}

function BeforeAfter({ before, after }: { before: React.ReactNode; after: React.ReactNode }) {
  return (
    <Space size={4}>
      {before}
      <span aria-hidden>→</span>
      {after}
    </Space>
  );
}

/** 试算: add or remove pupils, teachers, rooms, area or value at some schools and see the CVs move. */
export function WhatIfCard({ roundId, result }: { roundId: number; result: BalanceResult }) {
  const [form] = Form.useForm<{ changes?: ChangeValues[] }>();
  const [answer, setAnswer] = useState<{ answer: WhatIfAnswer; changes: WhatIfChange[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const schoolOptions = result.schools.map((s) => ({
    value: schoolValue(s.stage, s.name),
    label: `${s.name}（${s.stage}）`,
  }));
  const keyOptions = [
    { value: 'pupils', label: w.pupils },
    ...BALANCE_INDICATORS.map((i) => ({ value: i.key, label: `${i.column}（${i.rawUnit}）` })),
  ];

  const run = async (values: { changes?: ChangeValues[] }) => {
    const parsed = whatIfSchema.safeParse({ changes: (values.changes ?? []).map(toChange) });
    if (!parsed.success) {
      setError(new Error(parsed.error.issues[0]?.message));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setAnswer({ answer: await whatIf(roundId, parsed.data.changes), changes: parsed.data.changes });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const cvs = answer ? changedCvs(answer.answer) : [];
  const touched = answer
    ? [...new Map(answer.changes.map((c) => [`${c.stage}:${c.name}`, c])).values()].map((change) => {
        const match = (r: BalanceResult) =>
          r.schools.find((s) => s.name === change.name && stageOfLabel(s.stage) === change.stage);
        return {
          id: `${change.stage}:${change.name}`,
          before: match(answer.answer.before),
          after: match(answer.answer.after),
        };
      })
    : [];

  return (
    <Card size="small" title={w.title}>
      <Typography.Paragraph type="secondary">{w.hint}</Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} onFinish={run} disabled={busy} initialValues={{ changes: [{}] }}>
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item name={[field.name, 'school']} rules={[zodRule(whatIfChangeSchema.shape.name)]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 240 }}
                      placeholder={w.schoolPlaceholder}
                      aria-label={w.school}
                      options={schoolOptions}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'key']} rules={[zodRule(whatIfChangeSchema.shape.key)]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 240 }}
                      placeholder={w.keyPlaceholder}
                      aria-label={w.key}
                      options={keyOptions}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'delta']} rules={[zodRule(whatIfChangeSchema.shape.delta)]}>
                    <InputNumber
                      style={{ width: 140 }}
                      placeholder={w.deltaPlaceholder}
                      aria-label={w.delta}
                    />
                  </Form.Item>
                  {fields.length > 1 ? (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                      {w.remove}
                    </Button>
                  ) : null}
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {w.add}
                </Button>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {w.run}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
      {answer ? (
        <Space direction="vertical" size={12} style={{ width: '100%', marginTop: 16 }}>
          <Alert type="info" showIcon message={w.label} />
          <div>
            {w.county}：
            <BeforeAfter
              before={<Pass pass={answer.answer.before.pass} />}
              after={<Pass pass={answer.answer.after.pass} />}
            />
          </div>
          <Table<CvChange>
            rowKey="id"
            size="small"
            pagination={false}
            title={() => w.changedCv}
            locale={{ emptyText: w.noCvChange }}
            dataSource={cvs}
            columns={[
              { title: t.monitor.schoolStage, dataIndex: 'stage', width: 70 },
              { title: t.monitor.indicator, dataIndex: 'name' },
              {
                title: w.before,
                dataIndex: 'before',
                align: 'right',
                render: (cv: number | null) => cvText(cv),
              },
              {
                title: w.after,
                dataIndex: 'after',
                align: 'right',
                render: (cv: number | null) => cvText(cv),
              },
              { title: t.monitor.threshold, dataIndex: 'threshold', align: 'right', render: thresholdText },
              {
                title: t.monitor.pass,
                key: 'pass',
                render: (_v, row) => (
                  <BeforeAfter
                    before={<Pass pass={row.passBefore} />}
                    after={<Pass pass={row.passAfter} />}
                  />
                ),
              },
            ]}
          />
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            title={() => w.schoolsTitle}
            dataSource={touched}
            columns={[
              {
                title: t.monitor.school,
                key: 'school',
                render: (_v, row) => (row.after ? `${row.after.name}（${row.after.stage}）` : row.id),
              },
              {
                title: t.monitor.metCount,
                key: 'met',
                render: (_v, row) => `${row.before?.met ?? '—'}/7 → ${row.after?.met ?? '—'}/7`,
              },
              {
                title: t.monitor.schoolPass,
                key: 'pass',
                render: (_v, row) => (
                  <BeforeAfter
                    before={<Pass pass={row.before?.pass ?? false} />}
                    after={<Pass pass={row.after?.pass ?? false} />}
                  />
                ),
              },
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}
