import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../domain/context.ts';
import { ABILITIES, type Ability } from '../shared/abilities.ts';
import { ROLES } from '../shared/accounts.ts';
import { readsBulletins, writesBulletins } from './bulletins.ts';
import { seesAllScores } from './dashboard.ts';
import { mayEditDirectory } from './directory.ts';
import { isFindingSupervisor } from './findings.ts';
import { can, permissionsFor, requirePermission } from './index.ts';
import { actingUnit, hasBusinessRole, isBoundLeader, readsWholeOrganization } from './roles.ts';
import { canReview, isSupervisorOf } from './tasks.ts';
import { whatApplies } from './work.ts';

// The role × ability table, written out: a change of a rule shows up here as a change of this table
// (and in SECURITY.md, generated from the same rules by scripts/security-table.ts).

const ORG = 7;

/** A user of the bureau with these roles, bound to a unit and a leader row when a role needs one. */
function actor(roles: Role[], binding: { unitId?: number | null; leaderId?: number | null } = {}): Actor {
  const unitUser = roles.some((r) => r === 'department' || r === 'school');
  return {
    organizationId: ORG,
    userId: 1,
    label: 'test',
    roles,
    unitId: binding.unitId !== undefined ? binding.unitId : unitUser ? 11 : null,
    leaderId: binding.leaderId !== undefined ? binding.leaderId : roles.includes('leader') ? 3 : null,
  };
}

const business: Ability[] = ['tokens.own', 'plans.read', 'tasks.read'];
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

// 三员分立: the three administrators hold no business ability (plans, tasks, reports, dashboards,
// bulletins, evaluations, findings, supervision); only the auditor reads the audit log.
const expected: Record<Role, Ability[]> = {
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
    ...business,
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
    ...business,
    'reports.review',
    'extensions.decide',
    'supervision.overview',
    'balance.read',
    'dashboard.read',
    'bulletins.read',
    'evaluation.read',
    'compare.use',
  ],
  department: [...business, ...unitWork],
  school: [...business, ...unitWork, 'balance.fill'],
  viewer: [
    ...business,
    'plans.readAll',
    'inspections.overview',
    'balance.read',
    'dashboard.read',
    'bulletins.read',
    'evaluation.read',
    'compare.use',
  ],
};

const sorted = (list: readonly Ability[]) => [...list].sort();

describe('abilities per role', () => {
  for (const role of ROLES) {
    it(`grants ${role} exactly its abilities`, () => {
      expect(sorted(permissionsFor(actor([role])))).toEqual(sorted(expected[role]));
    });
  }

  it('lists abilities once each, in the order of the shared list, for several roles together', () => {
    const list = permissionsFor(actor(['supervisor', 'leader', 'department']));
    expect(list).toEqual(ABILITIES.filter((a) => list.includes(a)));
    expect(sorted(list)).toEqual(
      sorted([...new Set([...expected.supervisor, ...expected.leader, ...expected.department])]),
    );
  });

  it('gives no unit work to a department user without a unit, and no reviewing to a leader without a leader row', () => {
    const loose = permissionsFor(actor(['department'], { unitId: null }));
    expect(loose.filter((a) => unitWork.includes(a))).toEqual([]);
    const leader = permissionsFor(actor(['leader'], { leaderId: null }));
    expect(leader).not.toContain('reports.review');
    expect(leader).not.toContain('extensions.decide');
    // The supervision center's rule is the role alone.
    expect(leader).toContain('supervision.overview');
  });

  it('refuses with the use case message, or the general one', () => {
    const viewer = actor(['viewer']);
    expect(() => requirePermission(viewer, 'settings.edit', '只有管理员可以修改设置。')).toThrow(
      '只有管理员可以修改设置。',
    );
    expect(() => requirePermission(viewer, 'users.manage')).toThrow('无权执行此操作');
    expect(() => requirePermission(viewer, 'plans.read')).not.toThrow();
  });

  it('gives an administrator business abilities only with a business role besides', () => {
    for (const admin of ['admin', 'security_admin', 'auditor'] as const) {
      const alone = permissionsFor(actor([admin]));
      expect(alone.filter((a) => expected.viewer.includes(a) && a !== 'tokens.own')).toEqual([]);
      expect(sorted(permissionsFor(actor([admin, 'supervisor'])))).toEqual(
        sorted([...new Set([...expected[admin], ...expected.supervisor])]),
      );
    }
  });
});

// Every combination of roles, bound and unbound: each ability equals the predicate the use cases call.
const combinations: Actor[] = [];
for (let mask = 1; mask < 1 << ROLES.length; mask++) {
  const roles = ROLES.filter((_, i) => mask & (1 << i));
  combinations.push(actor(roles));
  combinations.push(actor(roles, { unitId: null, leaderId: null }));
}

describe('abilities follow the rules the server enforces', () => {
  const rules: Array<[Ability, (a: Actor) => boolean]> = [
    ['directory.edit', mayEditDirectory],
    ['plans.readAll', readsWholeOrganization],
    ['plans.read', hasBusinessRole],
    ['tasks.edit', (a) => isSupervisorOf(a, ORG)],
    ['reports.submit', (a) => actingUnit(a) !== null],
    ['reports.review', (a) => canReview(a, ORG, isBoundLeader(a))],
    ['extensions.decide', (a) => whatApplies(a).extensions],
    ['completions.decide', (a) => whatApplies(a).completions],
    ['findings.manage', isFindingSupervisor],
    ['inspections.file', (a) => actingUnit(a) !== null],
    ['bulletins.write', writesBulletins],
    ['bulletins.read', readsBulletins],
    ['dashboard.read', seesAllScores],
    ['evaluation.read', (a) => seesAllScores(a) || actingUnit(a) !== null],
    ['evaluation.edit', (a) => isSupervisorOf(a, ORG)],
    ['compare.carryOver', (a) => isSupervisorOf(a, ORG)],
  ];
  for (const [ability, rule] of rules) {
    it(`${ability} for ${combinations.length} kinds of user`, () => {
      for (const a of combinations) expect([a.roles, can(a, ability)]).toEqual([a.roles, rule(a)]);
    });
  }
});
