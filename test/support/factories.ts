import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/connect.ts';
import type { DB, IndicatorTable, UserRoleTable } from '../../src/db/schema.ts';
import type { Actor, Context } from '../../src/domain/context.ts';

// Rows inserted directly, for use-case tests that need a published plan without going through
// import and publish. Every helper takes only what the test cares about.

const createdAt = '2024-02-23T02:00:00.000Z';

/** A clock tests can move: `now` for contexts, `set` to jump to a moment (UTC ISO). */
export interface TestClock {
  now: () => Date;
  set(at: string): void;
}

/** A clock fixed at a moment until moved. */
export function testClock(at: string): TestClock {
  let current = new Date(at);
  return { now: () => current, set: (next) => (current = new Date(next)) };
}

/** A context for an actor on a test database with a given clock. */
export function contextFor(database: Database, actor: Actor, clock: TestClock): Context {
  return { db: database.db, dialect: database.dialect, actor, now: clock.now };
}

/** Inserts an organization and returns its id. */
export async function addOrganization(db: Kysely<DB>, name = '岳阳市云溪区教育体育局'): Promise<number> {
  const row = await db
    .insertInto('organizations')
    .values({ name, created_at: createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts a unit (department by default) and returns its id. */
export async function addUnit(
  db: Kysely<DB>,
  organizationId: number,
  name: string,
  kind: 'department' | 'school' = 'department',
): Promise<number> {
  const row = await db
    .insertInto('units')
    .values({ organization_id: organizationId, kind, name, active: 1, created_at: createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts a leader and returns its id. */
export async function addLeader(db: Kysely<DB>, organizationId: number, name: string): Promise<number> {
  const row = await db
    .insertInto('leaders')
    .values({ organization_id: organizationId, name, created_at: createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts a user with roles and returns the actor they act as. */
export async function addUser(
  db: Kysely<DB>,
  organizationId: number,
  username: string,
  roles: UserRoleTable['role'][],
  bound: { unitId?: number; leaderId?: number } = {},
): Promise<Actor> {
  const row = await db
    .insertInto('users')
    .values({
      organization_id: organizationId,
      username,
      display_name: username,
      unit_id: bound.unitId ?? null,
      leader_id: bound.leaderId ?? null,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: row.id, role })))
    .execute();
  return {
    organizationId,
    userId: row.id,
    label: username,
    roles,
    unitId: bound.unitId ?? null,
    leaderId: bound.leaderId ?? null,
  };
}

/** Inserts a published plan with one section and returns the plan and section ids. */
export async function addPlan(
  db: Kysely<DB>,
  organizationId: number,
  options: { year?: number; publishedOn?: string; status?: 'draft' | 'published' | 'closed' } = {},
): Promise<{ planId: number; sectionId: number }> {
  const year = options.year ?? 2024;
  const plan = await db
    .insertInto('plans')
    .values({
      organization_id: organizationId,
      title: `云溪区${year}年教育体育工作要点`,
      year,
      status: options.status ?? 'published',
      published_on: options.publishedOn ?? '2024-02-23',
      preamble: '',
      warnings: '[]',
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sectionId = await addSection(db, plan.id, 1, '聚焦党建引领，落实党对教体工作的全面领导');
  return { planId: plan.id, sectionId };
}

/** Inserts a section and returns its id. */
export async function addSection(db: Kysely<DB>, planId: number, no: number, title: string): Promise<number> {
  const row = await db
    .insertInto('sections')
    .values({ plan_id: planId, no, title })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts an item with its leaders and returns its id. */
export async function addItem(
  db: Kysely<DB>,
  planId: number,
  sectionId: number,
  no: number,
  title: string,
  leaderIds: number[] = [],
  weight = 1,
): Promise<number> {
  const row = await db
    .insertInto('items')
    .values({ plan_id: planId, section_id: sectionId, no, title, body: title, weight })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (leaderIds.length > 0) {
    await db
      .insertInto('item_leaders')
      .values(leaderIds.map((leaderId, position) => ({ item_id: row.id, leader_id: leaderId, position })))
      .execute();
  }
  return row.id;
}

/** Inserts a pending task with its lead and co-owners and returns its id. */
export async function addTask(
  db: Kysely<DB>,
  planId: number,
  itemId: number,
  options: { title?: string; leadUnitId: number; coUnitIds?: number[]; startOn?: string; dueOn?: string },
): Promise<number> {
  const row = await db
    .insertInto('tasks')
    .values({
      plan_id: planId,
      item_id: itemId,
      title: options.title ?? '任务',
      lead_unit_id: options.leadUnitId,
      start_on: options.startOn ?? '2024-02-23',
      due_on: options.dueOn ?? '2024-12-31',
      status: 'pending',
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('task_units')
    .values([
      { task_id: row.id, unit_id: options.leadUnitId, role: 'lead' },
      ...(options.coUnitIds ?? []).map((unitId) => ({
        task_id: row.id,
        unit_id: unitId,
        role: 'co' as const,
      })),
    ])
    .execute();
  return row.id;
}

/** Inserts an indicator on a task and returns its id. */
export async function addIndicator(
  db: Kysely<DB>,
  taskId: number,
  options: {
    kind: IndicatorTable['kind'];
    text: string;
    per?: IndicatorTable['per'];
    min?: number;
    /** percent: the value to reach. */
    value?: number;
    name?: string;
    dueOn?: string | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('indicators')
    .values({
      task_id: taskId,
      kind: options.kind,
      text: options.text,
      per: options.per ?? null,
      target_min: options.min ?? null,
      target_value: options.value ?? null,
      name: options.name ?? null,
      due_on: options.dueOn ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Row counts of the tables a workflow write touches, to prove a refused write left nothing. */
export async function countRows(db: Kysely<DB>): Promise<Record<string, number>> {
  const tables = [
    'reports',
    'occurrences',
    'evidence',
    'blobs',
    'reviews',
    'completion_requests',
    'extensions',
    'notifications',
    'reminders',
    'audit_log',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
