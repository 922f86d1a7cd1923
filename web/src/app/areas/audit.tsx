import { AuditOutlined } from '@ant-design/icons';
import { audit } from '../../i18n/audit.ts';
import { type Area, lazyPage } from '../area.ts';

/** The audit trail (审计记录): the 审计管理员's page, listing and exporting the organization's audit entries. */
export const auditArea: Area = {
  routes: [{ path: 'audit', ...lazyPage(() => import('../../pages/audit/AuditPage.tsx'), ['audit.read']) }],
  menu: [
    { path: '/audit', label: audit.menu, icon: <AuditOutlined />, abilities: ['audit.read'], order: 88 },
  ],
};
