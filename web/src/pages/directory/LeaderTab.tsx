import { PlusOutlined } from '@ant-design/icons';
import { type LeaderView, newLeaderSchema } from '@shared/directory.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { admin as t } from '../../i18n/admin.ts';
import { common } from '../../i18n/common.ts';
import { byChineseName, directoryKeys, useLeaders } from './directory-api.ts';

interface LeaderForm {
  name: string;
  title?: string;
}

/** The bureau leaders (局领导): search, add, and change name or title. */
export function LeaderTab({ editable }: { editable: boolean }) {
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<LeaderView | 'new' | undefined>();
  const leaders = useLeaders();
  const rows = useMemo(() => {
    const needle = search.trim();
    return (leaders.data ?? [])
      .filter((l) => !needle || l.name.includes(needle) || l.title?.includes(needle))
      .sort(byChineseName);
  }, [leaders.data, search]);

  const columns: ColumnsType<LeaderView> = [
    { title: t.directory.leaderName, dataIndex: 'name', width: 160 },
    { title: t.directory.leaderTitle, dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    { title: t.directory.itemCount, dataIndex: 'itemCount', width: 100, align: 'right' },
    { title: t.directory.users, dataIndex: 'userCount', width: 70, align: 'right' },
    ...(editable
      ? [
          {
            title: common.actions,
            key: 'actions',
            width: 90,
            render: (_: unknown, leader: LeaderView) => (
              <Button type="link" size="small" onClick={() => setEditing(leader)}>
                {common.edit}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="directory-toolbar">
        <Input.Search
          allowClear
          placeholder={t.directory.searchLeader}
          aria-label={t.directory.searchLeader}
          style={{ width: 240 }}
          onChange={(event) => setSearch(event.target.value)}
        />
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t.directory.addLeader}
          </Button>
        ) : null}
      </div>
      <ApiErrorAlert error={leaders.error} style={{ marginBottom: 12 }} />
      <Table<LeaderView>
        rowKey="id"
        size="middle"
        loading={leaders.isPending}
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{
          emptyText: search.trim()
            ? t.directory.noMatch
            : editable
              ? t.directory.emptyLeaders
              : t.directory.emptyRead.leader,
        }}
      />
      <LeaderFormModal
        leader={editing === 'new' ? undefined : editing}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}

function LeaderFormModal({
  leader,
  open,
  onClose,
}: {
  leader?: LeaderView;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<LeaderForm>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue({ name: leader?.name ?? '', title: leader?.title ?? '' });
  }, [open, leader, form]);

  const submit = async (values: LeaderForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = newLeaderSchema.parse({ name: values.name, title: values.title ?? '' });
      if (leader) await api('PATCH', `/api/leaders/${leader.id}`, body);
      else await api('POST', '/api/leaders', body);
      message.success(leader ? t.directory.saved : t.directory.added);
      await client.invalidateQueries({ queryKey: directoryKeys.all });
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['name', 'title'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={leader ? t.directory.editLeaderTitle(leader.name) : t.directory.addLeader}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<LeaderForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t.directory.leaderName} name="name" rules={[zodRule(newLeaderSchema.shape.name)]}>
          <Input autoFocus maxLength={64} />
        </Form.Item>
        <Form.Item
          label={t.directory.leaderTitle}
          name="title"
          rules={[zodRule(newLeaderSchema.shape.title)]}
        >
          <Input maxLength={64} placeholder={t.directory.leaderTitlePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
