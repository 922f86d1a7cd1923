import { Alert, Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { can, useCurrentUser } from '../../api/session.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { admin as t } from '../../i18n/admin.ts';
import { LeaderTab } from './LeaderTab.tsx';
import { UnitTab } from './UnitTab.tsx';
import './directory.css';

const TABS = ['department', 'school', 'leader'] as const;
type TabKey = (typeof TABS)[number];

/** /directory: the units (股室, 学校) and bureau leaders of the organization, with their aliases. */
export default function DirectoryPage() {
  const me = useCurrentUser();
  const editable = can(me, 'directory.edit');
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'department';

  return (
    <PageContainer title={t.directory.title} subtitle={t.directory.subtitle}>
      {editable ? null : (
        <Alert type="info" showIcon message={t.directory.readOnly} style={{ marginBottom: 12 }} />
      )}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: 'department',
              label: t.directory.tabs.department,
              children: <UnitTab kind="department" editable={editable} />,
            },
            {
              key: 'school',
              label: t.directory.tabs.school,
              children: <UnitTab kind="school" editable={editable} />,
            },
            { key: 'leader', label: t.directory.tabs.leader, children: <LeaderTab editable={editable} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
