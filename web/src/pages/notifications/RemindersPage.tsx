import { Card } from 'antd';
import { PageContainer } from '../../components/PageContainer.tsx';
import { notify as t } from '../../i18n/notify.ts';
import { ReminderLogTable } from './ReminderLogTable.tsx';

/** /reminders 催办记录: the organization's reminder log, for supervisors and administrators. */
export default function RemindersPage() {
  return (
    <PageContainer title={t.log.title} subtitle={t.log.subtitle}>
      <Card>
        <ReminderLogTable />
      </Card>
    </PageContainer>
  );
}
