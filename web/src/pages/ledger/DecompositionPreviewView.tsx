import type {
  ChangedTaskChange,
  DecompositionFields,
  DecompositionPreview,
  NewTaskChange,
  UnreadableRow,
} from '@shared/ledgers.ts';
import { Alert, Collapse, Statistic, Table, Tag, Typography } from 'antd';
import { ledger as t } from '../../i18n/ledger.ts';

type Field = keyof DecompositionFields;

/** One line of the changes table: a new task, or a changed one with its before and after. */
interface ChangeLine {
  key: string;
  row: number;
  kind: 'new' | 'changed';
  itemNo: number;
  before?: DecompositionFields;
  after: DecompositionFields;
  changed: Field[];
}

function linesOf(preview: DecompositionPreview): ChangeLine[] {
  const added = preview.newTasks.map((c: NewTaskChange) => ({
    key: `n${c.row}`,
    row: c.row,
    kind: 'new' as const,
    itemNo: c.itemNo,
    after: c.after,
    changed: [] as Field[],
  }));
  const changed = preview.changedTasks.map((c: ChangedTaskChange) => ({
    key: `c${c.row}`,
    row: c.row,
    kind: 'changed' as const,
    itemNo: c.itemNo,
    before: c.before,
    after: c.after,
    changed: c.changed,
  }));
  return [...added, ...changed].sort((a, b) => a.row - b.row);
}

function text(field: Field, value: DecompositionFields): string {
  const v = value[field];
  if (Array.isArray(v)) return v.length > 0 ? v.join('、') : t.none;
  return v ?? t.none;
}

// A changed field reads "before → after" with the old value struck through; others read as they are.
function cell(field: Field) {
  return (_: unknown, line: ChangeLine) => {
    if (line.before && line.changed.includes(field)) {
      return (
        <span data-testid={`changed-${field}`}>
          <Typography.Text delete type="secondary">
            {text(field, line.before)}
          </Typography.Text>
          {t.arrow}
          <Typography.Text mark>{text(field, line.after)}</Typography.Text>
        </span>
      );
    }
    return text(field, line.after);
  };
}

/** A decomposition preview: counts, the changes (new, and changed before → after), unreadable rows, tasks not in the file. */
export function DecompositionPreviewView({ preview }: { preview: DecompositionPreview }) {
  const lines = linesOf(preview);
  const counts = preview.counts;
  return (
    <div className="ledger-preview">
      <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', marginBottom: 12 }}>
        {(['rows', 'new', 'changed', 'unchanged', 'unreadable', 'absent'] as const).map((key) => (
          <Statistic
            key={key}
            title={t.summary[key]}
            value={counts[key]}
            valueStyle={key === 'unreadable' && counts.unreadable > 0 ? { color: '#cf1322' } : undefined}
          />
        ))}
      </div>
      <Typography.Paragraph type="secondary">{t.sheet(preview.sheet)}</Typography.Paragraph>
      <Typography.Title level={5}>{t.changesTitle}</Typography.Title>
      {lines.length === 0 ? (
        <Alert type="info" showIcon message={t.noChanges} style={{ marginBottom: 12 }} />
      ) : (
        <Table<ChangeLine>
          size="small"
          rowKey="key"
          pagination={lines.length > 20 ? { pageSize: 20 } : false}
          dataSource={lines}
          scroll={{ x: 900 }}
          columns={[
            { title: t.columns.row, dataIndex: 'row', width: 64 },
            {
              title: t.columns.kind,
              dataIndex: 'kind',
              width: 72,
              render: (kind: ChangeLine['kind']) => (
                <Tag color={kind === 'new' ? 'green' : 'blue'}>{t.kind[kind]}</Tag>
              ),
            },
            { title: t.columns.item, dataIndex: 'itemNo', width: 72, render: (no: number) => t.itemNo(no) },
            { title: t.columns.task, key: 'title', render: cell('title') },
            { title: t.columns.lead, key: 'lead', width: 140, render: cell('lead') },
            { title: t.columns.coOwners, key: 'coOwners', width: 180, render: cell('coOwners') },
            { title: t.columns.dueOn, key: 'dueOn', width: 130, render: cell('dueOn') },
          ]}
        />
      )}
      {preview.unreadable.length > 0 ? (
        <>
          <Typography.Title level={5} type="danger" style={{ marginTop: 16 }}>
            {t.unreadableTitle}
          </Typography.Title>
          <Table<UnreadableRow>
            size="small"
            rowKey="row"
            pagination={preview.unreadable.length > 20 ? { pageSize: 20 } : false}
            dataSource={preview.unreadable}
            columns={[
              { title: t.columns.row, dataIndex: 'row', width: 64 },
              {
                title: t.columns.column,
                dataIndex: 'column',
                width: 120,
                render: (c: string | null) => c ?? '',
              },
              { title: t.columns.reason, dataIndex: 'message' },
            ]}
          />
        </>
      ) : null}
      {preview.absent.length > 0 ? (
        <Collapse
          size="small"
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'absent',
              label: `${t.absentTitle}：${preview.absent.length}`,
              children: (
                <Table
                  size="small"
                  rowKey="taskId"
                  pagination={preview.absent.length > 20 ? { pageSize: 20 } : false}
                  dataSource={preview.absent}
                  columns={[
                    { title: t.columns.taskId, dataIndex: 'taskId', width: 90 },
                    {
                      title: t.columns.item,
                      dataIndex: 'itemNo',
                      width: 72,
                      render: (no: number) => t.itemNo(no),
                    },
                    { title: t.columns.task, dataIndex: 'title' },
                  ]}
                />
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
