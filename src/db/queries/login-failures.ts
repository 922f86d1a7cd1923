import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Failures counted since a moment: how many, from how many addresses, and the latest. */
export interface FailureCount {
  count: number;
  addresses: number;
  lastAt: string | null;
}

/** Records one failed login (or failed current-password check). */
export async function insertLoginFailure(
  db: Kysely<DB>,
  row: { account: string; address: string; organizationId: number | null; at: string },
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ account: row.account, address: row.address, organization_id: row.organizationId, at: row.at })
    .execute();
}

/** Failures since a moment of an account, of an address, or of one account from one address. */
export async function countLoginFailures(
  db: Kysely<DB>,
  where: { account?: string; address?: string },
  since: string,
): Promise<FailureCount> {
  let query = db
    .selectFrom('login_failures')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.count<number | string>('address').distinct().as('addresses'),
      eb.fn.max('at').as('lastAt'),
    ])
    .where('at', '>=', since);
  if (where.account !== undefined) query = query.where('account', '=', where.account);
  if (where.address !== undefined) query = query.where('address', '=', where.address);
  const row = await query.executeTakeFirstOrThrow();
  // PostgreSQL returns counts as strings.
  return { count: Number(row.count), addresses: Number(row.addresses), lastAt: row.lastAt ?? null };
}

/** Forgets failures: of an account, of an address, or of one account from one address; optionally of one organization only. */
export async function deleteLoginFailures(
  db: Kysely<DB>,
  where: { account?: string; address?: string; organizationId?: number },
): Promise<number> {
  let query = db.deleteFrom('login_failures');
  if (where.account !== undefined) query = query.where('account', '=', where.account);
  if (where.address !== undefined) query = query.where('address', '=', where.address);
  if (where.organizationId !== undefined) query = query.where('organization_id', '=', where.organizationId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes failures older than the longest window, so the table stays small. */
export async function deleteLoginFailuresBefore(db: Kysely<DB>, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<', before).execute();
}

/** Per account, the failures since a moment against an organization's accounts. */
export async function summarizeFailuresByAccount(
  db: Kysely<DB>,
  organizationId: number,
  since: string,
): Promise<Array<{ account: string } & FailureCount>> {
  const rows = await db
    .selectFrom('login_failures')
    .select((eb) => [
      'account',
      eb.fn.countAll<number | string>().as('count'),
      eb.fn.count<number | string>('address').distinct().as('addresses'),
      eb.fn.max('at').as('lastAt'),
    ])
    .where('organization_id', '=', organizationId)
    .where('at', '>=', since)
    .groupBy('account')
    .orderBy('account')
    .execute();
  return rows.map((r) => ({
    account: r.account,
    count: Number(r.count),
    addresses: Number(r.addresses),
    lastAt: r.lastAt ?? null,
  }));
}

/** Per address, the failures since a moment against an organization's accounts. */
export async function summarizeFailuresByAddress(
  db: Kysely<DB>,
  organizationId: number,
  since: string,
): Promise<Array<{ address: string; count: number; lastAt: string | null }>> {
  const rows = await db
    .selectFrom('login_failures')
    .select((eb) => ['address', eb.fn.countAll<number | string>().as('count'), eb.fn.max('at').as('lastAt')])
    .where('organization_id', '=', organizationId)
    .where('at', '>=', since)
    .groupBy('address')
    .orderBy('address')
    .execute();
  return rows.map((r) => ({ address: r.address, count: Number(r.count), lastAt: r.lastAt ?? null }));
}
