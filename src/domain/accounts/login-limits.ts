import type { Kysely } from 'kysely';
import { deleteLoginAttempt, findLoginAttempts, saveLoginAttempt } from '../../db/queries/login-attempts.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { accountMessages as m } from './messages.ts';

/** How many failures within a window lock a key, and for how long. */
export interface LoginLimit {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

/** Per account: a password guesser gets 5 tries per 15 minutes; per address: 20, so an office behind one NAT is not locked out by one person. */
export const LOGIN_LIMITS = {
  account: { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 },
  address: { maxFailures: 20, windowMinutes: 15, lockMinutes: 15 },
} as const satisfies Record<string, LoginLimit>;

/** The counter keys of one login attempt. */
export interface LoginKeys {
  account: string;
  address: string;
}

/** The counter keys for a username and a client address. */
export function loginKeys(username: string, ip: string): LoginKeys {
  return { account: `account:${username.trim().toLowerCase()}`, address: `address:${ip}` };
}

/** Throws RATE_LIMITED while either key is locked, saying how long to wait. */
export async function assertNotLocked(db: Kysely<DB>, keys: LoginKeys, now: Date): Promise<void> {
  const rows = await findLoginAttempts(db, [keys.account, keys.address]);
  for (const row of rows) {
    if (row.locked_until && row.locked_until > now.toISOString()) {
      throw lockedError(row.key === keys.account ? 'account' : 'address', row.locked_until, now);
    }
  }
}

/** Counts a failure against a key; returns the lock end when this failure locked it. */
export async function recordLoginFailure(
  db: Kysely<DB>,
  key: string,
  limit: LoginLimit,
  now: Date,
): Promise<string | null> {
  const [row] = await findLoginAttempts(db, [key]);
  const windowStart = new Date(now.getTime() - limit.windowMinutes * 60_000).toISOString();
  const fresh = !row || row.window_start < windowStart;
  const count = fresh ? 1 : row.count + 1;
  const lockedUntil =
    count >= limit.maxFailures ? new Date(now.getTime() + limit.lockMinutes * 60_000).toISOString() : null;
  await saveLoginAttempt(db, {
    key,
    window_start: fresh ? now.toISOString() : row.window_start,
    // A lock starts a new window, so the next failure after it counts from one again.
    count: lockedUntil ? 0 : count,
    locked_until: lockedUntil,
  });
  return lockedUntil;
}

/** Forgets an account's failures after it logged in. */
export async function clearLoginFailures(db: Kysely<DB>, key: string): Promise<void> {
  await deleteLoginAttempt(db, key);
}

/** The RATE_LIMITED error for a lock, with the seconds to wait in details. */
export function lockedError(kind: 'account' | 'address', lockedUntil: string, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const message = kind === 'account' ? m.accountLocked(minutes) : m.addressLocked(minutes);
  return new AppError('RATE_LIMITED', message, { retryAfterSeconds: seconds });
}
