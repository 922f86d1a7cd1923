import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type BalanceStage,
  type FormField,
  ROW_STATUS_LABELS,
  type RoundDetail,
  type RoundRowView,
  STAGE_LABELS,
  saveRowsSchema,
} from '@shared/balance.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  InputNumber,
  Space,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { balance as t } from '../../i18n/balance.ts';
import { balancePaths, saveRows } from './balance-api.ts';
import { fieldValueProblem, likelyStage, otherStage } from './balance-values.ts';

const f = t.fill;

/** A row of the fill form: its stage (null on an unstaged form) and the stored row, if any. */
interface Slot {
  stage: BalanceStage | null;
  stored?: RoundRowView;
}

type Values = Record<string, Record<string, number | null | undefined>>;

/** The form's name for a slot's values. */
const slotName = (stage: BalanceStage | null) => stage ?? 'single';

/** The rows the school starts from: its stored rows, else last round's (prefill), else one guessed row. */
function startingSlots(detail: RoundDetail, unitName: string): { slots: Slot[]; values: Values } {
  if (detail.rows.length > 0) {
    return {
      slots: detail.rows.map((row) => ({ stage: row.stage, stored: row })),
      values: Object.fromEntries(detail.rows.map((row) => [slotName(row.stage), row.values])),
    };
  }
  if (detail.prefill.length > 0) {
    return {
      slots: detail.prefill.map((p) => ({ stage: detail.form.staged ? p.stage : null })),
      values: Object.fromEntries(detail.prefill.map((p) => [slotName(p.stage), p.values])),
    };
  }
  return { slots: [{ stage: detail.form.staged ? likelyStage(unitName) : null }], values: {} };
}

/** A school's own rows of a round: one card per stage, a supporting file, 保存草稿 and 提交审核. */
export function FillPanel({ detail, unitName }: { detail: RoundDetail; unitName: string }) {
  const { round, form: collectionForm } = detail;
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [start] = useState(() => startingSlots(detail, unitName));
  const [slots, setSlots] = useState<Slot[]>(start.slots);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // Whether the check runs for 提交审核 (required fields must be filled) or for a draft.
  const submitting = useRef(false);

  // A school fills while the round is open and the API offers it (an expected school of the round).
  const open = round.status === 'open' && detail.actions.fill;
  const editable = (slot: Slot) => open && slot.stored?.status !== 'accepted';
  const editableSlots = slots.filter(editable);
  const prefilledFrom = detail.rows.length === 0 ? detail.prefill[0]?.fromRound : undefined;
  const storedFile = detail.rows.find((row) => row.file);

  const send = async (submit: boolean) => {
    submitting.current = submit;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    } finally {
      submitting.current = false;
    }
    const parsed = saveRowsSchema.safeParse({
      rows: editableSlots.map((slot) => ({
        stage: slot.stage,
        values: Object.fromEntries(
          collectionForm.fields.map((field) => [
            field.key,
            values[slotName(slot.stage)]?.[field.key] ?? null,
          ]),
        ),
        ...(slot.stored ? { version: slot.stored.version } : {}),
      })),
      submit,
    });
    if (!parsed.success) {
      setError(new Error(parsed.error.issues[0]?.message ?? f.nothingToSave));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await saveRows(client, round.id, parsed.data, file);
      message.success(submit ? f.submitted : f.savedDraft);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const fieldRule = (field: FormField) => ({
    validator: async (_rule: unknown, value: unknown) => {
      const problem = fieldValueProblem(field, value, {
        balanceForm: round.balance,
        submitting: submitting.current,
      });
      if (problem) throw new Error(problem);
    },
  });

  const only = slots[0];
  const canAddStage = open && collectionForm.staged && slots.length === 1 && only?.stage;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {prefilledFrom && open ? <Alert type="info" showIcon message={f.prefilled(prefilledFrom)} /> : null}
      {round.status === 'locked' ? <Alert type="warning" showIcon message={f.locked} /> : null}
      <ApiErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={start.values} disabled={busy}>
        {slots.map((slot) => (
          <RowCard
            key={slotName(slot.stage)}
            slot={slot}
            fields={collectionForm.fields}
            editable={editable(slot)}
            removable={open && !slot.stored && slots.length > 1}
            onRemove={() => setSlots(slots.filter((s) => s !== slot))}
            rule={fieldRule}
          />
        ))}
      </Form>
      {canAddStage && only?.stage ? (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          onClick={() => setSlots([...slots, { stage: otherStage(only.stage as BalanceStage) }])}
        >
          {f.addStage(STAGE_LABELS[otherStage(only.stage)])}
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {f.addStageHint}
          </Typography.Text>
        </Button>
      ) : null}
      <Card size="small" title={f.file}>
        {storedFile?.file ? (
          <div style={{ marginBottom: 8 }}>
            {f.currentFile}
            <a href={balancePaths.rowFile(storedFile.id)} download={storedFile.file.name}>
              {storedFile.file.name}
            </a>
          </div>
        ) : null}
        {editableSlots.length > 0 ? (
          <>
            <Upload
              maxCount={1}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' } as UploadFile] : []}
              beforeUpload={(chosen) => {
                setFile(chosen);
                return false;
              }}
              onRemove={() => setFile(null)}
              disabled={busy}
            >
              <Button icon={<UploadOutlined />}>{f.chooseFile}</Button>
            </Upload>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {f.fileHint}
            </Typography.Paragraph>
          </>
        ) : null}
      </Card>
      {editableSlots.length > 0 ? (
        <Space>
          <Button onClick={() => send(false)} loading={busy}>
            {f.saveDraft}
          </Button>
          <Button type="primary" onClick={() => send(true)} loading={busy}>
            {f.submit}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}

/** One row's card: its status, a returned row's reason, and one number box per field. */
function RowCard({
  slot,
  fields,
  editable,
  removable,
  onRemove,
  rule,
}: {
  slot: Slot;
  fields: FormField[];
  editable: boolean;
  removable: boolean;
  onRemove: () => void;
  rule: (field: FormField) => { validator: (rule: unknown, value: unknown) => Promise<void> };
}) {
  const stored = slot.stored;
  const name = slotName(slot.stage);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          {f.rowTitle(slot.stage ? STAGE_LABELS[slot.stage] : null)}
          {stored ? (
            <Tag color={t.rowStatusColor[stored.status]}>{ROW_STATUS_LABELS[stored.status]}</Tag>
          ) : null}
          {stored?.submittedAt ? (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              {f.submittedAt(shanghaiTime(stored.submittedAt))}
            </Typography.Text>
          ) : null}
        </Space>
      }
      extra={
        removable ? (
          <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove}>
            {f.removeStage}
          </Button>
        ) : null
      }
    >
      {stored?.status === 'returned' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={f.returned}
          description={<strong>{f.returnReason(stored.returnReason ?? '')}</strong>}
        />
      ) : null}
      {stored?.status === 'accepted' ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message={f.accepted} />
      ) : null}
      <Space wrap align="start" size={[16, 8]}>
        {fields.map((field) => (
          <Form.Item
            key={field.key}
            name={[name, field.key]}
            label={field.label}
            required={field.required && editable}
            rules={editable ? [rule(field)] : []}
          >
            <InputNumber
              style={{ width: 210 }}
              addonAfter={field.unit || undefined}
              disabled={!editable}
              aria-label={slot.stage ? `${STAGE_LABELS[slot.stage]}${field.label}` : field.label}
            />
          </Form.Item>
        ))}
      </Space>
    </Card>
  );
}
