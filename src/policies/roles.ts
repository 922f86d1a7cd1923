import type { Actor, Role } from '../domain/context.ts';

// The only file (with the SQL of src/db/queries/visibility.ts, which calls these) that names roles.
// Every policy asks these questions; nothing outside src/policies compares role codes.

/** Whether the actor holds a role. */
export function holds(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return actor.roles.includes(role);
}

/** 系统管理员: users, the directory, settings, jobs, backups; no business data (三员分立). */
export const isSystemAdmin = (actor: Pick<Actor, 'roles'>): boolean => holds(actor, 'admin');

/** 安全管理员: password, session and two-factor policy, unlocks; no business data. */
export const isSecurityAdmin = (actor: Pick<Actor, 'roles'>): boolean => holds(actor, 'security_admin');

/** 审计管理员: reads and exports the audit log; nothing else. */
export const isAuditor = (actor: Pick<Actor, 'roles'>): boolean => holds(actor, 'auditor');

/** 督办人员 (办公室/督导室): runs the plan of their organization. */
export const isSupervisor = (actor: Pick<Actor, 'roles'>): boolean => holds(actor, 'supervisor');

/** A leader bound to a leader row (named on items): reviews and decides on those items' work. */
export const isBoundLeader = (actor: Pick<Actor, 'roles' | 'leaderId'>): boolean =>
  actor.leaderId !== null && holds(actor, 'leader');

/** Holds the leader role (bound or not): reads dashboards and evaluations. */
export const isLeader = (actor: Pick<Actor, 'roles'>): boolean => holds(actor, 'leader');

/** 只读: reads the whole organization's plans, dashboards and bulletins. */
export const isViewer = (actor: Pick<Actor, 'roles'>): boolean => holds(actor, 'viewer');

/** The department or school a 股室/学校 user acts for, or null. */
export function actingUnit(actor: Pick<Actor, 'roles' | 'unitId'>): number | null {
  if (actor.unitId === null) return null;
  return holds(actor, 'department') || holds(actor, 'school') ? actor.unitId : null;
}

/** Whether the actor works on tasks as a bound department or school user. */
export const isUnitUser = (actor: Pick<Actor, 'roles' | 'unitId'>): boolean => actingUnit(actor) !== null;

/**
 * Whether the actor holds a business role at all. The three administrators (admin, security_admin,
 * auditor) see no business data unless also given one (DESIGN.md, 三员分立).
 */
export const hasBusinessRole = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.some((role) => BUSINESS_ROLES.includes(role));

/** The roles that see business data (plans, tasks, reports, dashboards, bulletins...). */
export const BUSINESS_ROLES: readonly Role[] = ['supervisor', 'leader', 'department', 'school', 'viewer'];

/** The role whose holders the reminders escalate to and the setup gives the first account. */
export const SUPERVISOR_ROLE: Role = 'supervisor';

/**
 * What the first account (the setup page) holds: system administrator and supervisor, so a bureau can
 * start at once; it then creates the security and audit administrators (三员分立).
 */
export const FIRST_ACCOUNT_ROLES: readonly Role[] = ['admin', 'supervisor'];

/** The role that manages accounts (the last one of an organization may not be removed). */
export const SYSTEM_ADMIN_ROLE: Role = 'admin';

/**
 * Whether the actor reads everything of their organization's plans and of its child bureaus' plans
 * (never writes the latter): supervisors and viewers.
 */
export const readsWholeOrganization = (actor: Pick<Actor, 'roles'>): boolean =>
  isSupervisor(actor) || isViewer(actor);

/** Whether the actor supervises the work of this organization (its own: a parent bureau only reads). */
export function supervises(actor: Pick<Actor, 'roles' | 'organizationId'>, organizationId: number): boolean {
  return actor.organizationId === organizationId && isSupervisor(actor);
}

/**
 * What the command line and jobs act as (domain/context.ts systemActor), given explicitly: they
 * manage accounts (`duban user add`) and run the plan (`duban import`, `duban plan publish`).
 */
export const SYSTEM_ROLES: readonly Role[] = ['admin', 'supervisor'];

/**
 * Whose plans the actor reads: none (the three administrators, 三员分立), their organization's, or
 * also its child bureaus' (supervisors and viewers). db/queries/plans.ts and item-detail.ts filter by it.
 */
export function planReach(actor: Pick<Actor, 'roles'>): 'none' | 'own' | 'children' {
  if (!hasBusinessRole(actor)) return 'none';
  return readsWholeOrganization(actor) ? 'children' : 'own';
}

/** Every ability rule takes the actor only: abilities concern the actor's own organization. */
export type AbilityRule = (actor: Actor) => boolean;

/** Every actor. */
export const everyone: AbilityRule = () => true;
