import type { IndicatorView } from '@shared/items.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Modal, Progress, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { apiUpload } from '../../api/client.ts';
import { work } from '../../i18n/work.ts';
import { ApiErrorAlert } from '../ApiErrorAlert.tsx';
import { CompletionRow, newCompletion, useObligations } from './CompletionsEditor.tsx';
import { type CompletionDraft, completionProblem } from './report-form-data.ts';

const t = work.occurrenceForm;

/** Sends one completion logged on its own; the default posts it to the API. */
export type SendOccurrence = (
  indicatorId: number,
  data: FormData,
  onProgress: (share: number) => void,
) => Promise<unknown>;

const sendToApi: SendOccurrence = (indicatorId, data, onProgress) =>
  apiUpload(`/api/indicators/${indicatorId}/occurrences`, data, onProgress);

/**
 * 登记完成记录: one completion of an indicator logged on its own, between monthly reports (a meeting
 * held, a plan issued), with its files. Reviewed on its own; counts once accepted.
 */
export function OccurrenceModal({
  taskId,
  indicator,
  onClose,
  send = sendToApi,
}: {
  taskId: number;
  /** The indicator to log against; the modal is open while set. */
  indicator: Pick<IndicatorView, 'id' | 'kind' | 'text' | 'name'> | null;
  onClose: () => void;
  send?: SendOccurrence;
}) {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const obligations = useObligations(indicator ? taskId : null, undefined);
  const today = obligations.data?.today ?? null;
  const year = obligations.data?.year;
  const [entry, setEntry] = useState<CompletionDraft | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    setEntry(indicator ? newCompletion(indicator.id, today) : null);
    setShowErrors(false);
    setError(undefined);
  }, [indicator, today]);

  const problem =
    entry && indicator
      ? completionProblem(entry, indicator.kind, { ...work.completions.required })
      : undefined;
  const submit = async () => {
    if (!entry || !indicator) return;
    if (problem) {
      setShowErrors(true);
      return;
    }
    const data = new FormData();
    data.append('date', entry.occurredOn ?? '');
    data.append('note', entry.note.trim());
    if (entry.value !== null) data.append('value', String(entry.value));
    if (entry.milestone !== null) data.append('milestone', entry.milestone);
    for (const file of entry.files) data.append('files', file, file.name);
    setError(undefined);
    setProgress(0);
    try {
      await send(indicator.id, data, setProgress);
      message.success(t.done);
      void client.invalidateQueries({ queryKey: ['item'] });
      void client.invalidateQueries({ queryKey: ['obligations', taskId] });
      void client.invalidateQueries({ queryKey: ['badges'] });
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(undefined);
    }
  };
  const busy = progress !== undefined;
  const disabledDate = (day: Dayjs) =>
    (today !== null && day.format('YYYY-MM-DD') > today) || (year !== undefined && day.year() !== year);
  return (
    <Modal
      open={indicator !== null}
      title={t.title}
      okText={t.submit}
      onOk={() => void submit()}
      onCancel={busy ? undefined : onClose}
      confirmLoading={busy}
      width={640}
      destroyOnHidden
    >
      {indicator ? (
        <>
          <Typography.Paragraph strong>{indicator.name ?? indicator.text}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
          <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
          {entry ? (
            <CompletionRow
              indicator={{ kind: indicator.kind, name: indicator.name, text: indicator.text }}
              entry={entry}
              index={0}
              disabled={busy}
              disabledDate={disabledDate}
              problem={showErrors ? problem : undefined}
              onChange={(patch) => setEntry({ ...entry, ...patch })}
            />
          ) : null}
          {busy ? <Progress percent={Math.round((progress ?? 0) * 100)} size="small" /> : null}
        </>
      ) : null}
    </Modal>
  );
}
