import { CloudServerOutlined } from '@ant-design/icons';
import { jobs } from '../../i18n/jobs.ts';
import { type Area, lazyPage } from '../area.ts';

/** Background jobs (后台任务): what the job runner did, failed jobs with their errors, retrying them. */
export const jobsArea: Area = {
  routes: [{ path: 'jobs', ...lazyPage(() => import('../../pages/jobs/JobsPage.tsx'), ['jobs.manage']) }],
  menu: [
    {
      path: '/jobs',
      group: 'system',
      label: jobs.menu,
      icon: <CloudServerOutlined />,
      abilities: ['jobs.manage'],
      order: 95,
    },
  ],
};
