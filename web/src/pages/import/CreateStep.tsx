import type { ImportResult, NameMapping, ParsePreview } from '@shared/import.ts';
import { Alert, Button, Descriptions, Result, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, apiUpload } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { importText as t } from '../../i18n/import.ts';
import type { NoticeSource } from './SourceStep.tsx';

/** Step 4: import the notice as a draft with the name mapping, then show what was created or updated. */
export function CreateStep({
  preview,
  source,
  mapping,
  onCreated,
  onRestart,
  result,
}: {
  preview: ParsePreview;
  source: NoticeSource;
  mapping: NameMapping;
  result: ImportResult | undefined;
  onCreated: (result: ImportResult) => void;
  onRestart: () => void;
}) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<unknown>();

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      let created: ImportResult;
      if ('file' in source) {
        const form = new FormData();
        form.append('mapping', JSON.stringify(mapping));
        form.append('file', source.file, source.file.name);
        created = await apiUpload<ImportResult>('/api/plans', form, setProgress);
      } else {
        created = await api<ImportResult>('POST', '/api/plans', { text: source.text, mapping });
      }
      onCreated(created);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <Result
        status="success"
        title={result.created ? t.create.created : t.create.updated}
        subTitle={result.created ? preview.title : t.create.updatedHint}
        extra={[
          <Button key="review" type="primary" onClick={() => navigate(`/import/${result.planId}`)}>
            {t.create.review}
          </Button>,
          <Button key="again" onClick={onRestart}>
            {t.create.again}
          </Button>,
        ]}
      >
        <Space size="large" wrap style={{ justifyContent: 'center', width: '100%' }}>
          <Statistic title={t.create.sections} value={result.counts.sections} />
          <Statistic title={t.create.items} value={result.counts.items} />
          <Statistic title={t.create.indicators} value={result.counts.indicators} />
          <Statistic title={t.create.createdUnits} value={result.createdUnits.length} />
          <Statistic title={t.create.createdLeaders} value={result.createdLeaders.length} />
        </Space>
        {result.createdUnits.length + result.createdLeaders.length > 0 ? (
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            {result.createdUnits.map((name) => (
              <Tag key={`u-${name}`} color="blue">
                {name}
              </Tag>
            ))}
            {result.createdLeaders.map((name) => (
              <Tag key={`l-${name}`} color="orange">
                {name}
              </Tag>
            ))}
          </div>
        ) : null}
      </Result>
    );
  }

  const items = preview.sections.reduce((n, s) => n + s.items.length, 0);
  const indicators = preview.sections.reduce(
    (n, s) => n + s.items.reduce((m, i) => m + i.indicators.length, 0),
    0,
  );
  const creates = Object.entries(mapping)
    .filter(([, v]) => v === 'create' || v === 'create_school')
    .map(([name]) => name);
  const unitName = (id: number) => preview.units.find((u) => u.id === id)?.name ?? String(id);
  // Mapped to a unit of the directory, or joined to another name of the notice: both become aliases.
  const mapped = Object.entries(mapping).flatMap(
    ([name, v]): Array<[string, string]> =>
      typeof v === 'number' ? [[name, unitName(v)]] : typeof v === 'object' ? [[name, v.aliasOf]] : [],
  );
  const newLeaders = preview.names.leaders.filter((l) => !l.exists).map((l) => l.name);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t.create.confirmIntro} />
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t.check.meta.title}>{preview.title}</Descriptions.Item>
        <Descriptions.Item label={t.check.meta.year}>{preview.year ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t.create.items}>
          {t.check.summary(preview.sections.length, items, indicators)}
        </Descriptions.Item>
        <Descriptions.Item label={t.create.createdUnits}>
          {creates.length > 0 ? creates.join('、') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t.names.map}>
          {mapped.length > 0 ? mapped.map(([name, unit]) => t.names.alias(name, unit)).join('；') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t.create.createdLeaders}>
          {newLeaders.length > 0 ? newLeaders.join('、') : '—'}
        </Descriptions.Item>
      </Descriptions>
      <ApiErrorAlert error={error} />
      <Button type="primary" size="large" onClick={submit} loading={busy}>
        {busy && 'file' in source && progress < 1
          ? `${t.create.creating} ${Math.round(progress * 100)}%`
          : t.create.submit}
      </Button>
    </Space>
  );
}
