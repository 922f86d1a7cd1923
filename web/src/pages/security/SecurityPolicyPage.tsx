import { ROLES } from '@shared/accounts.ts';
import type { SecurityPolicy } from '@shared/security.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Checkbox, Form, InputNumber, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api, apiGet } from '../../api/client.ts';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { common } from '../../i18n/common.ts';
import { security as t } from '../../i18n/security.ts';

const policyKey = ['security', 'policy'] as const;

/** /security/policy: the security administrator's password, session and two-factor rules. */
export default function SecurityPolicyPage() {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const policy = useQuery({
    queryKey: policyKey,
    queryFn: () => apiGet<SecurityPolicy>('/api/security/policy'),
  });

  const save = async (values: SecurityPolicy) => {
    setBusy(true);
    setError(undefined);
    try {
      client.setQueryData(policyKey, await api<SecurityPolicy>('PUT', '/api/security/policy', values));
      message.success(t.policy.saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer title={t.policy.title}>
      <Card style={{ maxWidth: 640 }} loading={policy.isPending}>
        <Typography.Paragraph type="secondary">{t.policy.intro}</Typography.Paragraph>
        <ApiErrorAlert error={policy.error ?? error} style={{ marginBottom: 16 }} />
        {policy.data ? (
          <Form<SecurityPolicy>
            layout="vertical"
            initialValues={policy.data}
            onFinish={save}
            requiredMark={false}
          >
            <Form.Item
              label={t.policy.passwordComplexity}
              name="passwordComplexity"
              valuePropName="checked"
              extra={t.policy.passwordComplexityHint}
            >
              <Switch />
            </Form.Item>
            <Form.Item
              label={t.policy.passwordMaxAgeDays}
              name="passwordMaxAgeDays"
              extra={t.policy.passwordMaxAgeHint}
            >
              <InputNumber min={0} max={3650} precision={0} />
            </Form.Item>
            <Form.Item label={t.policy.idleMinutes} name="idleMinutes" extra={t.policy.idleHint}>
              <InputNumber min={1} max={1440} precision={0} />
            </Form.Item>
            <Form.Item label={t.policy.absoluteHours} name="absoluteHours" extra={t.policy.absoluteHint}>
              <InputNumber min={1} max={720} precision={0} />
            </Form.Item>
            <Form.Item label={t.policy.twoFactorRoles} name="twoFactorRoles" extra={t.policy.twoFactorHint}>
              <Checkbox.Group
                options={ROLES.map((role) => ({ value: role, label: common.account.roles[role] ?? role }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t.policy.save}
            </Button>
          </Form>
        ) : null}
      </Card>
    </PageContainer>
  );
}
