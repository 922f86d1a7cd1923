import type { setupSchema } from '@shared/accounts.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { api, apiGet, setCsrfToken } from '../../api/client.ts';
import { type Me, meKey } from '../../api/session.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { common as t } from '../../i18n/common.ts';

type Setup = z.infer<typeof setupSchema> & { passwordAgain: string };

/** First run: the one-time token from the server log creates the first administrator, who is then signed in. */
export default function SetupPage() {
  const [form] = Form.useForm<Setup>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const status = useQuery({ queryKey: ['setup'], queryFn: () => apiGet<{ open: boolean }>('/api/setup') });
  // The server's start message links here with the token after '#', which never reaches a log.
  const tokenFromLink = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined;

  const submit = async ({ passwordAgain: _again, ...values }: Setup) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/api/setup', values);
      const account = await api<Me>('POST', '/api/session', {
        username: values.username,
        password: values.password,
      });
      setCsrfToken(account.csrfToken);
      client.setQueryData(meKey, account);
      client.setQueryData(['setup'], { open: false });
      navigate('/', { replace: true });
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['token', 'username', 'password', 'organization']))
        setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <Card className="auth-card" style={{ width: 440 }}>
        <Typography.Title level={4}>{t.setup.title}</Typography.Title>
        {status.data && !status.data.open ? (
          <Alert
            type="info"
            showIcon
            message={t.setup.closed}
            action={<Link to="/login">{t.login.submit}</Link>}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t.setup.intro}</Typography.Paragraph>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message={t.setup.roles}
              description={t.setup.separation}
            />
            <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
            <Form<Setup>
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ token: tokenFromLink }}
              requiredMark={false}
            >
              <Form.Item
                label={t.setup.token}
                name="token"
                extra={t.setup.tokenHint}
                rules={[{ required: true, message: t.required }]}
              >
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item label={t.setup.organization} name="organization" extra={t.setup.organizationHint}>
                <Input />
              </Form.Item>
              <Form.Item
                label={t.setup.username}
                name="username"
                rules={[{ required: true, message: t.required }]}
              >
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item label={t.setup.displayName} name="displayName">
                <Input />
              </Form.Item>
              <Form.Item
                label={t.setup.password}
                name="password"
                extra={t.setup.passwordHint}
                rules={[{ required: true, message: t.required }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                label={t.setup.passwordAgain}
                name="passwordAgain"
                dependencies={['password']}
                rules={[
                  { required: true, message: t.required },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value) =>
                      !value || value === getFieldValue('password')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t.setup.passwordMismatch)),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t.setup.submit}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
