import { DownloadOutlined, LockOutlined, UploadOutlined } from '@ant-design/icons';
import { ROW_STATUS_LABELS, type RoundDetail, type RoundRowView, STAGE_LABELS } from '@shared/balance.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { balance as t } from '../../i18n/balance.ts';
import { balancePaths, importSheet, lockRound, reviewRow } from './balance-api.ts';
import { ImportErrorsModal, sheetErrorsOf } from './ImportErrorsModal.tsx';
import { ReturnRowModal } from './ReturnRowModal.tsx';

const e = t.entries;
const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The rows waiting for the bureau first: 待审核, then 已退回, 未提交, 已通过 (each in the API's order). */
export function reviewOrder(rows: RoundRowView[]): RoundRowView[] {
  const rank = { submitted: 0, returned: 1, draft: 2, accepted: 3 } as const;
  return [...rows].sort((a, b) => rank[a.status] - rank[b.status]);
}

/** 填报情况: every school's rows with review actions, the schools yet to fill, template, import and lock. */
export function EntriesTab({ detail }: { detail: RoundDetail }) {
  const { round, form, rows, missing, actions } = detail;
  const client = useQueryClient();
  const { message, modal } = AntApp.useApp();
  const [returning, setReturning] = useState<RoundRowView | null>(null);
  const [busyRow, setBusyRow] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const [sheetErrors, setSheetErrors] = useState<ReturnType<typeof sheetErrorsOf>>(null);
  const open = round.status === 'open';

  const accept = async (row: RoundRowView) => {
    setBusyRow(row.id);
    try {
      await reviewRow(client, round.id, row.id, { decision: 'accept', reason: '', version: row.version });
      message.success(e.acceptedDone);
    } catch (caught) {
      message.error(errorMessage(caught));
    } finally {
      setBusyRow(null);
    }
  };

  const upload = async (file: File) => {
    setImporting(true);
    setSheetErrors(null);
    try {
      const answer = await importSheet(client, round.id, file);
      message.success(e.imported(answer.imported));
    } catch (caught) {
      const errors = sheetErrorsOf(caught);
      if (errors) setSheetErrors(errors);
      else message.error(errorMessage(caught));
    } finally {
      setImporting(false);
    }
  };

  const lock = (force: boolean) =>
    lockRound(client, round.id, force).then(() => message.success(e.lockedDone));

  const confirmLock = () =>
    modal.confirm({
      title: e.lockTitle,
      content: e.lockBody,
      okText: e.lockOk,
      onOk: async () => {
        try {
          await lock(false);
        } catch (caught) {
          if (caught instanceof ApiError && caught.status === 409) {
            modal.confirm({
              title: e.lockForceTitle,
              content: (
                <>
                  <p>{caught.message}</p>
                  <p>{e.lockForceHint}</p>
                </>
              ),
              okText: e.lockForce,
              okButtonProps: { danger: true },
              onOk: () => lock(true).catch((again: unknown) => message.error(errorMessage(again))),
            });
          } else message.error(errorMessage(caught));
        }
      },
    });

  const columns: ColumnsType<RoundRowView> = [
    { title: e.school, dataIndex: 'unitName', fixed: 'left', width: 160 },
    ...(form.staged
      ? [
          {
            title: e.stage,
            dataIndex: 'stage',
            width: 70,
            render: (stage: RoundRowView['stage']) => (stage ? STAGE_LABELS[stage] : ''),
          },
        ]
      : []),
    {
      title: e.status,
      dataIndex: 'status',
      width: 90,
      render: (_v, row) => (
        <Tag color={t.rowStatusColor[row.status]} title={row.returnReason ?? undefined}>
          {ROW_STATUS_LABELS[row.status]}
        </Tag>
      ),
    },
    ...form.fields.map((field) => ({
      title: field.unit ? `${field.label}（${field.unit}）` : field.label,
      key: field.key,
      align: 'right' as const,
      width: 110,
      render: (_v: unknown, row: RoundRowView) => {
        const value = row.values[field.key];
        return value === null || value === undefined ? '—' : grouped.format(value);
      },
    })),
    {
      title: e.file,
      key: 'file',
      width: 160,
      render: (_v, row) =>
        row.file ? (
          <a href={balancePaths.rowFile(row.id)} download={row.file.name}>
            {row.file.name}
          </a>
        ) : (
          '—'
        ),
    },
    {
      title: e.submittedAt,
      dataIndex: 'submittedAt',
      width: 150,
      render: (at: string | null) => (at ? shanghaiTime(at) : '—'),
    },
  ];
  if (actions.review && open)
    columns.push({
      title: e.actions,
      key: 'actions',
      fixed: 'right',
      width: 130,
      render: (_v, row) => (
        <Space size={4}>
          {row.status === 'submitted' ? (
            <Button size="small" type="link" loading={busyRow === row.id} onClick={() => accept(row)}>
              {e.accept}
            </Button>
          ) : null}
          {row.status === 'submitted' || row.status === 'accepted' ? (
            <Button size="small" type="link" danger onClick={() => setReturning(row)}>
              {e.return}
            </Button>
          ) : null}
        </Space>
      ),
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {actions.import || (actions.lock && open) ? (
        <Space wrap>
          {actions.import ? (
            <Button
              icon={<DownloadOutlined />}
              href={balancePaths.template(round.id)}
              download
              title={e.templateHint}
            >
              {e.template}
            </Button>
          ) : null}
          {actions.import && open ? (
            <Upload
              accept={XLSX_TYPES}
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importing}>
                {e.import}
              </Button>
            </Upload>
          ) : null}
          {actions.lock && open ? (
            <Button icon={<LockOutlined />} onClick={confirmLock}>
              {e.lock}
            </Button>
          ) : null}
        </Space>
      ) : null}
      <Table<RoundRowView>
        rowKey="id"
        size="small"
        dataSource={reviewOrder(rows)}
        columns={columns}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: e.empty }}
        scroll={{ x: 'max-content' }}
      />
      <Card size="small" title={e.missing(missing.length)}>
        {missing.length === 0 ? (
          <Typography.Text type="secondary">{e.noMissing}</Typography.Text>
        ) : (
          <Space size={[4, 8]} wrap>
            {missing.map((unit) => (
              <Tag key={unit.unitId} color="warning">
                {unit.unitName}
              </Tag>
            ))}
          </Space>
        )}
      </Card>
      {returning ? (
        <ReturnRowModal roundId={round.id} row={returning} onClose={() => setReturning(null)} />
      ) : null}
      <ImportErrorsModal errors={sheetErrors} onClose={() => setSheetErrors(null)} />
    </Space>
  );
}
