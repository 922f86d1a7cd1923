import {
  assignFindingSchema,
  escalateFindingSchema,
  type FindingView,
  MAX_FINDING_TEXT,
  rectifyFieldsSchema,
  verifyFindingSchema,
} from '@shared/findings.ts';
import {
  App as AntApp,
  DatePicker,
  Form,
  type FormInstance,
  Input,
  Modal,
  Progress,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, apiUpload } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { EvidencePicker } from '../../components/report-form/EvidencePicker.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { common } from '../../i18n/common.ts';
import { findings as t } from '../../i18n/findings.ts';
import { useUnits } from './findings-api.ts';

/** Which action dialog is open for the finding shown. */
export type ActionDialog = 'rectify' | 'return' | 'escalate' | 'assign' | null;

interface DialogProps {
  finding: FindingView;
  onClose: () => void;
  onDone: () => void;
}

/** A dialog's busy state, error, and a runner that routes API errors to the field they name. */
function useSubmit(form: FormInstance, fieldNames: string[], onDone: () => void, done: string) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (send: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await send();
      message.success(done);
      onDone();
    } catch (caught) {
      if (!showErrorOnField(form, caught, fieldNames)) setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** 整改回复: the owner's note and evidence files, sent as multipart with upload progress. */
export function RectifyModal({ finding, onClose, onDone }: DialogProps) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const busy = progress !== undefined;
  const submit = async ({ note }: { note?: string }) => {
    const parsed = rectifyFieldsSchema.safeParse({ note: note ?? '' });
    if (!parsed.success) return;
    const data = new FormData();
    data.append('note', parsed.data.note);
    data.append('version', String(finding.version));
    for (const file of files) data.append('files', file, file.name);
    setProgress(0);
    setError(undefined);
    try {
      await apiUpload(`/api/findings/${finding.id}/rectify`, data, setProgress);
      message.success(t.rectifyForm.done);
      onDone();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['note'])) setError(caught);
    } finally {
      setProgress(undefined);
    }
  };
  return (
    <Modal
      open
      title={t.rectifyForm.title}
      okText={t.rectifyForm.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={busy ? undefined : onClose}
      width={580}
    >
      <Typography.Paragraph type="secondary">{finding.title}</Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item
          name="note"
          label={t.rectifyForm.note}
          required
          rules={[zodRule(rectifyFieldsSchema.shape.note)]}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            showCount
            maxLength={MAX_FINDING_TEXT}
            placeholder={t.rectifyForm.notePlaceholder}
          />
        </Form.Item>
        <Form.Item label={t.rectifyForm.files}>
          <EvidencePicker files={files} onChange={setFiles} disabled={busy} />
        </Form.Item>
      </Form>
      {busy ? <Progress percent={Math.round((progress ?? 0) * 100)} size="small" /> : null}
    </Modal>
  );
}

/** The first problem zod finds in a return reason (the same rule as the API's). */
function returnReasonProblem(comment: string): string | undefined {
  const result = verifyFindingSchema.safeParse({ decision: 'return', comment });
  return result.success ? undefined : result.error.issues[0]?.message;
}

/** 退回 (supervisor) or 上报教体局 (school): one reason, required. */
export function ReasonModal({
  finding,
  kind,
  onClose,
  onDone,
}: DialogProps & { kind: 'return' | 'escalate' }) {
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const strings =
    kind === 'return'
      ? { ...t.returnForm, label: t.returnForm.comment, intro: finding.title }
      : { ...t.escalateForm, label: t.escalateForm.reason };
  // The form field has the API's name, so an error the API puts on it shows under the box.
  const field = kind === 'return' ? 'comment' : 'reason';
  const { busy, error, run } = useSubmit(form, [field], onDone, strings.done);
  const rule =
    kind === 'return'
      ? {
          validator: async (_rule: unknown, value: string | undefined) => {
            const problem = returnReasonProblem(value ?? '');
            if (problem) throw new Error(problem);
          },
        }
      : zodRule(escalateFindingSchema.shape.reason);
  const submit = (values: Record<string, string | undefined>) =>
    run(async () => {
      const text = values[field] ?? '';
      if (kind === 'return') {
        const body = verifyFindingSchema.parse({
          decision: 'return',
          comment: text,
          version: finding.version,
        });
        await api('POST', `/api/findings/${finding.id}/verify`, body);
      } else {
        const body = escalateFindingSchema.parse({ reason: text, version: finding.version });
        await api('POST', `/api/findings/${finding.id}/escalate`, body);
      }
    });
  return (
    <Modal
      open
      title={strings.title}
      okText={strings.submit}
      okButtonProps={{ danger: kind === 'return' }}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={busy ? undefined : onClose}
      width={540}
    >
      <Typography.Paragraph type="secondary">{strings.intro}</Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name={field} label={strings.label} required rules={[rule]}>
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 3, maxRows: 8 }}
            showCount
            maxLength={MAX_FINDING_TEXT}
            placeholder={strings.placeholder}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 指派股室: the supervisor hands an escalated finding to a department, optionally with a new deadline. */
export function AssignModal({ finding, onClose, onDone }: DialogProps) {
  const [form] = Form.useForm<{ unitId?: number; dueOn?: Dayjs; note?: string }>();
  const units = useUnits();
  const { busy, error, run } = useSubmit(form, ['unitId', 'dueOn', 'note'], onDone, t.assignForm.done);
  const departments = (units.data ?? []).filter((u) => u.kind === 'department');
  useEffect(() => form.resetFields(), [form]);
  const submit = (values: { unitId?: number; dueOn?: Dayjs; note?: string }) =>
    run(async () => {
      const body = assignFindingSchema.parse({
        unitId: values.unitId,
        dueOn: values.dueOn?.format('YYYY-MM-DD'),
        note: values.note ?? '',
        version: finding.version,
      });
      await api('POST', `/api/findings/${finding.id}/assign`, body);
    });
  return (
    <Modal
      open
      title={t.assignForm.title}
      okText={t.assignForm.submit}
      cancelText={common.cancel}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={busy ? undefined : onClose}
      width={540}
    >
      <Typography.Paragraph type="secondary">{finding.title}</Typography.Paragraph>
      <ApiErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item
          name="unitId"
          label={t.assignForm.unit}
          required
          rules={[zodRule(assignFindingSchema.shape.unitId)]}
        >
          <Select
            showSearch
            autoFocus
            optionFilterProp="label"
            placeholder={t.assignForm.unitPlaceholder}
            loading={units.isLoading}
            options={departments.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t.assignForm.dueOn}
          extra={`${t.assignForm.dueOnHint}（${finding.dueOn}）`}
        >
          <DatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t.assignForm.note}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={MAX_FINDING_TEXT}
            placeholder={t.assignForm.notePlaceholder}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
