import { BarChartOutlined } from '@ant-design/icons';
import { dashboard as t } from '../../i18n/dashboard.ts';
import { type Area, lazyPage } from '../area.ts';

const page = lazyPage(() => import('../../pages/dashboard/DashboardPage.tsx'));

/** The dashboard (统计看板): the latest plan at /dashboard, any plan at /plans/:planId/dashboard. */
export const dashboardArea: Area = {
  routes: [
    { path: 'dashboard', ...page },
    { path: 'plans/:planId/dashboard', ...page },
  ],
  menu: [
    {
      path: '/dashboard',
      label: t.menu,
      icon: <BarChartOutlined />,
      abilities: ['dashboard.read'],
      order: 40,
    },
  ],
};
