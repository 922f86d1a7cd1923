import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card } from 'antd';
import { apiGet } from '../../api/client.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { security as t } from '../../i18n/security.ts';
import { TwoFactorEnrol } from './TwoFactorEnrol.tsx';

const statusKey = ['two-factor', 'status'] as const;

/** /account/two-factor: anyone may turn on a second factor for their own login. */
export default function TwoFactorPage() {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: statusKey,
    queryFn: () => apiGet<{ enabled: boolean }>('/api/me/two-factor'),
  });
  return (
    <PageContainer title={t.menu.twoFactor}>
      <Card style={{ maxWidth: 560 }} loading={status.isPending}>
        {status.data?.enabled ? (
          <Alert type="success" showIcon message={t.enrol.enabled} />
        ) : (
          <>
            <Alert type="info" showIcon message={t.enrol.notEnabled} style={{ marginBottom: 16 }} />
            <TwoFactorEnrol onDone={() => client.invalidateQueries({ queryKey: statusKey })} />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
