import { TrophyOutlined } from '@ant-design/icons';
import { evaluation as t } from '../../i18n/evaluation.ts';
import { type Area, lazyPage } from '../area.ts';

/** The year-end evaluation (年终考核): every role sees the menu; departments and schools see their own line. */
export const evaluationArea: Area = {
  routes: [{ path: 'evaluation', ...lazyPage(() => import('../../pages/evaluation/EvaluationPage.tsx')) }],
  menu: [
    {
      path: '/evaluation',
      label: t.menu,
      icon: <TrophyOutlined />,
      roles: ['supervisor', 'admin', 'leader', 'viewer', 'department', 'school'],
      order: 42,
    },
  ],
};
