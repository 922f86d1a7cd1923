import type { UserView } from '@shared/accounts.ts';
import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { admin as t } from '../../i18n/admin.ts';
import { common } from '../../i18n/common.ts';

/** Sets a new password for a user; the server ends all their sessions. */
export function ResetPasswordModal({ user, onClose }: { user?: UserView; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (user) {
      form.resetFields();
      setError(undefined);
    }
  }, [user, form]);

  const submit = async ({ password }: { password: string }) => {
    if (!user) return;
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/api/users/${user.id}/password`, { password });
      message.success(t.users.passwordReset);
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['password'])) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== undefined}
      title={user ? t.users.resetTitle(user.displayName) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.users.resetPassword}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t.users.resetHint} style={{ marginBottom: 16 }} />
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={t.users.newPassword}
          name="password"
          extra={t.users.passwordHint}
          rules={[{ required: true, message: common.required }]}
        >
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
