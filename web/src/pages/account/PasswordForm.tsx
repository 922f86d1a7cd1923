import type { changePasswordSchema } from '@shared/accounts.ts';
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { common as t } from '../../i18n/common.ts';
import { security } from '../../i18n/security.ts';

type ChangePassword = z.infer<typeof changePasswordSchema> & { again: string };

/** The form of changing one's own password (the password page and an expired password at login). */
export function PasswordForm({ onDone }: { onDone: () => void | Promise<void> }) {
  const [form] = Form.useForm<ChangePassword>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ again: _again, ...values }: ChangePassword) => {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/api/me/password', values);
      form.resetFields();
      await onDone();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['current', 'next'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
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
          extra={security.passwordHint}
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
    </>
  );
}
