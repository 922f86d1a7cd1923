import { type UserView, userPatchSchema } from '@shared/accounts.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { ApiErrorAlert, showErrorOnField } from '../../components/ApiErrorAlert.tsx';
import { zodFieldErrors } from '../../components/zod-rule.ts';
import { admin as t } from '../../i18n/admin.ts';
import { common } from '../../i18n/common.ts';
import { BindingFields } from './BindingFields.tsx';
import { unitKindFor } from './user-form.ts';

interface EditValues {
  displayName: string;
  roles: string[];
  unit?: string;
  leader?: string;
  email?: string;
}

/** Changes an account's name, roles and unit or leader in one step (PATCH /api/users/:id). */
export function EditUserModal({ user, onClose }: { user?: UserView; onClose: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!user) return;
    setError(undefined);
    form.resetFields();
    form.setFieldsValue({
      displayName: user.displayName,
      roles: user.roles,
      unit: user.unitName ?? undefined,
      leader: user.leaderName ?? undefined,
      email: user.email ?? undefined,
    });
  }, [user, form]);

  const submit = async (values: EditValues) => {
    if (!user) return;
    const parsed = userPatchSchema.safeParse({
      displayName: values.displayName,
      roles: values.roles,
      unit: unitKindFor(values.roles) ? values.unit || null : null,
      leader: values.roles.includes('leader') ? values.leader || null : null,
      email: values.email?.trim() || null,
    });
    if (!parsed.success) {
      form.setFields(zodFieldErrors(parsed.error) as Parameters<typeof form.setFields>[0]);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('PATCH', `/api/users/${user.id}`, parsed.data);
      message.success(t.users.saved);
      await client.invalidateQueries({ queryKey: ['users'] });
      await client.invalidateQueries({ queryKey: ['directory'] });
      onClose();
    } catch (caught) {
      if (!showErrorOnField(form, caught, ['displayName', 'email', 'roles', 'unit', 'leader']))
        setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== undefined}
      title={user ? t.users.editTitle(user.displayName) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={common.save}
      confirmLoading={busy}
      destroyOnHidden
      width={520}
    >
      <ApiErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form<EditValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t.users.username}>
          <Input value={user?.username} disabled />
        </Form.Item>
        <Form.Item
          label={t.users.displayName}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: common.required }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label={t.users.email} name="email" extra={t.users.emailHint}>
          <Input type="email" autoComplete="off" maxLength={254} />
        </Form.Item>
        <BindingFields form={form} />
      </Form>
    </Modal>
  );
}
