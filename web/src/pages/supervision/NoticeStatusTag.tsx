import type { NoticeView } from '@shared/supervision.ts';
import { Tag } from 'antd';
import { supervision as t } from '../../i18n/supervision.ts';

/** The status of a notice as a coloured tag, with 已逾期 when its reply is late. */
export function NoticeStatusTag({ notice }: { notice: Pick<NoticeView, 'status' | 'overdue'> }) {
  return (
    <>
      <Tag color={t.statusColor[notice.status]}>{t.status[notice.status]}</Tag>
      {notice.overdue ? <Tag color="red">{t.notices.overdue}</Tag> : null}
    </>
  );
}
