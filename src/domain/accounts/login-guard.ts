import type { Kysely } from 'kysely';
import { findLoginAttempts, saveLoginAttempt } from '../../db/queries/login-attempts.ts';
import {
  countLoginFailures,
  deleteLoginFailures,
  deleteLoginFailuresBefore,
  insertLoginFailure,
} from '../../db/queries/login-failures.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { accountMessages as m } from './messages.ts';

/**
 * Password guessing is slowed, not stopped by a lock anyone could trigger: after a few failures
 * each further try waits 1 s, 2 s, 4 s … (capped). The delay of an account applies only to the
 * addresses that failed on it, so the owner logging in from elsewhere is never held up by a
 * guesser; the delay of an address (an office behind one NAT) starts later and is capped lower.
 * Only many failures from many addresses (a distributed attack) lock the account itself.
 */
export const LOGIN_GUARD = {
  windowMinutes: 60,
  account: { freeFailures: 3, maxDelaySeconds: 60 },
  address: { freeFailures: 20, maxDelaySeconds: 30 },
  lock: { failures: 20, addresses: 5, minutes: 30 },
} as const;

/** The one key an account's failures and lock are kept under (usernames compare without case). */
export function accountKey(username: string): string {
  return username.trim().toLowerCase();
}

const lockKey = (account: string) => `account:${account}`;

/** The wait after `count` failures when the first `free` cost nothing: 1 s, 2 s, 4 s … up to `max`. */
export function delaySeconds(count: number, free: number, max: number): number {
  if (count < free) return 0;
  return Math.min(max, 2 ** Math.min(count - free, 30));
}

/** What one attempt is checked against. */
export interface Attempt {
  account: string;
  address: string;
}

/** Seconds to wait before this attempt may be checked (0: go ahead), and whether the account is locked. */
export async function waitBeforeAttempt(
  db: Kysely<DB>,
  attempt: Attempt,
  now: Date,
): Promise<{ seconds: number; locked: boolean }> {
  const [lock] = await findLoginAttempts(db, [lockKey(attempt.account)]);
  if (lock?.locked_until && lock.locked_until > now.toISOString()) {
    return { seconds: secondsUntil(lock.locked_until, now), locked: true };
  }
  const since = new Date(now.getTime() - LOGIN_GUARD.windowMinutes * 60_000).toISOString();
  const pair = await countLoginFailures(db, attempt, since);
  let wait = 0;
  if (pair.count > 0 && pair.lastAt) {
    const account = await countLoginFailures(db, { account: attempt.account }, since);
    const g = LOGIN_GUARD.account;
    wait = Math.max(
      wait,
      remaining(pair.lastAt, delaySeconds(account.count, g.freeFailures, g.maxDelaySeconds), now),
    );
  }
  const address = await countLoginFailures(db, { address: attempt.address }, since);
  if (address.lastAt) {
    const g = LOGIN_GUARD.address;
    wait = Math.max(
      wait,
      remaining(address.lastAt, delaySeconds(address.count, g.freeFailures, g.maxDelaySeconds), now),
    );
  }
  return { seconds: wait, locked: false };
}

/** Throws RATE_LIMITED (with retryAfterSeconds) while the attempt must wait or the account is locked. */
export async function assertMayAttempt(db: Kysely<DB>, attempt: Attempt, now: Date): Promise<void> {
  const { seconds, locked } = await waitBeforeAttempt(db, attempt, now);
  if (locked) throw lockedError(seconds);
  if (seconds > 0) throw delayedError(seconds);
}

/**
 * Counts a failure; locks the account when the window holds many failures from many addresses.
 * Returns whether this failure locked it.
 */
export async function recordFailure(
  db: Kysely<DB>,
  attempt: Attempt & { organizationId: number | null },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  await deleteLoginFailuresBefore(db, new Date(now.getTime() - 24 * 3600_000).toISOString());
  await insertLoginFailure(db, { ...attempt, at });
  const [previous] = await findLoginAttempts(db, [lockKey(attempt.account)]);
  const windowStart = new Date(now.getTime() - LOGIN_GUARD.windowMinutes * 60_000).toISOString();
  // Failures already answered by a lock do not count again, so its end does not lock at once.
  const since = previous && previous.window_start > windowStart ? previous.window_start : windowStart;
  const account = await countLoginFailures(db, { account: attempt.account }, since);
  const { failures, addresses, minutes } = LOGIN_GUARD.lock;
  if (account.count < failures || account.addresses < addresses) return false;
  const lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
  await saveLoginAttempt(db, {
    key: lockKey(attempt.account),
    window_start: at,
    count: account.count,
    locked_until: lockedUntil,
  });
  return true;
}

/** Forgets an account's failures from one address after it proved the password there. */
export async function clearFailures(db: Kysely<DB>, attempt: Attempt): Promise<void> {
  await deleteLoginFailures(db, attempt);
}

/** The end of an account's lock, if it is locked now. */
export async function accountLockedUntil(db: Kysely<DB>, account: string, now: Date): Promise<string | null> {
  const [lock] = await findLoginAttempts(db, [lockKey(account)]);
  return lock?.locked_until && lock.locked_until > now.toISOString() ? lock.locked_until : null;
}

/** The key of an account's lock row (for unlocking). */
export function lockRowKey(account: string): string {
  return lockKey(account);
}

/** RATE_LIMITED for a delay. */
export function delayedError(seconds: number): AppError {
  return new AppError('RATE_LIMITED', m.loginDelayed(seconds), { retryAfterSeconds: seconds });
}

/** RATE_LIMITED for a locked account. */
export function lockedError(seconds: number): AppError {
  return new AppError('RATE_LIMITED', m.accountLocked(Math.ceil(seconds / 60)), {
    retryAfterSeconds: seconds,
  });
}

function secondsUntil(iso: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 1000));
}

function remaining(lastAt: string, delay: number, now: Date): number {
  if (delay === 0) return 0;
  const left = Date.parse(lastAt) + delay * 1000 - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}
