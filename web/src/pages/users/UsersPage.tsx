import { PlusOutlined } from '@ant-design/icons';
import type { UserView } from '@shared/accounts.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { admin as t } from '../../i18n/admin.ts';
import { common } from '../../i18n/common.ts';
import { AddUserModal } from './AddUserModal.tsx';
import { EditUserModal } from './EditUserModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

const roleColors: Record<string, string> = {
  admin: 'red',
  supervisor: 'volcano',
  leader: 'gold',
  department: 'blue',
  school: 'cyan',
  viewer: 'default',
};

/** /users: the organization's accounts; add, edit roles and binding, reset password, disable or enable. */
export default function UsersPage() {
  const me = useCurrentUser();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<UserView>();
  const [resetting, setResetting] = useState<UserView>();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => apiGet<{ users: UserView[] }>('/api/users').then((r) => r.users),
  });
  const rows = useMemo(() => {
    const needle = search.trim();
    return (users.data ?? []).filter(
      (u) =>
        !needle ||
        u.username.includes(needle) ||
        u.displayName.includes(needle) ||
        (u.unitName ?? '').includes(needle) ||
        (u.leaderName ?? '').includes(needle),
    );
  }, [users.data, search]);

  const setDisabled = async (user: UserView, disabled: boolean) => {
    try {
      await api('POST', `/api/users/${user.id}/${disabled ? 'disable' : 'enable'}`);
      message.success(disabled ? t.users.disabledDone : t.users.enabledDone);
      await client.invalidateQueries({ queryKey: ['users'] });
    } catch (caught) {
      // E.g. the last administrator: the server says why in words.
      message.error(errorMessage(caught));
    }
  };

  const columns: ColumnsType<UserView> = [
    {
      title: t.users.username,
      dataIndex: 'username',
      width: 150,
      render: (username: string, user) => (
        <span>
          {username}
          {user.id === me.user.id ? <Typography.Text type="secondary">{t.users.self}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t.users.displayName, dataIndex: 'displayName', width: 120 },
    {
      title: t.users.roles,
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={[0, 4]} wrap>
          {roles.map((role) => (
            <Tag key={role} color={roleColors[role]}>
              {common.account.roles[role] ?? role}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t.users.binding,
      key: 'binding',
      render: (_, user) => [user.unitName, user.leaderName].filter(Boolean).join('、') || '—',
    },
    {
      title: t.users.status,
      dataIndex: 'disabled',
      width: 80,
      render: (disabled: boolean) =>
        disabled ? <Tag>{t.users.disabled}</Tag> : <Tag color="success">{t.users.enabled}</Tag>,
    },
    {
      title: t.users.createdAt,
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => shanghaiTime(at),
    },
    {
      title: common.actions,
      key: 'actions',
      width: 190,
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(user)}>
            {t.users.edit}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(user)}>
            {t.users.resetPassword}
          </Button>
          {user.disabled ? (
            <Popconfirm
              title={t.users.enableConfirm(user.displayName)}
              onConfirm={() => setDisabled(user, false)}
            >
              <Button type="link" size="small">
                {t.users.enable}
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title={t.users.disableConfirm(user.displayName)}
              onConfirm={() => setDisabled(user, true)}
              okButtonProps={{ danger: true }}
            >
              <Button type="link" size="small" danger disabled={user.id === me.user.id}>
                {t.users.disable}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={t.users.title}
      subtitle={t.users.subtitle}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t.users.add}
        </Button>
      }
    >
      <Card>
        <Input.Search
          allowClear
          placeholder={t.users.search}
          aria-label={t.users.search}
          style={{ width: 260, marginBottom: 12 }}
          onChange={(event) => setSearch(event.target.value)}
        />
        <ApiErrorAlert error={users.error} style={{ marginBottom: 12 }} />
        <Table<UserView>
          rowKey="id"
          size="middle"
          loading={users.isPending}
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: search.trim() ? t.users.noMatch : t.users.empty }}
        />
      </Card>
      <AddUserModal open={adding} onClose={() => setAdding(false)} />
      <EditUserModal user={editing} onClose={() => setEditing(undefined)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </PageContainer>
  );
}
