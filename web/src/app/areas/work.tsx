import { AuditOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { Ability } from '@shared/abilities.ts';
import { common } from '../../i18n/common.ts';
import { type Area, lazyPage } from '../area.ts';

// The workbench has a unit's own work, extension requests to decide and completion requests to accept.
const workbenchAbilities: Ability[] = ['reports.submit', 'extensions.decide', 'completions.decide'];

/** My to-do list (我的待办) and the review queue (待审核). */
export const workArea: Area = {
  routes: [
    {
      path: 'workbench',
      ...lazyPage(() => import('../../pages/workbench/WorkbenchPage.tsx'), workbenchAbilities),
    },
    { path: 'review', ...lazyPage(() => import('../../pages/review/ReviewPage.tsx'), ['reports.review']) },
  ],
  menu: [
    {
      path: '/workbench',
      label: common.menu.workbench,
      icon: <ScheduleOutlined />,
      abilities: workbenchAbilities,
      order: 10,
      badge: 'workbench',
    },
    {
      path: '/review',
      label: common.menu.review,
      icon: <AuditOutlined />,
      abilities: ['reports.review'],
      order: 30,
      badge: 'review',
    },
  ],
};
