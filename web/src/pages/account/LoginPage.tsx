import type { loginSchema } from '@shared/accounts.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { api, apiGet, setCsrfToken } from '../../api/client.ts';
import { type Me, meKey, useMe } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { common as t } from '../../i18n/common.ts';

type Login = z.infer<typeof loginSchema>;

/** The login page; offers the first-run setup while no account exists. */
export default function LoginPage() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => apiGet<{ open: boolean }>('/api/setup') });
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me.data) return <Navigate to={me.data.pending ? '/login/step' : from} replace state={{ from }} />;

  const submit = async (values: Login) => {
    setBusy(true);
    setError(undefined);
    try {
      const account = await api<Me>('POST', '/api/session', values);
      setCsrfToken(account.csrfToken);
      client.setQueryData(meKey, account);
      navigate(account.pending ? '/login/step' : from, { replace: true, state: { from } });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <Card className="auth-card">
        <div className="auth-brand">
          <span className="app-logo-mark">督</span>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t.appTitle}
          </Typography.Title>
        </div>
        <Typography.Title level={5}>{t.login.title}</Typography.Title>
        {setup.data?.open ? (
          <Typography.Paragraph>
            {t.login.setupHint}
            <Link to="/setup">{t.login.setupLink}</Link>
          </Typography.Paragraph>
        ) : null}
        {new URLSearchParams(location.search).has('out') && !error ? (
          <Alert type="success" showIcon message={t.account.loggedOut} style={{ marginBottom: 16 }} />
        ) : null}
        <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Form<Login> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={t.login.username}
            name="username"
            rules={[{ required: true, message: t.login.usernameRequired }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t.login.password}
            name="password"
            rules={[{ required: true, message: t.login.passwordRequired }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.login.submit}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
