import { SafetyCertificateOutlined } from '@ant-design/icons';
import { findings } from '../../i18n/findings.ts';
import { type Area, lazyPage } from '../area.ts';

/** Findings to rectify (问题整改): the register, the detail drawer and the monthly inspections. */
export const findingsArea: Area = {
  routes: [
    { path: 'findings', ...lazyPage(() => import('../../pages/findings/FindingsPage.tsx'), ['plans.read']) },
  ],
  menu: [
    {
      path: '/findings',
      label: findings.menu,
      icon: <SafetyCertificateOutlined />,
      // Every business role reads the register; viewers only read, the API offers them no action.
      abilities: ['plans.read'],
      order: 37,
    },
  ],
};
