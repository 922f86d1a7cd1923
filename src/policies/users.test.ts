import { describe, expect, it } from 'vitest';
import type { Role } from '../domain/context.ts';
import { mayEditDirectory } from './directory.ts';
import { can } from './index.ts';
import { actorOf, CHILD, OWN } from './test-actors.ts';
import { mayManageSecurity, mayManageUsers, requireUserManager } from './users.ts';

// [role, manages accounts, security policy, the directory, reads the audit log, jobs and settings]
const table: Array<[Role, boolean, boolean, boolean, boolean, boolean]> = [
  ['admin', true, false, true, false, true],
  ['security_admin', false, true, false, false, false],
  ['auditor', false, false, false, true, false],
  ['supervisor', false, false, true, false, false],
  ['leader', false, false, false, false, false],
  ['department', false, false, false, false, false],
  ['school', false, false, false, false, false],
  ['viewer', false, false, false, false, false],
];

describe('accounts, security, directory, audit and system policies (三员分立)', () => {
  for (const [role, users, security, directory, audit, system] of table) {
    it(`${role}: users ${users}, security ${security}, directory ${directory}, audit ${audit}, system ${system}`, () => {
      const actor = actorOf([role]);
      expect(mayManageUsers(actor)).toBe(users);
      expect(mayManageUsers(actor, CHILD)).toBe(false);
      expect(mayManageUsers(actorOf([role], OWN), OWN)).toBe(users);
      expect(mayManageSecurity(actor)).toBe(security);
      expect(can(actor, 'security.manage')).toBe(security);
      expect(mayEditDirectory(actor)).toBe(directory);
      expect(can(actor, 'audit.read')).toBe(audit);
      expect(can(actor, 'audit.export')).toBe(audit);
      for (const ability of [
        'jobs.manage',
        'settings.edit',
        'calendar.edit',
        'notifications.configure',
      ] as const)
        expect(can(actor, ability)).toBe(system);
      if (!users) expect(() => requireUserManager(actor)).toThrow('系统管理员');
    });
  }
});
