import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Card } from 'antd';
import { meKey } from '../../api/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { common as t } from '../../i18n/common.ts';
import { security } from '../../i18n/security.ts';
import { PasswordForm } from './PasswordForm.tsx';

/** A user changes their own password; this session stays, every other one and every API token ends. */
export default function PasswordPage() {
  const client = useQueryClient();
  const { message } = AntApp.useApp();
  return (
    <PageContainer title={t.password.title}>
      <Card style={{ maxWidth: 440 }}>
        <PasswordForm
          onDone={async () => {
            message.success(security.passwordChanged);
            await client.invalidateQueries({ queryKey: meKey });
          }}
        />
      </Card>
    </PageContainer>
  );
}
