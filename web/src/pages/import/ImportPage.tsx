import type { ImportResult, ParsePreview } from '@shared/import.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, List, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiGet } from '../../api/client.ts';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { importText as t } from '../../i18n/import.ts';
import { CheckStep } from './CheckStep.tsx';
import { CreateStep } from './CreateStep.tsx';
import { mappingOf, type NameChoice, NamesStep, unknownNames } from './NamesStep.tsx';
import { type NoticeSource, SourceStep } from './SourceStep.tsx';

interface PlanSummary {
  id: number;
  title: string;
  year: number;
  status: string;
  items: number;
  updatedAt: string;
}

/** The import wizard: upload or paste → check the parse → map unknown names → create the draft. */
export default function ImportPage() {
  const client = useQueryClient();
  const [step, setStep] = useState(0);
  const [parsed, setParsed] = useState<{ preview: ParsePreview; source: NoticeSource }>();
  const [choices, setChoices] = useState<Record<string, NameChoice>>({});
  const [result, setResult] = useState<ImportResult>();
  // Text from a scan goes on only once the user says they checked what OCR was unsure of.
  const [ocrChecked, setOcrChecked] = useState(false);

  const restart = () => {
    setParsed(undefined);
    setOcrChecked(false);
    setChoices({});
    setResult(undefined);
    setStep(0);
  };
  const mapping = parsed ? mappingOf(parsed.preview, choices) : null;
  const items = parsed ? parsed.preview.sections.reduce((n, s) => n + s.items.length, 0) : 0;
  const ocrPending = Boolean(parsed?.preview.source?.ocr) && !ocrChecked;
  const canNext = step === 1 ? items > 0 && !ocrPending : step === 2 ? mapping !== null : false;

  return (
    <PageContainer title={t.title} subtitle={t.subtitle}>
      <Drafts />
      <Card>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[
            { title: t.steps.source },
            { title: t.steps.check },
            {
              title: t.steps.names,
              description:
                parsed && unknownNames(parsed.preview).length > 0
                  ? t.steps.namesPending(unknownNames(parsed.preview).length)
                  : undefined,
            },
            { title: t.steps.create },
          ]}
        />
        {step === 0 ? (
          <SourceStep
            onParsed={(preview, source) => {
              setParsed({ preview, source });
              setChoices({});
              setResult(undefined);
              setOcrChecked(false);
              setStep(1);
            }}
          />
        ) : null}
        {parsed && step === 1 ? (
          <CheckStep preview={parsed.preview} ocrChecked={ocrChecked} onOcrChecked={setOcrChecked} />
        ) : null}
        {parsed && step === 2 ? (
          <NamesStep
            preview={parsed.preview}
            choices={choices}
            onChange={(name, choice) => setChoices((c) => ({ ...c, [name]: choice }))}
          />
        ) : null}
        {parsed && mapping && step === 3 ? (
          <CreateStep
            preview={parsed.preview}
            source={parsed.source}
            mapping={mapping}
            result={result}
            onCreated={(created) => {
              setResult(created);
              void client.invalidateQueries({ queryKey: ['plans'] });
            }}
            onRestart={restart}
          />
        ) : null}
        {step > 0 && !result ? (
          <Space style={{ marginTop: 24 }}>
            <Button onClick={() => setStep(step - 1)}>{t.nav.back}</Button>
            {step < 3 ? (
              <Button type="primary" disabled={!canNext} onClick={() => setStep(step + 1)}>
                {t.nav.next}
              </Button>
            ) : null}
            {step === 1 && ocrPending ? (
              <Typography.Text type="warning">{t.check.ocr.confirmFirst}</Typography.Text>
            ) : null}
            <Button type="link" onClick={restart}>
              {t.nav.restart}
            </Button>
          </Space>
        ) : null}
      </Card>
    </PageContainer>
  );
}

/** Drafts not yet published, so an interrupted review can be resumed. */
function Drafts() {
  const plans = useQuery({
    queryKey: ['plans', 'import-drafts'],
    queryFn: () => apiGet<{ plans: PlanSummary[] }>('/api/plans'),
  });
  const drafts = plans.data?.plans.filter((p) => p.status === 'draft') ?? [];
  if (drafts.length === 0) return null;
  return (
    <Card size="small" title={t.drafts.title} style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={drafts}
        renderItem={(plan) => (
          <List.Item
            actions={[
              <Link key="open" to={`/import/${plan.id}`}>
                {t.drafts.open}
              </Link>,
            ]}
          >
            <Space wrap>
              <Typography.Text strong>{plan.title}</Typography.Text>
              <Typography.Text type="secondary">{t.drafts.counts(plan.items)}</Typography.Text>
              <Typography.Text type="secondary">
                {t.drafts.updatedAt(shanghaiTime(plan.updatedAt))}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
