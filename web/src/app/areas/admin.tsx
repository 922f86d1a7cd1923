import { ApartmentOutlined, ApiOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { common } from '../../i18n/common.ts';
import { type Area, lazyPage } from '../area.ts';

/** Administration: the directory (单位与领导), users and roles, settings, and one's API tokens. */
export const adminArea: Area = {
  routes: [
    { path: 'directory', ...lazyPage(() => import('../../pages/directory/DirectoryPage.tsx')) },
    { path: 'users', ...lazyPage(() => import('../../pages/users/UsersPage.tsx')) },
    { path: 'settings', ...lazyPage(() => import('../../pages/settings/SettingsPage.tsx')) },
    { path: 'tokens', ...lazyPage(() => import('../../pages/tokens/TokensPage.tsx')) },
  ],
  menu: [
    {
      path: '/directory',
      group: 'system',
      label: common.menu.directory,
      icon: <ApartmentOutlined />,
      roles: ['admin', 'supervisor'],
      order: 60,
    },
    {
      path: '/users',
      group: 'system',
      label: common.menu.users,
      icon: <TeamOutlined />,
      roles: ['admin'],
      order: 70,
    },
    {
      path: '/settings',
      group: 'system',
      label: common.menu.settings,
      icon: <SettingOutlined />,
      roles: ['admin'],
      order: 80,
    },
    { path: '/tokens', group: 'system', label: common.menu.tokens, icon: <ApiOutlined />, order: 90 },
  ],
};
