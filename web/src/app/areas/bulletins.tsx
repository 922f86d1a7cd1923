import { NotificationOutlined } from '@ant-design/icons';
import { bulletins as t } from '../../i18n/bulletins.ts';
import { type Area, lazyPage } from '../area.ts';

/** The monthly bulletins (工作通报): list, generate, edit, issue. */
export const bulletinsArea: Area = {
  routes: [
    {
      path: 'bulletins',
      ...lazyPage(() => import('../../pages/bulletins/BulletinsPage.tsx'), ['bulletins.read']),
    },
    {
      path: 'bulletins/:id',
      ...lazyPage(() => import('../../pages/bulletins/BulletinPage.tsx'), ['bulletins.read']),
    },
  ],
  menu: [
    {
      path: '/bulletins',
      label: t.menu,
      icon: <NotificationOutlined />,
      abilities: ['bulletins.read'],
      order: 38,
    },
  ],
};
