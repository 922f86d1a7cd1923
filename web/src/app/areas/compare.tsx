import { DiffOutlined } from '@ant-design/icons';
import { compare as t } from '../../i18n/compare.ts';
import { type Area, lazyPage } from '../area.ts';

/** The year-on-year comparison (年度对比) of plans and the carry-over of unfinished tasks. */
export const compareArea: Area = {
  routes: [{ path: 'compare', ...lazyPage(() => import('../../pages/compare/ComparePage.tsx')) }],
  menu: [
    {
      path: '/compare',
      label: t.menu,
      icon: <DiffOutlined />,
      abilities: ['compare.use'],
      order: 27,
    },
  ],
};
