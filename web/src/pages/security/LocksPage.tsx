import type { DelayedAddress, LockedAccount, SecurityUser } from '@shared/security.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, errorMessage } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { common } from '../../i18n/common.ts';
import { security as t } from '../../i18n/security.ts';

const locksKey = ['security', 'locks'] as const;
const usersKey = ['security', 'users'] as const;

/** /security/locks: recent login failures and locks with an unlock button, and each user's second factor. */
export default function LocksPage() {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const locks = useQuery({
    queryKey: locksKey,
    queryFn: () => apiGet<{ accounts: LockedAccount[]; addresses: DelayedAddress[] }>('/api/security/locks'),
  });
  const users = useQuery({
    queryKey: usersKey,
    queryFn: () => apiGet<SecurityUser[]>('/api/security/users'),
  });

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
      await client.invalidateQueries({ queryKey: ['security'] });
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };
  const unlock = (kind: 'account' | 'address', value: string) =>
    act(() => api('POST', '/api/security/unlock', { kind, value }), t.locks.unlocked);
  const unlockButton = (kind: 'account' | 'address', value: string) => (
    <Popconfirm title={t.locks.unlockConfirm} onConfirm={() => unlock(kind, value)}>
      <Button size="small">{t.locks.unlock}</Button>
    </Popconfirm>
  );

  const accountColumns: ColumnsType<LockedAccount> = [
    { title: t.locks.username, dataIndex: 'username' },
    { title: t.locks.failures, dataIndex: 'failures', width: 100 },
    { title: t.locks.addresses, dataIndex: 'addresses', width: 110 },
    {
      title: t.locks.state,
      render: (_v, row) =>
        row.lockedUntil ? (
          <Tag color="red">{t.locks.lockedUntil(shanghaiTime(row.lockedUntil))}</Tag>
        ) : (
          <Tag color="orange">{t.locks.slowed}</Tag>
        ),
    },
    { title: t.locks.lastFailure, dataIndex: 'lastFailureAt', render: (at: string) => shanghaiTime(at) },
    { title: '', width: 90, render: (_v, row) => unlockButton('account', row.username) },
  ];
  const addressColumns: ColumnsType<DelayedAddress> = [
    { title: t.locks.address, dataIndex: 'address' },
    { title: t.locks.failures, dataIndex: 'failures', width: 100 },
    {
      title: t.locks.state,
      render: (_v, row) =>
        row.retryAfterSeconds > 0 ? (
          <Tag color="orange">{t.locks.waiting(row.retryAfterSeconds)}</Tag>
        ) : (
          <Tag>{t.locks.normal}</Tag>
        ),
    },
    { title: t.locks.lastFailure, dataIndex: 'lastFailureAt', render: (at: string) => shanghaiTime(at) },
    { title: '', width: 90, render: (_v, row) => unlockButton('address', row.address) },
  ];
  const userColumns: ColumnsType<SecurityUser> = [
    {
      title: t.locks.username,
      dataIndex: 'username',
      render: (name: string, row) => (
        <Space>
          {name}
          {row.disabled ? <Tag>{t.locks.disabled}</Tag> : null}
        </Space>
      ),
    },
    { title: t.locks.displayName, dataIndex: 'displayName' },
    {
      title: t.locks.roles,
      dataIndex: 'roles',
      render: (roles: string[]) =>
        roles.map((role) => common.account.roles[role as 'admin'] ?? role).join('、'),
    },
    {
      title: t.locks.twoFactor,
      dataIndex: 'twoFactor',
      render: (on: boolean) => (on ? <Tag color="green">{t.locks.on}</Tag> : <Tag>{t.locks.off}</Tag>),
    },
    {
      title: t.locks.passwordChangedAt,
      dataIndex: 'passwordChangedAt',
      render: (at: string | null) => (at ? shanghaiTime(at) : ''),
    },
    {
      title: '',
      width: 130,
      render: (_v, row) =>
        row.twoFactor ? (
          <Popconfirm
            title={t.locks.resetConfirm}
            onConfirm={() =>
              act(() => api('DELETE', `/api/security/users/${row.id}/two-factor`), t.locks.resetDone)
            }
          >
            <Button size="small" danger>
              {t.locks.reset}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <PageContainer title={t.locks.title}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <ApiErrorAlert error={locks.error ?? users.error} />
        <Card title={t.locks.accountsTitle}>
          <Typography.Paragraph type="secondary">{t.locks.accountsIntro}</Typography.Paragraph>
          <Table<LockedAccount>
            rowKey="username"
            size="small"
            columns={accountColumns}
            dataSource={locks.data?.accounts}
            loading={locks.isPending}
            pagination={false}
            locale={{ emptyText: t.locks.none }}
            scroll={{ x: true }}
          />
        </Card>
        <Card title={t.locks.addressesTitle}>
          <Typography.Paragraph type="secondary">{t.locks.addressesIntro}</Typography.Paragraph>
          <Table<DelayedAddress>
            rowKey="address"
            size="small"
            columns={addressColumns}
            dataSource={locks.data?.addresses}
            loading={locks.isPending}
            pagination={false}
            locale={{ emptyText: t.locks.none }}
            scroll={{ x: true }}
          />
        </Card>
        <Card title={t.locks.usersTitle}>
          <Table<SecurityUser>
            rowKey="id"
            size="small"
            columns={userColumns}
            dataSource={users.data}
            loading={users.isPending}
            pagination={false}
            scroll={{ x: true }}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
