import type { Kysely } from 'kysely';
import { SUPERVISOR_ROLE } from '../../policies/roles.ts';
import type { ReminderLogEntry, ReminderLogQuery } from '../../shared/notifications.ts';
import type { DB, ReminderTable } from '../schema.ts';

/** A person who may be reminded: enabled user with unit, leader, e-mail and whether they supervise. */
export interface ReminderPersonRow {
  userId: number;
  unitId: number | null;
  leaderId: number | null;
  email: string | null;
  supervisor: boolean;
}

/** The enabled users of an organization as reminder recipients. */
export async function listReminderPeople(
  db: Kysely<DB>,
  organizationId: number,
): Promise<ReminderPersonRow[]> {
  const [users, supervisors] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'unit_id', 'leader_id', 'email'])
      .where('organization_id', '=', organizationId)
      .where('disabled', '=', 0)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('user_roles.user_id as userId')
      .where('users.organization_id', '=', organizationId)
      .where('user_roles.role', '=', SUPERVISOR_ROLE)
      .execute(),
  ]);
  const supervising = new Set(supervisors.map((s) => s.userId));
  return users.map((u) => ({
    userId: u.id,
    unitId: u.unit_id,
    leaderId: u.leader_id,
    email: u.email,
    supervisor: supervising.has(u.id),
  }));
}

