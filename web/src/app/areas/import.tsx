import { FileAddOutlined } from '@ant-design/icons';
import { common } from '../../i18n/common.ts';
import { type Area, lazyPage } from '../area.ts';

/** Importing a notice (导入通知) and reviewing its draft before publishing; for supervisors. */
export const importArea: Area = {
  routes: [
    { path: 'import', ...lazyPage(() => import('../../pages/import/ImportPage.tsx'), ['plans.import']) },
    {
      path: 'import/:planId',
      ...lazyPage(() => import('../../pages/import/DraftReviewPage.tsx'), ['plans.import']),
    },
  ],
  menu: [
    {
      path: '/import',
      label: common.menu.import,
      icon: <FileAddOutlined />,
      abilities: ['plans.import'],
      order: 25,
    },
  ],
};
