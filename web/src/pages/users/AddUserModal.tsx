import { usernameSchema } from '@shared/accounts.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodRule } from '../../components/zod-rule.ts';
import { admin as t } from '../../i18n/admin.ts';
import { common } from '../../i18n/common.ts';
import { BindingFields } from './BindingFields.tsx';
import { checkNewUser, type UserFormValues } from './user-form.ts';

const FIELDS = ['username', 'displayName', 'email', 'password', 'roles', 'unit', 'leader'];

/** Creates an account: username, name, initial password, roles, and the unit or leader it is bound to. */
export function AddUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<UserFormValues>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const submit = async (values: UserFormValues) => {
    const checked = checkNewUser(values);
    if (!checked.ok) {
      form.setFields(checked.errors as Parameters<typeof form.setFields>[0]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/api/users', checked.body);
      message.success(t.users.created(checked.body.displayName ?? checked.body.username));
      await client.invalidateQueries({ queryKey: ['users'] });
      await client.invalidateQueries({ queryKey: ['directory'] });
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, FIELDS)) setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t.users.addTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={common.save}
      confirmLoading={busy}
      destroyOnHidden
      width={520}
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ roles: [] }}
        aria-label={t.users.addTitle}
      >
        <Form.Item
          label={t.users.username}
          name="username"
          extra={t.users.usernameHint}
          rules={[{ required: true, message: common.required }, zodRule(usernameSchema)]}
        >
          <Input autoFocus autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label={t.users.displayName} name="displayName">
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label={t.users.email} name="email" extra={t.users.emailHint}>
          <Input type="email" autoComplete="off" maxLength={254} />
        </Form.Item>
        <Form.Item
          label={t.users.password}
          name="password"
          extra={t.users.passwordHint}
          rules={[{ required: true, message: common.required }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <BindingFields form={form} />
      </Form>
    </Modal>
  );
}