/** An organization's published plans (id and year). */
export async function listPublishedPlans(
  db: Kysely<DB>,
  organizationId: number,
): Promise<Array<{ id: number; year: number }>> {
  return db
    .selectFrom('plans')
    .select(['id', 'year'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
}

/** The organizations that have a published plan (the daily job runs for each). */
export async function listOrganizationsWithPublishedPlans(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('plans')
    .select('organization_id')
    .distinct()
    .where('status', '=', 'published')
    .orderBy('organization_id')
    .execute();
  return rows.map((r) => r.organization_id);
}

/** The (recipient, channel) pairs already recorded for a day and kind: the daily run skips them. */
export async function listDayReminderKeys(
  db: Kysely<DB>,
  organizationId: number,
  day: string,
  kind: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('reminders')
    .select(['recipient_user_id', 'channel'])
    .where('organization_id', '=', organizationId)
    .where('day', '=', day)
    .where('kind', '=', kind)
    .execute();
  return new Set(rows.map((r) => reminderKey(r.recipient_user_id, r.channel)));
}

/** The key of a recipient and channel in listDayReminderKeys' answer. */
export function reminderKey(userId: number | null, channel: string): string {
  return `${userId ?? 'group'}/${channel}`;
}

/** A new reminder row's values. */
export type NewReminder = Pick<
  ReminderTable,
  'target_type' | 'target_id' | 'recipient_user_id' | 'recipient_unit_id' | 'channel' | 'kind' | 'message'
> & { organization_id: number; scheduled_for: string; day: string | null; status: 'pending' | 'sent' };

/** Records a reminder; returns its id. */
export async function insertReminder(db: Kysely<DB>, values: NewReminder): Promise<number> {
  const row = await db
    .insertInto('reminders')
    .values({
      ...values,
      sent_at: values.status === 'sent' ? values.scheduled_for : null,
      error: null,
      attempts: values.status === 'sent' ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the outcome of a delivery. */
export async function finishReminder(
  db: Kysely<DB>,
  id: number,
  outcome: { status: 'sent' | 'failed' | 'pending'; at: string; error: string | null; attempts: number },
): Promise<void> {
  await db
    .updateTable('reminders')
    .set((eb) => ({
      status: outcome.status,
      sent_at: outcome.status === 'sent' ? outcome.at : null,
      error: outcome.error,
      attempts: eb('attempts', '+', outcome.attempts),
    }))
    .where('id', '=', id)
    .execute();
}

/** A reminder waiting for an external channel (deferred by quiet hours, or just recorded). */
export interface PendingReminder {
  id: number;
  channel: string;
  kind: string;
  day: string | null;
  message: string;
  recipientUserId: number | null;
  email: string | null;
}

/** The organization's reminders still pending on e-mail or a robot, oldest first. */
export async function listPendingExternalReminders(
  db: Kysely<DB>,
  organizationId: number,
): Promise<PendingReminder[]> {
  return db
    .selectFrom('reminders')
    .leftJoin('users', 'users.id', 'reminders.recipient_user_id')
    .select([
      'reminders.id as id',
      'reminders.channel as channel',
      'reminders.kind as kind',
      'reminders.day as day',
      'reminders.message as message',
      'reminders.recipient_user_id as recipientUserId',
      'users.email as email',
    ])
    .where('reminders.organization_id', '=', organizationId)
    .where('reminders.status', '=', 'pending')
    .where('reminders.channel', '!=', 'inapp')
    .orderBy('reminders.id')
    .execute();
}

/** A page of the organization's reminder log, newest first, with names. */
export async function listReminderLog(
  db: Kysely<DB>,
  organizationId: number,
  query: ReminderLogQuery,
): Promise<{ rows: ReminderLogEntry[]; total: number }> {
  let base = db
    .selectFrom('reminders')
    .leftJoin('users', 'users.id', 'reminders.recipient_user_id')
    .leftJoin('units', 'units.id', 'reminders.recipient_unit_id')
    .where('reminders.organization_id', '=', organizationId);
  if (query.status) base = base.where('reminders.status', '=', query.status);
  if (query.channel) base = base.where('reminders.channel', '=', query.channel);
  // scheduled_for is a UTC instant; a Shanghai day starts 8 hours earlier in UTC.
  if (query.from) base = base.where('reminders.scheduled_for', '>=', shanghaiDayStart(query.from));
  if (query.to) base = base.where('reminders.scheduled_for', '<', shanghaiDayStart(nextDay(query.to)));
  const [rows, count] = await Promise.all([
    base
      .select([
        'reminders.id as id',
        'reminders.day as day',
        'reminders.kind as kind',
        'reminders.channel as channel',
        'reminders.target_type as targetType',
        'reminders.target_id as targetId',
        'users.display_name as recipient',
        'units.name as recipientUnit',
        'reminders.message as message',
        'reminders.scheduled_for as scheduledFor',
        'reminders.sent_at as sentAt',
        'reminders.status as status',
        'reminders.error as error',
        'reminders.attempts as attempts',
      ])
      .orderBy('reminders.id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      channel: r.channel as ReminderLogEntry['channel'],
      attempts: Number(r.attempts),
    })),
    total: Number(count.n),
  };
}

function shanghaiDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The enabled users bound to some units, with their e-mail addresses. */
export async function listUnitUsers(
  db: Kysely<DB>,
  organizationId: number,
  unitIds: readonly number[],
): Promise<Array<{ userId: number; unitId: number; email: string | null }>> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select(['id', 'unit_id', 'email'])
    .where('organization_id', '=', organizationId)
    .where('disabled', '=', 0)
    .where('unit_id', 'in', [...unitIds])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ userId: r.id, unitId: r.unit_id ?? 0, email: r.email }));
}

/** An item's plan and organization, if the item exists. */
export async function findItemPlan(
  db: Kysely<DB>,
  itemId: number,
): Promise<{ planId: number; organizationId: number; title: string; no: number } | undefined> {
  return db
    .selectFrom('items')
    .innerJoin('plans', 'plans.id', 'items.plan_id')
    .select([
      'plans.id as planId',
      'plans.organization_id as organizationId',
      'items.title as title',
      'items.no as no',
    ])
    .where('items.id', '=', itemId)
    .executeTakeFirst();
}

/** The owner units (lead first) of some tasks. */
export async function listTaskOwnerUnits(db: Kysely<DB>, taskIds: readonly number[]): Promise<number[]> {
  if (taskIds.length === 0) return [];
  const rows = await db
    .selectFrom('task_units')
    .select(['unit_id', 'role'])
    .where('task_id', 'in', [...taskIds])
    .execute();
  const lead = rows.filter((r) => r.role === 'lead').map((r) => r.unit_id);
  const co = rows.filter((r) => r.role !== 'lead').map((r) => r.unit_id);
  return [...new Set([...lead, ...co])];
}
