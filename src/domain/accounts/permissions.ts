import { readsWholeOrganization } from '../../db/queries/visibility.ts';
import { ABILITIES, type Ability } from '../../shared/abilities.ts';
import { writesBulletins } from '../bulletin/bulletin-access.ts';
import type { Actor } from '../context.ts';
import { mayEditDirectory } from '../directory/directory-access.ts';
import { AppError } from '../errors.ts';
import { actingUnit, isFindingSupervisor } from '../findings/finding-access.ts';
import { canReview, isSupervisorOf } from '../task-access.ts';
import { whatApplies } from '../workbench/workbench-roles.ts';
import { accountMessages as m } from './messages.ts';

/** Something a user may do; sent to the client so the web app shows only what works. */
export type Permission = Ability;

const isAdmin = (actor: Actor) => actor.roles.includes('admin');
const isSupervisor = (actor: Actor) => actor.roles.includes('supervisor');
/** Supervisors and admins of the actor's own organization (the workflow's "full rights"). */
const supervises = (actor: Actor) => isSupervisorOf(actor, actor.organizationId);
/** A department or school user bound to its unit: the owner of that unit's tasks. */
const unitUser = (actor: Actor) => actingUnit(actor) !== null;
/** A leader bound to a leader row: named on items, so may review and decide on their work. */
const boundLeader = (actor: Actor) => actor.leaderId !== null && actor.roles.includes('leader');
/** Reads every unit's figures (evaluation/get-evaluation.ts `seesAllScores`; a test keeps them equal). */
const seesAllScores = (actor: Actor) => readsWholeOrganization(actor) || actor.roles.includes('leader');
const everyone = () => true;

// Each ability from the rule the use cases enforce: the predicate named here is the one they call,
// or the use case asks `can(actor, ability)` itself. Abilities concern the actor's own organization.
const RULES: Record<Ability, (actor: Actor) => boolean> = {
  'users.manage': isAdmin, // requireAdmin in accounts/*
  'audit.read': (a) => isAdmin(a) || isSupervisor(a), // list-audit.ts
  'jobs.manage': isAdmin, // jobs/list-jobs.ts, jobs/retry-job.ts
  'notifications.configure': isAdmin, // reminders/notification-settings.ts, send-test-message.ts
  'reminders.read': (a) => isAdmin(a) || isSupervisor(a), // reminders/notifications.ts listReminders
  'settings.edit': isAdmin, // settings.ts
  'calendar.edit': isAdmin, // calendar/edit-calendar-day.ts
  'schoolCalendar.edit': (a) => isAdmin(a) || isSupervisor(a), // calendar/set-school-year.ts
  'directory.edit': (a) => mayEditDirectory(a),
  'tokens.own': everyone,
  'plans.read': everyone,
  'plans.readAll': (a) => readsWholeOrganization(a), // db/queries/visibility.ts
  'plans.import': isSupervisor, // draft/*, import
  'plans.publish': isSupervisor, // publish, ledger/preview-decomposition.ts
  'reporting.edit': isSupervisor, // reporting/set-reporting-override.ts
  'tasks.read': everyone,
  'tasks.edit': supervises, // edit-task.ts
  'tasks.acknowledge': unitUser, // requireOwner in task-access.ts
  'reports.submit': unitUser,
  'occurrences.log': unitUser,
  'extensions.request': unitUser,
  'completions.request': unitUser,
  'reports.review': (a) => canReview(a, a.organizationId, boundLeader(a)), // review-report, review-occurrence
  'extensions.decide': (a) => whatApplies(a).extensions, // decide-extension.ts (canReview)
  'completions.decide': (a) => whatApplies(a).completions, // decide-completion.ts (isSupervisorOf)
  'supervision.overview': (a) => a.roles.some((r) => r === 'supervisor' || r === 'leader' || r === 'admin'),
  'supervision.notice': supervises, // supervision/issue-notice.ts, mayDecide
  'supervision.reply': unitUser, // supervision/notice-view.ts mayReply
  'supervision.urge': supervises, // reminders/urge.ts
  'findings.manage': (a) => isFindingSupervisor(a), // verify, assign, record for any unit
  'findings.record': (a) => isFindingSupervisor(a) || unitUser(a), // findings/record-finding.ts
  'inspections.file': unitUser, // findings/file-inspection.ts
  'inspections.overview': (a) => readsWholeOrganization(a), // findings/list-inspections.ts
  'dashboard.read': seesAllScores,
  'bulletins.read': (a) => writesBulletins(a) || a.roles.some((r) => r === 'leader' || r === 'viewer'),
  'bulletins.write': (a) => writesBulletins(a),
  'evaluation.read': (a) => seesAllScores(a) || a.unitId !== null, // evaluation/get-evaluation.ts
  'evaluation.edit': supervises, // evaluation/editable-plan.ts
  'compare.use': seesAllScores,
  'compare.carryOver': supervises, // plan-compare/carry-over-tasks.ts, set-previous-plan.ts
};

/** The abilities an actor holds, in the order of ABILITIES. */
export function permissionsFor(actor: Actor): Permission[] {
  return ABILITIES.filter((ability) => RULES[ability](actor));
}

/** Whether an actor holds an ability. */
export function can(actor: Actor, permission: Permission): boolean {
  return RULES[permission](actor);
}

/** Throws FORBIDDEN unless the actor is an administrator. */
export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', m.adminOnly);
}

/** Throws FORBIDDEN unless the actor holds an ability; `message` says why in the use case's words. */
export function requirePermission(
  actor: Actor,
  permission: Permission,
  message: string = m.notPermitted,
): void {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', message);
}
