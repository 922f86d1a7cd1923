import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { newTokenSchema, type TokenView } from '@shared/accounts.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert, errorMessage, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { shanghaiTime } from '../../components/format.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { admin as t } from '../../i18n/admin.ts';
import { common } from '../../i18n/common.ts';
import { IcalCard } from '../supervision/IcalCard.tsx';

const tokensKey = ['tokens', 'own'] as const;

/** /tokens: the signed-in user's own API tokens; the secret of a new one is shown once. */
export default function TokensPage() {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: () => apiGet<{ tokens: TokenView[] }>('/api/tokens').then((r) => r.tokens),
  });

  const revoke = async (token: TokenView) => {
    try {
      await api('DELETE', `/api/tokens/${token.id}`);
      message.success(t.tokens.revoked_);
      await client.invalidateQueries({ queryKey: tokensKey });
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  const columns: ColumnsType<TokenView> = [
    { title: t.tokens.name, dataIndex: 'name' },
    {
      title: t.tokens.createdAt,
      dataIndex: 'createdAt',
      width: 160,
      render: (at: string) => shanghaiTime(at),
    },
    {
      title: t.tokens.lastUsedAt,
      dataIndex: 'lastUsedAt',
      width: 160,
      render: (at: string | null) =>
        at ? shanghaiTime(at) : <Typography.Text type="secondary">{t.tokens.neverUsed}</Typography.Text>,
    },
    {
      title: t.tokens.status,
      dataIndex: 'revokedAt',
      width: 200,
      render: (at: string | null) =>
        at ? <Tag>{t.tokens.revoked(shanghaiTime(at))}</Tag> : <Tag color="success">{t.tokens.live}</Tag>,
    },
    {
      title: common.actions,
      key: 'actions',
      width: 90,
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t.tokens.revokeConfirm(token.name)}
            onConfirm={() => revoke(token)}
            okButtonProps={{ danger: true }}
          >
            <Button type="link" size="small" danger>
              {t.tokens.revoke}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageContainer
      title={t.tokens.title}
      subtitle={t.tokens.subtitle}
      extra={
        <Space>
          <Button href="/api/docs" target="_blank" rel="noopener">
            {t.tokens.docs}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t.tokens.create}
          </Button>
        </Space>
      }
    >
      <Card>
        <ApiErrorAlert error={tokens.error} style={{ marginBottom: 12 }} />
        <Table<TokenView>
          rowKey="id"
          size="middle"
          loading={tokens.isPending}
          columns={columns}
          dataSource={tokens.data ?? []}
          pagination={false}
          locale={{ emptyText: t.tokens.empty }}
        />
      </Card>
      <IcalCard />
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setSecret(token);
          void client.invalidateQueries({ queryKey: tokensKey });
        }}
      />
      <SecretModal secret={secret} onClose={() => setSecret(undefined)} />
    </PageContainer>
  );
}

function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: string) => void;
}) {
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);
  const submit = async (values: { name: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const created = await api<{ id: number; token: string }>(
        'POST',
        '/api/tokens',
        newTokenSchema.parse(values),
      );
      onCreated(created.token);
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['name'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t.tokens.createTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.tokens.create}
      confirmLoading={busy}
      destroyOnHidden
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t.tokens.name}
          name="name"
          rules={[
            { required: true, whitespace: true, message: common.required },
            zodRule(newTokenSchema.shape.name),
          ]}
        >
          <Input autoFocus maxLength={100} placeholder={t.tokens.namePlaceholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SecretModal({ secret, onClose }: { secret?: string; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret ?? '');
      message.success(t.tokens.copied);
    } catch {
      message.warning(t.tokens.copyFailed);
    }
  };
  return (
    <Modal
      open={secret !== undefined}
      title={t.tokens.secretTitle}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t.tokens.done}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t.tokens.secretWarning} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={secret}
          aria-label={t.tokens.secretTitle}
          onFocus={(event) => event.target.select()}
        />
        <Button icon={<CopyOutlined />} onClick={copy}>
          {t.tokens.copy}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t.tokens.usage}
      </Typography.Paragraph>
    </Modal>
  );
}
