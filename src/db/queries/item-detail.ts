import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/context.ts';
import { planReach } from '../../policies/roles.ts';
import type { DB, EvidenceTable, ReviewTable } from '../schema.ts';
import { taskVisibleTo } from './visibility.ts';

// The item page's reads: each takes the ids of the tasks the actor may see and loads one kind of
// record for all of them in one query, so the page costs the same number of queries for any item.

/** An item with its plan and section, if the organization may read the plan. */
export async function findReadableItem(db: Kysely<DB>, actor: Actor, itemId: number) {
  const reach = planReach(actor);
  const organizationId = reach === 'none' ? -1 : actor.organizationId;
  return (
    db
      .selectFrom('items')
      .innerJoin('plans', 'plans.id', 'items.plan_id')
      .innerJoin('sections', 'sections.id', 'items.section_id')
      .select([
        'items.id',
        'items.no',
        'items.title',
        'items.body',
        'items.weight',
        'plans.id as plan_id',
        'plans.title as plan_title',
        'plans.year as plan_year',
        'plans.status as plan_status',
        'plans.organization_id',
        'sections.id as section_id',
        'sections.no as section_no',
        'sections.title as section_title',
      ])
      .where('items.id', '=', itemId)
      // Whose plans the actor reads is the policy's (src/policies/plans.ts planReach): their own, and
      // those of the bureaus directly under it for readers of the whole organization (DESIGN.md, Scale).
      .where((eb) =>
        eb.or([
          eb('plans.organization_id', '=', organizationId),
          ...(reach !== 'children'
            ? []
            : [
                eb(
                  'plans.organization_id',
                  'in',
                  eb.selectFrom('organizations').select('id').where('parent_id', '=', organizationId),
                ),
              ]),
        ]),
      )
      .executeTakeFirst()
  );
}

/** The leaders and units named by one item, in the notice's order. */
export async function listItemPeople(db: Kysely<DB>, itemId: number) {
  const [leaders, units] = await Promise.all([
    db
      .selectFrom('item_leaders')
      .innerJoin('leaders', 'leaders.id', 'item_leaders.leader_id')
      .select(['leaders.name'])
      .where('item_leaders.item_id', '=', itemId)
      .orderBy('item_leaders.position')
      .execute(),
    db
      .selectFrom('item_units')
      .innerJoin('units', 'units.id', 'item_units.unit_id')
      .select(['units.id', 'units.name', 'item_units.is_lead'])
      .where('item_units.item_id', '=', itemId)
      .orderBy('item_units.position')
      .execute(),
  ]);
  return {
    leaders: leaders.map((l) => l.name),
    units: units.map((u) => ({ id: u.id, name: u.name, isLead: Number(u.is_lead) === 1 })),
  };
}

/** The parsed indicators of one item (where a draft's body states them). */
export async function listItemIndicatorSpans(db: Kysely<DB>, itemId: number) {
  return db
    .selectFrom('item_indicators')
    .select(['id', 'kind', 'text', 'span_start', 'span_end'])
    .where('item_id', '=', itemId)
    .orderBy('position')
    .execute();
}

/** The tasks of one item the actor may see, parents before their school copies. */
export async function listVisibleItemTasks(db: Kysely<DB>, actor: Actor, itemId: number) {
  return db
    .selectFrom('tasks')
    .innerJoin('plans', 'plans.id', 'tasks.plan_id')
    .select([
      'tasks.id',
      'tasks.parent_task_id',
      'tasks.title',
      'tasks.start_on',
      'tasks.due_on',
      'tasks.status',
      'tasks.acknowledged_at',
      'tasks.completed_at',
    ])
    .where('tasks.item_id', '=', itemId)
    .where(taskVisibleTo(actor))
    .orderBy('tasks.id')
    .execute();
}

/** The owners of some tasks with unit names, lead first. */
export async function listOwnersOf(db: Kysely<DB>, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_units')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select(['task_units.task_id', 'task_units.role', 'units.id', 'units.name'])
    .where('task_units.task_id', 'in', taskIds)
    .orderBy('task_units.task_id')
    .orderBy('task_units.role', 'desc')
    .orderBy('units.id')
    .execute();
}

/** The indicators of some tasks, with their spans in the item's body. */
export async function listIndicatorsOf(db: Kysely<DB>, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('indicators')
    .selectAll()
    .where('task_id', 'in', taskIds)
    .orderBy('task_id')
    .orderBy('id')
    .execute();
}

/** Every report on some tasks with its unit and submitter's names, newest period first. */
export async function listReportsOf(db: Kysely<DB>, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('reports')
    .innerJoin('units', 'units.id', 'reports.unit_id')
    .leftJoin('users', 'users.id', 'reports.submitted_by')
    .selectAll('reports')
    .select(['units.name as unit_name', 'users.display_name as submitter'])
    .where('reports.task_id', 'in', taskIds)
    .orderBy('reports.period', 'desc')
    .orderBy('reports.unit_id')
    .execute();
}

