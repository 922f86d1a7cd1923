import { DeleteOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { type IndicatorObligation, owedAfterFiling, type TaskObligations } from '@shared/obligations.ts';
import { MILESTONES } from '@shared/work.ts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { apiGet, withQuery } from '../../api/client.ts';
import { work } from '../../i18n/work.ts';
import { ApiErrorAlert } from '../ApiErrorAlert.tsx';
import { type CompletionDraft, completionProblem, enteredFor } from './report-form-data.ts';

const t = work.completions;

/** Query key of what a task owes in a period. */
export const obligationsKey = (taskId: number, period: string | undefined) =>
  ['obligations', taskId, period ?? 'now'] as const;

/** GET /api/tasks/:id/obligations for a period (default: the server's current month); idle without a task. */
export function useObligations(taskId: number | null, period: string | undefined) {
  return useQuery({
    queryKey: obligationsKey(taskId ?? 0, period),
    queryFn: () => apiGet<TaskObligations>(withQuery(`/api/tasks/${taskId}/obligations`, { period })),
    enabled: taskId !== null,
  });
}

let nextKey = 0;

/** A new, empty completion of an indicator, dated today when today lies in the period. */
export function newCompletion(indicatorId: number, defaultDate: string | null): CompletionDraft {
  nextKey += 1;
  return {
    key: `new-${nextKey}`,
    indicatorId,
    occurredOn: defaultDate,
    note: '',
    value: null,
    milestone: null,
    files: [],
    keptFiles: [],
  };
}

/** The day a new completion starts with: today if it falls in the period, else the period's last day. */
function defaultDay(period: string | undefined, today: string): string | null {
  if (!period) return today;
  if (today.startsWith(period)) return today;
  const last = dayjs(`${period}-01`).endOf('month').format('YYYY-MM-DD');
  return last < today ? last : null;
}

/**
 * 本期完成事项: for each indicator of the task, what the period owes and the completions entered
 * for it (day, note, a percent's value or a project's milestone, files), then what will still be
 * owed once the filing is accepted. The entries travel with the report and are reviewed with it.
 */
export function CompletionsEditor({
  taskId,
  period,
  value,
  onChange,
  disabled,
  showErrors,
}: {
  taskId: number;
  period: string | undefined;
  value: CompletionDraft[];
  onChange: (next: CompletionDraft[]) => void;
  disabled?: boolean;
  /** After a submit attempt: show each entry's problem under it. */
  showErrors?: boolean;
}) {
  const query = useObligations(taskId, period);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 2 }} title={false} />;
  if (query.isError) return <ApiErrorAlert error={query.error} />;
  const { indicators, today, year } = query.data;
  if (indicators.length === 0) return <Typography.Text type="secondary">{t.noIndicators}</Typography.Text>;
  const update = (key: string, patch: Partial<CompletionDraft>) =>
    onChange(value.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)));
  const remove = (key: string) => onChange(value.filter((entry) => entry.key !== key));
  const add = (indicatorId: number) =>
    onChange([...value, newCompletion(indicatorId, defaultDay(period, today))]);
  const disabledDate = (day: dayjs.Dayjs) => day.format('YYYY-MM-DD') > today || day.year() !== year;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="completions">
      <Typography.Text type="secondary">{t.hint}</Typography.Text>
      {indicators.map((o) => (
        <Card
          key={o.indicatorId}
          size="small"
          data-indicator={o.indicatorId}
          title={
            <Typography.Text style={{ whiteSpace: 'normal' }} strong>
              {o.owes}
            </Typography.Text>
          }
          extra={<Tag>{t.status(o.accepted, o.pending)}</Tag>}
          styles={{ header: { paddingBlock: 8 } }}
        >
          <Space direction="vertical" style={{ width: '100%' }} size={8}>
            {value
              .filter((entry) => entry.indicatorId === o.indicatorId)
              .map((entry, index) => (
                <CompletionRow
                  key={entry.key}
                  indicator={o}
                  entry={entry}
                  index={index}
                  disabled={disabled}
                  disabledDate={disabledDate}
                  problem={showErrors ? completionProblem(entry, o.kind, { ...t.required }) : undefined}
                  onChange={(patch) => update(entry.key, patch)}
                  onRemove={() => remove(entry.key)}
                />
              ))}
            <Button
              icon={<PlusOutlined />}
              size="small"
              onClick={() => add(o.indicatorId)}
              disabled={disabled}
              aria-label={`${addLabel(o)}：${o.name ?? o.text}`}
            >
              {addLabel(o)}
            </Button>
          </Space>
        </Card>
      ))}
      <Alert
        type="info"
        showIcon
        message={t.after}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="owed-after">
            {indicators.map((o) => (
              <li key={o.indicatorId}>{owedAfterFiling(o, enteredFor(o.indicatorId, value))}</li>
            ))}
          </ul>
        }
      />
    </Space>
  );
}

