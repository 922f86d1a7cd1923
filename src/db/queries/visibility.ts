import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import { actingUnit, isBoundLeader, readsWholeOrganization } from '../../policies/roles.ts';

export { readsWholeOrganization };

// Raw SQL on purpose: the predicate is used in queries that join different tables around `tasks`
// and `plans`, and a typed expression builder would have to be re-typed for each join shape.

/**
 * The SQL condition "the actor may see this task", over a query that names the tables `tasks` and
 * `plans`, from the policies (src/policies/roles.ts): supervisors and viewers see their organization
 * and its child bureaus; leaders the items naming them; department and school users the tasks their
 * unit leads or co-owns; the three administrators nothing (三员分立).
 */
export function taskVisibleTo(actor: Actor): RawBuilder<SqlBool> {
  if (readsWholeOrganization(actor)) {
    // A city bureau's supervisors read the plans of the districts under it (DESIGN.md, Scale).
    return sql<SqlBool>`(plans.organization_id = ${actor.organizationId} or plans.organization_id in (select o.id from organizations o where o.parent_id = ${actor.organizationId}))`;
  }
  const clauses: RawBuilder<SqlBool>[] = [];
  const unitId = actingUnit(actor);
  if (unitId !== null) clauses.push(sql<SqlBool>`${ownsTask(unitId)}`);
  if (isBoundLeader(actor) && actor.leaderId !== null) {
    clauses.push(sql<SqlBool>`${leadsItemOfTask(actor.leaderId)}`);
  }
  if (clauses.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(plans.organization_id = ${actor.organizationId} and (${sql.join(clauses, sql` or `)}))`;
}

/** The SQL condition "this unit leads or co-owns the task `tasks`". */
export function ownsTask(unitId: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from task_units tu where tu.task_id = tasks.id and tu.unit_id = ${unitId})`;
}

/** The SQL condition "this leader is named on the item of the task `tasks`". */
export function leadsItemOfTask(leaderId: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from item_leaders il where il.item_id = tasks.item_id and il.leader_id = ${leaderId})`;
}

/** A 0/1 column saying whether a condition holds for the row (both databases read it as a number). */
export function flag(condition: RawBuilder<SqlBool>): RawBuilder<number> {
  return sql<number>`case when ${condition} then 1 else 0 end`;
}
