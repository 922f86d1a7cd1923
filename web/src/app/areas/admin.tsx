import { ApartmentOutlined, ApiOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { common } from '../../i18n/common.ts';
import { type Area, lazyPage } from '../area.ts';

/**
 * Administration: the directory (单位与领导), users and roles, settings, and one's API tokens. The
 * directory and settings are readable by everyone (read-only without the ability to change them), so
 * only their menu entries are limited to those who change them.
 */
export const adminArea: Area = {
  routes: [
    { path: 'directory', ...lazyPage(() => import('../../pages/directory/DirectoryPage.tsx')) },
    { path: 'users', ...lazyPage(() => import('../../pages/users/UsersPage.tsx'), ['users.manage']) },
    { path: 'settings', ...lazyPage(() => import('../../pages/settings/SettingsPage.tsx')) },
    { path: 'tokens', ...lazyPage(() => import('../../pages/tokens/TokensPage.tsx')) },
  ],
  menu: [
    {
      path: '/directory',
      group: 'system',
      label: common.menu.directory,
      icon: <ApartmentOutlined />,
      abilities: ['directory.edit'],
      order: 60,
    },
    {
      path: '/users',
      group: 'system',
      label: common.menu.users,
      icon: <TeamOutlined />,
      abilities: ['users.manage'],
      order: 70,
    },
    {
      path: '/settings',
      group: 'system',
      label: common.menu.settings,
      icon: <SettingOutlined />,
      abilities: ['settings.edit'],
      order: 80,
    },
    { path: '/tokens', group: 'system', label: common.menu.tokens, icon: <ApiOutlined />, order: 90 },
  ],
};
