import { ProfileOutlined } from '@ant-design/icons';
import { planTreeQuery, queryClient } from '../../api/query-client.ts';
import { board as t } from '../../i18n/board.ts';
import { type Area, lazyPage } from '../area.ts';

/** The plan board (工作要点): the plans, one plan's items by section, and an item's page. */
export const boardArea: Area = {
  routes: [
    { path: 'plans', ...lazyPage(() => import('../../pages/board/PlansPage.tsx'), ['plans.read']) },
    {
      path: 'plans/:planId',
      // The plan starts loading while the board's code is still downloading.
      loader: ({ params }) => {
        const query = planTreeQuery(Number(params.planId));
        if (query.enabled) void queryClient.prefetchQuery(query);
        return null;
      },
      ...lazyPage(() => import('../../pages/board/BoardPage.tsx'), ['plans.read']),
    },
    {
      path: 'plans/:planId/items/:itemId',
      ...lazyPage(() => import('../../pages/item/ItemPage.tsx'), ['plans.read']),
    },
  ],
  menu: [{ path: '/plans', label: t.menu, icon: <ProfileOutlined />, abilities: ['plans.read'], order: 20 }],
};
