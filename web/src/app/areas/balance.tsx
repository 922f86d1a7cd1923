import { FormOutlined, FundOutlined } from '@ant-design/icons';
import type { Ability } from '@shared/abilities.ts';
import { balance as t } from '../../i18n/balance.ts';
import { type Area, lazyPage } from '../area.ts';

const everyone: Ability[] = ['balance.read', 'balance.manage', 'balance.fill'];
const roundsPage = lazyPage(() => import('../../pages/balance/BalancePage.tsx'), everyone);

/**
 * School data collection (一表通) and the balance monitor (均衡监测). The bureau's entry 均衡监测 is
 * /balance; a school's entry 数据填报 is /balance/fill, the same rounds page seen by a school (the
 * page and the API show each side its own). Two addresses keep the menu's keys distinct for a user
 * who holds both sides' abilities.
 */
export const balanceArea: Area = {
  routes: [
    { path: 'balance', ...roundsPage },
    { path: 'balance/fill', ...roundsPage },
    { path: 'balance/rounds/:id', ...lazyPage(() => import('../../pages/balance/RoundPage.tsx'), everyone) },
  ],
  menu: [
    {
      path: '/balance/fill',
      label: t.menuFill,
      icon: <FormOutlined />,
      abilities: ['balance.fill'],
      order: 12,
    },
    {
      path: '/balance',
      label: t.menu,
      icon: <FundOutlined />,
      abilities: ['balance.read', 'balance.manage'],
      order: 39,
    },
  ],
};
