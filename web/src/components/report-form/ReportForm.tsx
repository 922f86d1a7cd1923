import { type ReportFields, reportFieldsSchema } from '@shared/work.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Progress,
  Radio,
  Row,
  Slider,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { apiUpload } from '../../api/client.ts';
import { common } from '../../i18n/common.ts';
import { work as t } from '../../i18n/work.ts';
import { ApiErrorAlert, showErrorOnField } from '../ApiErrorAlert.tsx';
import { shanghaiTime } from '../format.ts';
import { CompletionsEditor, useObligations } from './CompletionsEditor.tsx';
import { EvidencePicker } from './EvidencePicker.tsx';
import {
  type CompletionDraft,
  completionProblem,
  type ReportField,
  type ReportFormValues,
  reportFieldError,
  reportFieldNames,
  toReportFormData,
  toReportInput,
} from './report-form-data.ts';

/** The task a report is filed on, as the form's title shows it. */
export interface ReportTarget {
  taskId: number;
  title: string;
  itemNo?: number;
  itemTitle?: string;
}

/** Sends the multipart report; the default posts it to the API with upload progress. */
export type SendReport = (
  taskId: number,
  data: FormData,
  onProgress: (share: number) => void,
) => Promise<unknown>;

const sendToApi: SendReport = (taskId, data, onProgress) =>
  apiUpload(`/api/tasks/${taskId}/reports`, data, onProgress);

/** A completion of the returned report, offered again when re-filing. */
export interface ReturnedCompletionDraft {
  occurrenceId: number;
  indicatorId: number;
  occurredOn: string;
  note: string;
  value: number | null;
  milestone: CompletionDraft['milestone'];
  files: string[];
}

/** What the form starts with when re-filing a returned report: its fields, why it was returned, its completions. */
export type ReportDraft = Partial<ReportFields> & {
  returned?: { comment: string; reviewer: string | null; at: string | null };
  completions?: ReturnedCompletionDraft[];
};

/**
 * The progress report form (填报) in a drawer: period, status, self-assessed percent (自报进度),
 * narrative, the completions of the task's indicators done in the period (本期完成事项, with what is
 * still owed after the filing) and evidence. A re-filing opens with the reason it was returned.
 * Each field is checked with the API's own zod schema before sending, and a server error that
 * names a field appears under it. Full width on a phone.
 */
