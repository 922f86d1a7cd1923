import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../../api/client.ts';
import { type Me, meKey, useMe } from '../../api/session.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { common } from '../../i18n/common.ts';
import { security as t } from '../../i18n/security.ts';
import { TwoFactorEnrol } from '../security/TwoFactorEnrol.tsx';
import { PasswordForm } from './PasswordForm.tsx';

/**
 * /login/step: what a login still lacks after the password — a TOTP code, enrolling an
 * authenticator (when the user's role requires it) or replacing an expired password. The server
 * refuses everything else to such a session, so the app sends it here first.
 */
export default function LoginStepPage() {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (me.isPending) return <Spin fullscreen tip={common.loading} />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (!me.data.pending) return <Navigate to={from} replace />;

  const refresh = async () => {
    await client.invalidateQueries({ queryKey: meKey });
  };
  const verify = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const account = await api<Me>('POST', '/api/session/two-factor', { code });
      client.setQueryData(meKey, account);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const logout = async () => {
    await api('DELETE', '/api/session').catch(() => undefined);
    setCsrfToken(undefined);
    client.setQueryData(meKey, null);
    navigate('/login', { replace: true });
  };

  const step = me.data.pending;
  return (
    <div className="auth-page">
      <Card className="auth-card" style={step === 'enrol' ? { width: 520 } : undefined}>
        <div className="auth-brand">
          <span className="app-logo-mark">督</span>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {common.appTitle}
          </Typography.Title>
        </div>
        {step === 'totp' ? (
          <>
            <Typography.Title level={5}>{t.step.totpTitle}</Typography.Title>
            <Typography.Paragraph type="secondary">{t.step.totpIntro}</Typography.Paragraph>
            <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
            <Form<{ code: string }> layout="vertical" onFinish={verify} requiredMark={false}>
              <Form.Item
                label={t.step.code}
                name="code"
                rules={[{ required: true, message: t.step.codeRequired }]}
              >
                <Input autoComplete="one-time-code" autoFocus maxLength={20} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t.step.verify}
              </Button>
            </Form>
          </>
        ) : null}
        {step === 'enrol' ? (
          <>
            <Typography.Title level={5}>{t.step.enrolTitle}</Typography.Title>
            <Alert type="info" showIcon message={t.step.enrolRequired} style={{ marginBottom: 16 }} />
            <TwoFactorEnrol onDone={refresh} />
          </>
        ) : null}
        {step === 'password' ? (
          <>
            <Typography.Title level={5}>{t.step.passwordTitle}</Typography.Title>
            <Typography.Paragraph type="secondary">{t.step.passwordIntro}</Typography.Paragraph>
            <PasswordForm onDone={refresh} />
          </>
        ) : null}
        <Button type="link" onClick={logout} style={{ marginTop: 12, paddingLeft: 0 }}>
          {t.step.logout}
        </Button>
      </Card>
    </div>
  );
}
