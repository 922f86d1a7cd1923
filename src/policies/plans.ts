import type { Kysely } from 'kysely';
import { findVisiblePlan, type PlanRow } from '../db/queries/plans.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { policyMessages as M } from './messages.ts';
import {
  type AbilityRule,
  hasBusinessRole,
  isSupervisor,
  readsWholeOrganization,
  supervises,
} from './roles.ts';

export { planReach } from './roles.ts';

// Plans (工作要点): supervisors import, edit drafts and publish their own organization's plans; every
// business role reads them (tasks filtered by visibility.ts); supervisors and viewers read all of
// their organization's and their child bureaus' plans, and write none of the children's.

/** The abilities of plans. */
export const planAbilities = {
  'plans.read': hasBusinessRole,
  'plans.readAll': readsWholeOrganization,
  'plans.import': isSupervisor,
  'plans.publish': isSupervisor,
  'reporting.edit': isSupervisor,
} satisfies Record<string, AbilityRule>;

/** A plan as the policies need it. */
export interface PlanFacts {
  organizationId: number;
}

/** Whether the actor reads plans at all (the three administrators do not, 三员分立). */
export function mayReadPlans(actor: Actor): boolean {
  return hasBusinessRole(actor);
}

/** Throws FORBIDDEN unless the actor reads plans. */
export function requirePlanReader(actor: Actor): void {
  if (!mayReadPlans(actor)) throw new AppError('FORBIDDEN', M.notPermitted);
}

/** Whether the actor may publish this plan: a supervisor of its organization (not of a parent). */
export function mayPublish(actor: Actor, plan: PlanFacts): boolean {
  return supervises(actor, plan.organizationId);
}

/** Throws FORBIDDEN unless the actor publishes plans (before the plan is even looked up). */
export function requirePublisher(actor: Actor): void {
  if (!isSupervisor(actor)) throw new AppError('FORBIDDEN', M.notPublisher);
}

/** Whether the actor may import notices and edit or discard this draft plan. */
export function mayEditDraft(actor: Actor, plan: PlanFacts): boolean {
  return supervises(actor, plan.organizationId);
}

/** Whether the actor may change the reporting rule of this plan or its tasks. */
export function mayEditReporting(actor: Actor, plan: PlanFacts): boolean {
  return supervises(actor, plan.organizationId);
}

/**
 * Loads a plan the actor may change: NOT_FOUND when they cannot read it (`notFound` says so in the
 * use case's words); FORBIDDEN when they read it but it is not their organization's (a parent
 * bureau reads its districts' plans and changes none) or they do not supervise.
 */
export async function requireWritablePlan(
  db: Kysely<DB>,
  actor: Actor,
  planId: number,
  notFound: string,
): Promise<PlanRow> {
  const plan = await findVisiblePlan(db, actor, planId);
  if (!plan) throw new AppError('NOT_FOUND', notFound, { planId });
  if (!supervises(actor, plan.organization_id)) throw new AppError('FORBIDDEN', M.supervisorOnly, { planId });
  return plan;
}