function addLabel(o: IndicatorObligation): string {
  if (o.kind === 'deliverable') return t.addDocument;
  if (o.kind === 'project') return t.addMilestone;
  if (o.kind === 'percent') return t.addValue;
  return t.add;
}

/** One completion: day, note, the value or milestone its kind needs, and its files. */
export function CompletionRow({
  indicator,
  entry,
  index,
  disabled,
  disabledDate,
  problem,
  onChange,
  onRemove,
}: {
  indicator: Pick<IndicatorObligation, 'kind' | 'name' | 'text'>;
  entry: CompletionDraft;
  index: number;
  disabled?: boolean;
  disabledDate: (day: dayjs.Dayjs) => boolean;
  problem?: string;
  onChange: (patch: Partial<CompletionDraft>) => void;
  /** Removes the entry from a list; absent when the entry stands alone. */
  onRemove?: () => void;
}) {
  const label = `${indicator.name ?? indicator.text} ${t.entryLabel(index + 1)}`;
  return (
    <div
      className="completion-row"
      data-testid="completion-row"
      style={{ borderBottom: '1px dashed #f0f0f0', paddingBottom: 8 }}
    >
      {entry.occurrenceId !== undefined ? (
        <Tag color="warning" style={{ marginBottom: 6 }}>
          {t.returned}
        </Tag>
      ) : null}
      <Flex gap={8} wrap align="center">
        <DatePicker
          value={entry.occurredOn ? dayjs(entry.occurredOn) : null}
          onChange={(day) => onChange({ occurredOn: day ? day.format('YYYY-MM-DD') : null })}
          disabledDate={disabledDate}
          placeholder={t.date}
          aria-label={`${t.date}（${label}）`}
          disabled={disabled}
          style={{ width: 140 }}
        />
        {indicator.kind === 'percent' ? (
          <InputNumber
            min={0}
            max={100}
            suffix="%"
            value={entry.value}
            onChange={(v) => onChange({ value: typeof v === 'number' ? v : null })}
            placeholder={t.value}
            aria-label={`${t.value}（${label}）`}
            disabled={disabled}
            style={{ width: 130 }}
          />
        ) : null}
        {indicator.kind === 'project' ? (
          <Select
            value={entry.milestone ?? undefined}
            onChange={(m) => onChange({ milestone: m })}
            placeholder={t.milestone}
            aria-label={`${t.milestone}（${label}）`}
            disabled={disabled}
            style={{ width: 130 }}
            options={MILESTONES.map((m) => ({ value: m, label: t.milestones[m] ?? m }))}
          />
        ) : null}
        <Input
          value={entry.note}
          onChange={(event) => onChange({ note: event.target.value })}
          placeholder={t.notePlaceholder}
          aria-label={`${t.note}（${label}）`}
          disabled={disabled}
          maxLength={5000}
          style={{ flex: '1 1 200px', minWidth: 180 }}
        />
        {onRemove ? (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            onClick={onRemove}
            disabled={disabled}
            aria-label={`${t.remove}（${label}）`}
          />
        ) : null}
      </Flex>
      <Flex gap={6} wrap align="center" style={{ marginTop: 6 }}>
        <Upload
          multiple
          showUploadList={false}
          disabled={disabled}
          beforeUpload={(file, batch) => {
            if (file === batch[0]) onChange({ files: [...entry.files, ...batch] });
            return false;
          }}
        >
          <Button size="small" icon={<PaperClipOutlined />} aria-label={`${t.chooseFiles}（${label}）`}>
            {indicator.kind === 'deliverable' ? t.filesRequired : t.chooseFiles}
          </Button>
        </Upload>
        {entry.keptFiles.map((name) => (
          <Tag key={`kept-${name}`} icon={<PaperClipOutlined />}>
            {t.keptFiles}：{name}
          </Tag>
        ))}
        {entry.files.map((file, i) => (
          <Tag
            key={`${file.name}-${file.size}-${file.lastModified}`}
            closable={!disabled}
            onClose={() => onChange({ files: entry.files.filter((_, j) => j !== i) })}
          >
            {file.name}
          </Tag>
        ))}
      </Flex>
      {problem ? (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4 }}>
          {problem}
        </Typography.Text>
      ) : null}
    </div>
  );
}
