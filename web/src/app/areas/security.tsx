import { SafetyCertificateOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import { security as t } from '../../i18n/security.ts';
import { type Area, lazyPage } from '../area.ts';

/**
 * Security (等保 2.0 level 3): the security administrator's policy and locks pages, and every
 * user's own two-factor page.
 */
export const securityArea: Area = {
  routes: [
    {
      path: 'security/policy',
      ...lazyPage(() => import('../../pages/security/SecurityPolicyPage.tsx'), ['security.manage']),
    },
    {
      path: 'security/locks',
      ...lazyPage(() => import('../../pages/security/LocksPage.tsx'), ['security.manage']),
    },
    { path: 'account/two-factor', ...lazyPage(() => import('../../pages/security/TwoFactorPage.tsx')) },
  ],
  menu: [
    {
      path: '/security/policy',
      group: 'system',
      label: t.menu.policy,
      icon: <SafetyCertificateOutlined />,
      abilities: ['security.manage'],
      order: 72,
    },
    {
      path: '/security/locks',
      group: 'system',
      label: t.menu.locks,
      icon: <UnlockOutlined />,
      abilities: ['security.manage'],
      order: 74,
    },
    {
      path: '/account/two-factor',
      group: 'system',
      label: t.menu.twoFactor,
      icon: <SafetyOutlined />,
      order: 95,
    },
  ],
};
