// Policies: the ONE place that says who may do what to a resource (DESIGN.md "Who uses it", 三员分立).
//
// The pattern (follow it for every resource; H6's findings.ts too):
//   - One file per resource: src/policies/<resource>.ts (plans, tasks, reports, bulletins, ...).
//   - It exports `<resource>Abilities`: the rule of each ability of src/shared/abilities.ts that
//     belongs to the resource, `(actor) => boolean`, about the actor's own organization. This map is
//     what GET /api/me sends (permissionsFor) and what SECURITY.md's role table is generated from
//     (scripts/security-table.ts); every ability has a Chinese name in ABILITY_NAMES below.
//   - It exports the resource-level checks the use cases call: `mayPublish(actor, plan)`,
//     `mayReview(actor, task)`, ... (booleans) and `require...` variants that throw the one
//     AppError (FORBIDDEN; NOT_FOUND where "what one may not see does not exist"). A resource of
//     another organization is refused by comparing `organizationId` here, never in the use case.
//   - Use cases (domain/**) call the policy themselves, so HTTP, the CLI and jobs are guarded alike.
//     Routes only parse input and call the use case; they name no role.
//   - Role codes appear only in src/policies/roles.ts (holds, isSupervisor, actingUnit, ...);
//     src/db/queries/visibility.ts builds its SQL from those predicates.
//   - The CLI and jobs act as `systemActor` (domain/context.ts) holding admin + supervisor explicitly.
//   - Tests: src/policies/<resource>.test.ts, table-driven over the roles.
//   - findings.ts (H6) exports `findingAbilities` = { 'findings.manage', 'findings.record',
//     'inspections.file', 'inspections.overview' } built from roles.ts predicates, plus its checks.
//
// This file joins the resources' maps into the one table of abilities; `can`, `permissionsFor` and
// `requirePermission` read it (src/domain/accounts/permissions.ts re-exports them).

import { accountMessages as m } from '../domain/accounts/messages.ts';
import type { Actor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { ABILITIES, type Ability } from '../shared/abilities.ts';
import { auditAbilities } from './audit.ts';
import { balanceAbilities } from './balance.ts';
import { bulletinAbilities } from './bulletins.ts';
import { calendarAbilities } from './calendar.ts';
import { compareAbilities } from './compare.ts';
import { dashboardAbilities } from './dashboard.ts';
import { directoryAbilities } from './directory.ts';
import { evaluationAbilities } from './evaluation.ts';
import { findingAbilities } from './findings.ts';
import { jobAbilities } from './jobs.ts';
import { notificationAbilities } from './notifications.ts';
import { planAbilities } from './plans.ts';
import type { AbilityRule } from './roles.ts';
import { settingAbilities } from './settings.ts';
import { supervisionAbilities } from './supervision.ts';
import { taskAbilities } from './tasks.ts';
import { userAbilities } from './users.ts';
import { workAbilities } from './work.ts';

/** Every ability's rule; the type makes a missing ability a compile error. */
export const RULES: Record<Ability, AbilityRule> = {
  ...userAbilities,
  ...auditAbilities,
  ...jobAbilities,
  ...notificationAbilities,
  ...settingAbilities,
  ...calendarAbilities,
  ...directoryAbilities,
  ...planAbilities,
  ...taskAbilities,
  ...workAbilities,
  ...supervisionAbilities,
  ...findingAbilities,
  ...balanceAbilities,
  ...dashboardAbilities,
  ...bulletinAbilities,
  ...evaluationAbilities,
  ...compareAbilities,
};

/** The abilities an actor holds, in the order of ABILITIES. */
export function permissionsFor(actor: Actor): Ability[] {
  return ABILITIES.filter((ability) => RULES[ability](actor));
}

/** Whether an actor holds an ability. */
export function can(actor: Actor, ability: Ability): boolean {
  return RULES[ability](actor);
}

/** Throws FORBIDDEN unless the actor holds an ability; `message` says why in the use case's words. */
export function requirePermission(actor: Actor, ability: Ability, message: string = m.notPermitted): void {
  if (!can(actor, ability)) throw new AppError('FORBIDDEN', message);
}

export { ABILITY_NAMES } from './messages.ts';
