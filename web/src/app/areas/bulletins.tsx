import { NotificationOutlined } from '@ant-design/icons';
import { bulletins as t } from '../../i18n/bulletins.ts';
import { type Area, lazyPage } from '../area.ts';

/** The monthly bulletins (工作通报): list, generate, edit, issue. */
export const bulletinsArea: Area = {
  routes: [
    { path: 'bulletins', ...lazyPage(() => import('../../pages/bulletins/BulletinsPage.tsx')) },
    { path: 'bulletins/:id', ...lazyPage(() => import('../../pages/bulletins/BulletinPage.tsx')) },
  ],
  menu: [
    {
      path: '/bulletins',
      label: t.menu,
      icon: <NotificationOutlined />,
      roles: ['supervisor', 'admin', 'leader', 'viewer'],
      order: 38,
    },
  ],
};
