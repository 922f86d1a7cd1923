import { BellOutlined, HistoryOutlined, NotificationOutlined } from '@ant-design/icons';
import { notify as t } from '../../i18n/notify.ts';
import { type Area, lazyPage } from '../area.ts';

/** Notifications: 我的消息 (everyone), 通知设置 (administrators) and 催办记录 (supervisors and administrators). */
export const notifyArea: Area = {
  routes: [
    { path: 'notifications', ...lazyPage(() => import('../../pages/notifications/NotificationsPage.tsx')) },
    {
      path: 'settings/notifications',
      ...lazyPage(
        () => import('../../pages/notifications/NotificationSettingsPage.tsx'),
        ['notifications.configure'],
      ),
    },
    {
      path: 'reminders',
      ...lazyPage(() => import('../../pages/notifications/RemindersPage.tsx'), ['reminders.read']),
    },
  ],
  menu: [
    { path: '/notifications', label: t.menu.inbox, icon: <BellOutlined />, order: 15 },
    {
      path: '/settings/notifications',
      group: 'system',
      label: t.menu.settings,
      icon: <NotificationOutlined />,
      abilities: ['notifications.configure'],
      order: 82,
    },
    {
      path: '/reminders',
      group: 'system',
      label: t.menu.log,
      icon: <HistoryOutlined />,
      abilities: ['reminders.read'],
      order: 83,
    },
  ],
};
