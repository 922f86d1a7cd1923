import { AlertOutlined, FileTextOutlined } from '@ant-design/icons';
import { supervision as t } from '../../i18n/supervision.ts';
import { type Area, lazyPage } from '../area.ts';

/** The supervision center (督办中心) and supervision notices (督办单). */
export const supervisionArea: Area = {
  routes: [
    { path: 'supervision', ...lazyPage(() => import('../../pages/supervision/SupervisionCenterPage.tsx')) },
    { path: 'supervision/notices', ...lazyPage(() => import('../../pages/supervision/NoticesPage.tsx')) },
  ],
  menu: [
    {
      path: '/supervision',
      label: t.menu.center,
      icon: <AlertOutlined />,
      roles: ['supervisor', 'leader', 'admin'],
      order: 35,
    },
    {
      path: '/supervision/notices',
      label: t.menu.notices,
      icon: <FileTextOutlined />,
      roles: ['department', 'school'],
      order: 36,
    },
  ],
};
