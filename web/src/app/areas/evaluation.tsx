import { TrophyOutlined } from '@ant-design/icons';
import { evaluation as t } from '../../i18n/evaluation.ts';
import { type Area, lazyPage } from '../area.ts';

/** The year-end evaluation (年终考核): readers of every score, and departments and schools for their own line. */
export const evaluationArea: Area = {
  routes: [
    {
      path: 'evaluation',
      ...lazyPage(() => import('../../pages/evaluation/EvaluationPage.tsx'), ['evaluation.read']),
    },
  ],
  menu: [
    {
      path: '/evaluation',
      label: t.menu,
      icon: <TrophyOutlined />,
      abilities: ['evaluation.read'],
      order: 42,
    },
  ],
};
