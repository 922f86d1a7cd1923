import type { Ability } from '@shared/abilities.ts';
import type { Me } from '../api/session.ts';

// Signed-in users of the component tests, one per role, with the abilities the server grants that
// role (written out as in the server's own table, src/policies/index.test.ts).

const everyone: Ability[] = ['tokens.own', 'plans.read', 'tasks.read'];
const unitWork: Ability[] = [
  'tasks.acknowledge',
  'reports.submit',
  'occurrences.log',
  'extensions.request',
  'completions.request',
  'supervision.reply',
  'findings.record',
  'inspections.file',
  'evaluation.read',
];

const abilities: Record<string, Ability[]> = {
  // 三员分立: the three administrators hold no business ability.
  admin: [
    'tokens.own',
    'users.manage',
    'jobs.manage',
    'notifications.configure',
    'settings.edit',
    'calendar.edit',
    'schoolCalendar.edit',
    'directory.edit',
  ],
  security_admin: ['tokens.own', 'security.manage'],
  auditor: ['tokens.own', 'audit.read', 'audit.export'],
  supervisor: [
    ...everyone,
    'reminders.read',
    'schoolCalendar.edit',
    'directory.edit',
    'plans.readAll',
    'plans.import',
    'plans.publish',
    'reporting.edit',
    'tasks.edit',
    'reports.review',
    'extensions.decide',
    'completions.decide',
    'supervision.overview',
    'supervision.notice',
    'supervision.urge',
    'findings.manage',
    'findings.record',
    'inspections.overview',
    'balance.read',
    'balance.manage',
    'dashboard.read',
    'bulletins.read',
    'bulletins.write',
    'evaluation.read',
    'evaluation.edit',
    'compare.use',
    'compare.carryOver',
  ],
  leader: [
    ...everyone,
    'reports.review',
    'extensions.decide',
    'supervision.overview',
    'balance.read',
    'dashboard.read',
    'bulletins.read',
    'evaluation.read',
    'compare.use',
  ],
  department: [...everyone, ...unitWork],
  school: [...everyone, ...unitWork, 'balance.fill'],
  viewer: [
    ...everyone,
    'plans.readAll',
    'inspections.overview',
    'balance.read',
    'dashboard.read',
    'bulletins.read',
    'evaluation.read',
    'compare.use',
  ],
};

/** The test users' roles. */
export type TestRole =
  | 'admin'
  | 'security_admin'
  | 'auditor'
  | 'supervisor'
  | 'leader'
  | 'department'
  | 'school'
  | 'viewer';

/** A signed-in user of one role: 办公室 for a department, 城关小学 for a school, 陈玲玲 for a leader. */
export function userOf(role: TestRole): Me {
  return {
    user: { id: 1, username: role, displayName: role },
    organization: { id: 1, name: '云溪区教育体育局' },
    roles: [role],
    unit:
      role === 'department'
        ? { id: 1, name: '办公室', kind: 'department' }
        : role === 'school'
          ? { id: 9, name: '城关小学', kind: 'school' }
          : null,
    leader: role === 'leader' ? { id: 1, name: '陈玲玲' } : null,
    permissions: abilities[role] ?? [],
    csrfToken: 'test',
  };
}