export function ReportForm({
  target,
  defaultPeriod,
  latestPeriod,
  draft,
  onClose,
  onSubmitted,
  send = sendToApi,
}: {
  /** The task to report on; the drawer is open while set. */
  target: ReportTarget | null;
  /** The period preselected (the current reporting period), YYYY-MM. */
  defaultPeriod?: string;
  /** The last period one may report on (no reports on future months), YYYY-MM. */
  latestPeriod?: string;
  draft?: ReportDraft;
  onClose: () => void;
  onSubmitted?: () => void;
  send?: SendReport;
}) {
  const [form] = Form.useForm<ReportFormValues>();
  const screens = Grid.useBreakpoint();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [completions, setCompletions] = useState<CompletionDraft[]>([]);
  const [showCompletionErrors, setShowCompletionErrors] = useState(false);
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const open = target !== null;

  useEffect(() => {
    if (!open) return;
    const period = draft?.period ?? defaultPeriod;
    form.setFieldsValue({
      period: period ? dayjs(`${period}-01`) : null,
      status: draft?.status ?? 'on_track',
      percent: draft?.percent ?? 0,
      narrative: draft?.narrative ?? '',
    });
    setFiles([]);
    setCompletions(
      (draft?.completions ?? []).map((c) => ({
        key: `returned-${c.occurrenceId}`,
        indicatorId: c.indicatorId,
        occurrenceId: c.occurrenceId,
        occurredOn: c.occurredOn,
        note: c.note,
        value: c.value,
        milestone: c.milestone,
        files: [],
        keptFiles: c.files,
      })),
    );
    setShowCompletionErrors(false);
    setError(undefined);
    setProgress(undefined);
  }, [open, draft, defaultPeriod, form]);

  const periodValue = Form.useWatch('period', form) as ReportFormValues['period'];
  const period = periodValue ? periodValue.format('YYYY-MM') : undefined;
  const obligations = useObligations(target?.taskId ?? null, period);

  const rule = (field: ReportField) => ({
    validator: async () => {
      const problem = reportFieldError(field, form.getFieldsValue());
      if (problem) throw new Error(problem);
    },
  });

  const submit = async (values: ReportFormValues) => {
    if (!target) return;
    const parsed = reportFieldsSchema.safeParse(toReportInput(values));
    if (!parsed.success) return;
    const kinds = new Map(obligations.data?.indicators.map((o) => [o.indicatorId, o.kind]));
    const incomplete = completions.some((c) =>
      completionProblem(c, kinds.get(c.indicatorId) ?? 'event', { ...t.completions.required }),
    );
    if (incomplete) {
      setShowCompletionErrors(true);
      return;
    }
    setError(undefined);
    setProgress(0);
    try {
      await send(target.taskId, toReportFormData(parsed.data, files, completions), setProgress);
      message.success(t.reportForm.done);
      for (const key of ['workbench', 'badges', 'reviews', 'obligations', 'item', 'plan', 'dashboard'])
        void client.invalidateQueries({ queryKey: [key] });
      onSubmitted?.();
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, reportFieldNames)) setError(caught);
    } finally {
      setProgress(undefined);
    }
  };

  const busy = progress !== undefined;
  const percent = Form.useWatch('percent', form);
  return (
    <Drawer
      open={open}
      onClose={busy ? undefined : onClose}
      width={screens.md ? 600 : '100%'}
      title={draft ? t.reportForm.refileTitle : t.reportForm.title}
      destroyOnHidden
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }} wrap>
          {busy ? (
            <Progress
              percent={Math.round((progress ?? 0) * 100)}
              size="small"
              style={{ width: 160, margin: 0 }}
              aria-label={t.reportForm.uploading}
            />
          ) : null}
          <Button onClick={onClose} disabled={busy}>
            {common.cancel}
          </Button>
          <Button type="primary" onClick={() => form.submit()} loading={busy}>
            {t.reportForm.submit}
          </Button>
        </Space>
      }
    >
      {target ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {target.itemNo !== undefined && target.itemTitle ? t.item(target.itemNo, target.itemTitle) : ''}
          {target.title === target.itemTitle ? '' : ` / ${target.title}`}
        </Typography.Paragraph>
      ) : null}
      {draft?.returned ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="return-reason"
          message={`${t.reportForm.returnedBecause}：${draft.returned.comment}`}
          description={
            draft.returned.reviewer || draft.returned.at
              ? t.reportForm.returnedBy(
                  draft.returned.reviewer ?? '',
                  draft.returned.at ? shanghaiTime(draft.returned.at) : '',
                )
              : undefined
          }
        />
      ) : null}
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<ReportFormValues> form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item label={t.reportForm.period} name="period" rules={[rule('period')]} required>
          <DatePicker
            picker="month"
            placeholder={t.reportForm.periodPlaceholder}
            disabledDate={(month) => !!latestPeriod && month.format('YYYY-MM') > latestPeriod}
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item label={t.reportForm.status} name="status" rules={[rule('status')]} required>
          <Radio.Group>
            {(['on_track', 'at_risk', 'delayed'] as const).map((status) => (
              <Radio.Button key={status} value={status}>
                {t.status[status]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t.reportForm.percent} tooltip={t.reportForm.percentHint} required>
          <Row gutter={12} align="middle">
            <Col flex="auto">
              <Slider
                min={0}
                max={100}
                value={typeof percent === 'number' ? percent : 0}
                onChange={(value) => form.setFieldsValue({ percent: value })}
                aria-label={t.reportForm.percent}
              />
            </Col>
            <Col>
              <Form.Item name="percent" noStyle rules={[rule('percent')]}>
                <InputNumber suffix="%" style={{ width: 110 }} aria-label={t.reportForm.percent} />
              </Form.Item>
            </Col>
          </Row>
        </Form.Item>
        <Form.Item label={t.reportForm.narrative} name="narrative" rules={[rule('narrative')]} required>
          <Input.TextArea
            autoSize={{ minRows: 5, maxRows: 14 }}
            showCount
            maxLength={20_000}
            placeholder={t.reportForm.narrativePlaceholder}
          />
        </Form.Item>
        <Form.Item label={t.completions.title}>
          {target ? (
            <CompletionsEditor
              taskId={target.taskId}
              period={period}
              value={completions}
              onChange={setCompletions}
              disabled={busy}
              showErrors={showCompletionErrors}
            />
          ) : null}
        </Form.Item>
        <Form.Item label={t.reportForm.evidence}>
          <EvidencePicker files={files} onChange={setFiles} disabled={busy} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
