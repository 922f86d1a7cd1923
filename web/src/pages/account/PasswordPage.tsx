import type { changePasswordSchema } from '@shared/accounts.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { api, setCsrfToken } from '../../api/client.ts';
import { meKey } from '../../api/session.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { common as t } from '../../i18n/common.ts';

type ChangePassword = z.infer<typeof changePasswordSchema> & { again: string };

/** A user changes their own password; every session ends, so they sign in again. */
export default function PasswordPage() {
  const [form] = Form.useForm<ChangePassword>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ again: _again, ...values }: ChangePassword) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/api/me/password', values);
      message.success(t.password.done);
      setCsrfToken(undefined);
      client.setQueryData(meKey, null);
      navigate('/login', { replace: true });
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['current', 'next'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer title={t.password.title}>
      <Card style={{ maxWidth: 440 }}>
        <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Form<ChangePassword> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label={t.password.current}
            name="current"
            rules={[{ required: true, message: t.required }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t.password.next}
            name="next"
            extra={t.setup.passwordHint}
            rules={[{ required: true, message: t.required }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t.password.again}
            name="again"
            dependencies={['next']}
            rules={[
              { required: true, message: t.required },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue('next')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t.setup.passwordMismatch)),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.password.submit}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
