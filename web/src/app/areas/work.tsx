import { AuditOutlined, ScheduleOutlined } from '@ant-design/icons';
import { common } from '../../i18n/common.ts';
import { type Area, lazyPage } from '../area.ts';

/** My to-do list (我的待办) and the review queue (待审核). */
export const workArea: Area = {
  routes: [
    { path: 'workbench', ...lazyPage(() => import('../../pages/workbench/WorkbenchPage.tsx')) },
    { path: 'review', ...lazyPage(() => import('../../pages/review/ReviewPage.tsx')) },
  ],
  menu: [
    {
      path: '/workbench',
      label: common.menu.workbench,
      icon: <ScheduleOutlined />,
      roles: ['department', 'school', 'leader', 'supervisor'],
      order: 10,
      badge: 'workbench',
    },
    {
      path: '/review',
      label: common.menu.review,
      icon: <AuditOutlined />,
      roles: ['leader', 'supervisor'],
      order: 30,
      badge: 'review',
    },
  ],
};
