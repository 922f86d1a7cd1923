import type { Kysely } from 'kysely';
import { binaryType, cascadeTo, withId } from './column-types.ts';

// Frozen: never edit a migration that has shipped; add a new file instead.

/** Creates the directory, plans, tasks, indicators, reporting, supervision and audit tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('organizations'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, s.createTable('units'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('school_kind', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('units_org_name', ['organization_id', 'name'])
    .execute();

  await withId(db, s.createTable('unit_aliases'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('unit_id', 'integer', cascadeTo('units'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_aliases_org_alias', ['organization_id', 'alias'])
    .execute();

  await withId(db, s.createTable('leaders'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('leaders_org_name', ['organization_id', 'name'])
    .execute();

  await withId(db, s.createTable('users'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('leader_id', 'integer', (c) => c.references('leaders.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('user_roles')
    .addColumn('user_id', 'integer', cascadeTo('users'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await s
    .createTable('settings')
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['organization_id', 'key'])
    .execute();

  await s
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', binaryType(db), (c) => c.notNull())
    .execute();

  await withId(db, s.createTable('notices'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, s.createTable('plans'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('notice_id', 'integer', (c) => c.references('notices.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('issuer', 'text')
    .addColumn('doc_number', 'text')
    .addColumn('notice_title', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('preamble', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('plans_org').on('plans').columns(['organization_id', 'year']).execute();

  await withId(db, s.createTable('sections'))
    .addColumn('plan_id', 'integer', cascadeTo('plans'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source_start', 'integer')
    .addColumn('source_end', 'integer')
    .execute();
  await s.createIndex('sections_plan').on('sections').column('plan_id').execute();

  await withId(db, s.createTable('items'))
    .addColumn('plan_id', 'integer', cascadeTo('plans'))
    .addColumn('section_id', 'integer', cascadeTo('sections'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('weight', 'real', (c) => c.notNull().defaultTo(1))
    .addColumn('source_start', 'integer')
    .addColumn('source_end', 'integer')
    .execute();
  await s.createIndex('items_plan').on('items').column('plan_id').execute();

  await s
    .createTable('item_leaders')
    .addColumn('item_id', 'integer', cascadeTo('items'))
    .addColumn('leader_id', 'integer', cascadeTo('leaders'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_leaders_pk', ['item_id', 'leader_id'])
    .execute();
  await s.createIndex('item_leaders_leader').on('item_leaders').column('leader_id').execute();

  await s
    .createTable('item_units')
    .addColumn('item_id', 'integer', cascadeTo('items'))
    .addColumn('unit_id', 'integer', cascadeTo('units'))
    .addColumn('is_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_units_pk', ['item_id', 'unit_id'])
    .execute();
  await s.createIndex('item_units_unit').on('item_units').column('unit_id').execute();

  await createWorkTables(db);
  await createSupervisionTables(db);
}

async function createWorkTables(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('tasks'))
    .addColumn('plan_id', 'integer', cascadeTo('plans'))
    .addColumn('item_id', 'integer', cascadeTo('items'))
    .addColumn('parent_task_id', 'integer', (c) => c.references('tasks.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('users.id'))
    .addColumn('completed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('tasks_plan').on('tasks').column('plan_id').execute();
  await s.createIndex('tasks_item').on('tasks').column('item_id').execute();

  await s
    .createTable('task_units')
    .addColumn('task_id', 'integer', cascadeTo('tasks'))
    .addColumn('unit_id', 'integer', cascadeTo('units'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();
  await s.createIndex('task_units_unit').on('task_units').column('unit_id').execute();

  await withId(db, s.createTable('indicators'))
    .addColumn('task_id', 'integer', cascadeTo('tasks'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('per', 'text')
    .addColumn('target_min', 'real')
    .addColumn('target_max', 'real')
    .addColumn('target_value', 'real')
    .addColumn('name', 'text')
    .addColumn('due_on', 'text')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .execute();
  await s.createIndex('indicators_task').on('indicators').column('task_id').execute();

  await withId(db, s.createTable('indicator_slots'))
    .addColumn('indicator_id', 'integer', cascadeTo('indicators'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('indicator_slots_indicator').on('indicator_slots').column('indicator_id').execute();

  await withId(db, s.createTable('occurrences'))
    .addColumn('indicator_id', 'integer', cascadeTo('indicators'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await s.createIndex('occurrences_indicator').on('occurrences').column('indicator_id').execute();

  await withId(db, s.createTable('reports'))
    .addColumn('task_id', 'integer', cascadeTo('tasks'))
    .addColumn('unit_id', 'integer', cascadeTo('units'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('self_status', 'text', (c) => c.notNull())
    .addColumn('percent', 'real', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('reports_task_unit_period', ['task_id', 'unit_id', 'period'])
    .execute();

  await withId(db, s.createTable('evidence'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('evidence_owner').on('evidence').columns(['owner_type', 'owner_id']).execute();

  await withId(db, s.createTable('reviews'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('reviews_target').on('reviews').columns(['target_type', 'target_id']).execute();

  await withId(db, s.createTable('completion_requests'))
    .addColumn('task_id', 'integer', cascadeTo('tasks'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, s.createTable('extensions'))
    .addColumn('task_id', 'integer', cascadeTo('tasks'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('old_due_on', 'text', (c) => c.notNull())
    .addColumn('new_due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

async function createSupervisionTables(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  await withId(db, s.createTable('reminders'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('recipient_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('recipient_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .execute();

  await withId(db, s.createTable('supervision_notices'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('plan_id', 'integer', cascadeTo('plans'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    .addColumn('reply_due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('issued_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('supervision_notices_number', ['organization_id', 'year', 'seq'])
    .execute();

  await withId(db, s.createTable('findings'))
    .addColumn('organization_id', 'integer', cascadeTo('organizations'))
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, s.createTable('audit_log'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await s
    .createIndex('audit_log_org_time')
    .on('audit_log')
    .columns(['organization_id', 'created_at'])
    .execute();
}