/** Every occurrence logged on some tasks' indicators, newest first. */
export async function listOccurrencesOf(db: Kysely<DB>, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('occurrences')
    .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
    .leftJoin('units', 'units.id', 'occurrences.unit_id')
    .leftJoin('users', 'users.id', 'occurrences.created_by')
    .selectAll('occurrences')
    .select(['units.name as unit_name', 'users.display_name as creator'])
    .where('indicators.task_id', 'in', taskIds)
    .orderBy('occurrences.occurred_on', 'desc')
    .orderBy('occurrences.id', 'desc')
    .execute();
}

/** The extension requests of some tasks with requester and decider names, oldest first. */
export async function listExtensionsOf(db: Kysely<DB>, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('extensions')
    .leftJoin('users as requester', 'requester.id', 'extensions.requested_by')
    .leftJoin('users as decider', 'decider.id', 'extensions.decided_by')
    .selectAll('extensions')
    .select(['requester.display_name as requester', 'decider.display_name as decider'])
    .where('extensions.task_id', 'in', taskIds)
    .orderBy('extensions.id')
    .execute();
}

/** The completion requests of some tasks with the requester's name, oldest first. */
export async function listCompletionsOf(db: Kysely<DB>, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('completion_requests')
    .leftJoin('users', 'users.id', 'completion_requests.requested_by')
    .selectAll('completion_requests')
    .select(['users.display_name as requester'])
    .where('completion_requests.task_id', 'in', taskIds)
    .orderBy('completion_requests.id')
    .execute();
}

// The ids of the reports, occurrences, completion requests and extensions of some tasks, as
// subqueries, so reviews, evidence and audit entries of all of them are read in one query each.
function ownedBy(db: Kysely<DB>, taskIds: readonly number[]) {
  return {
    report: db.selectFrom('reports').select('reports.id').where('reports.task_id', 'in', taskIds),
    occurrence: db
      .selectFrom('occurrences')
      .innerJoin('indicators', 'indicators.id', 'occurrences.indicator_id')
      .select('occurrences.id')
      .where('indicators.task_id', 'in', taskIds),
    completion: db
      .selectFrom('completion_requests')
      .select('completion_requests.id')
      .where('completion_requests.task_id', 'in', taskIds),
    extension: db.selectFrom('extensions').select('extensions.id').where('extensions.task_id', 'in', taskIds),
  };
}

type OwnedIds = ReturnType<typeof ownedBy>[keyof ReturnType<typeof ownedBy>];

/** The reviews of the reports, occurrences and completion requests of some tasks, oldest first. */
export async function listReviewsOf(db: Kysely<DB>, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('reviews')
    .leftJoin('users', 'users.id', 'reviews.reviewer_id')
    .selectAll('reviews')
    .select(['users.display_name as reviewer'])
    .where((eb) => {
      const owned = ownedBy(db, taskIds);
      const of = (type: ReviewTable['target_type'], ids: OwnedIds) =>
        eb.and([eb('reviews.target_type', '=', type), eb('reviews.target_id', 'in', ids)]);
      return eb.or([
        of('report', owned.report),
        of('occurrence', owned.occurrence),
        of('completion', owned.completion),
      ]);
    })
    .orderBy('reviews.id')
    .execute();
}

/** The evidence files of the reports, occurrences, completion and extension requests of some tasks. */
export async function listEvidenceOf(db: Kysely<DB>, organizationId: number, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('evidence')
    .select(['id', 'owner_type', 'owner_id', 'file_name', 'media_type', 'size'])
    .where('organization_id', '=', organizationId)
    .where((eb) => {
      const owned = ownedBy(db, taskIds);
      const of = (type: EvidenceTable['owner_type'], ids: OwnedIds) =>
        eb.and([eb('owner_type', '=', type), eb('owner_id', 'in', ids)]);
      return eb.or([
        of('report', owned.report),
        of('occurrence', owned.occurrence),
        of('completion', owned.completion),
        of('extension', owned.extension),
      ]);
    })
    .orderBy('id')
    .execute();
}

/** The newest audit entries about an item, some of its tasks and the records on those tasks. */
export async function listItemAuditOf(
  db: Kysely<DB>,
  organizationId: number,
  itemId: number,
  taskIds: readonly number[],
  limit: number,
) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'actor_label', 'action', 'entity_type', 'entity_id', 'created_at'])
    .where('organization_id', '=', organizationId)
    .where((eb) => {
      const item = eb.and([eb('entity_type', '=', 'item'), eb('entity_id', '=', itemId)]);
      if (taskIds.length === 0) return item;
      const owned = ownedBy(db, taskIds);
      const of = (type: string, ids: OwnedIds) =>
        eb.and([eb('entity_type', '=', type), eb('entity_id', 'in', ids)]);
      return eb.or([
        item,
        eb.and([eb('entity_type', '=', 'task'), eb('entity_id', 'in', taskIds)]),
        of('report', owned.report),
        of('occurrence', owned.occurrence),
        of('completion_request', owned.completion),
        of('extension', owned.extension),
      ]);
    })
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
