import { AlertOutlined, FileTextOutlined } from '@ant-design/icons';
import { supervision as t } from '../../i18n/supervision.ts';
import { type Area, lazyPage } from '../area.ts';

/** The supervision center (督办中心) and supervision notices (督办单). */
export const supervisionArea: Area = {
  routes: [
    {
      path: 'supervision',
      ...lazyPage(
        () => import('../../pages/supervision/SupervisionCenterPage.tsx'),
        ['supervision.overview'],
      ),
    },
    { path: 'supervision/notices', ...lazyPage(() => import('../../pages/supervision/NoticesPage.tsx')) },
  ],
  menu: [
    {
      path: '/supervision',
      label: t.menu.center,
      icon: <AlertOutlined />,
      abilities: ['supervision.overview'],
      order: 35,
    },
    {
      path: '/supervision/notices',
      label: t.menu.notices,
      icon: <FileTextOutlined />,
      // Those who answer notices; supervisors and leaders open the list from the supervision center.
      abilities: ['supervision.reply'],
      order: 36,
    },
  ],
};
