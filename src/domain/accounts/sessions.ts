import type { Kysely } from 'kysely';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  setSessionStage,
  touchSession,
} from '../../db/queries/sessions.ts';
import type { DB } from '../../db/schema.ts';
import type { PendingStep } from '../../shared/security.ts';
import { readSecurityPolicy } from './security-policy.ts';
import { randomSecret, sha256Hex } from './tokens.ts';

// Renewing on every request would write on every read; once a minute is precise enough.
const RENEW_AFTER_MS = 60_000;
// A login waiting for its second step may not wait long.
const PENDING_MS = 10 * 60_000;

/** What session functions need: the database and the clock. */
export interface SessionDeps {
  db: Kysely<DB>;
  now: () => Date;
}

/** A live session as the HTTP layer sees it. */
export interface LiveSession {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
  /** The login step still missing, or null once the login is complete. */
  pending: PendingStep | null;
}

/** Starts a session with a brand-new id (never reusing one the client sent, so no fixation). */
export async function createSession(
  deps: SessionDeps,
  user: { id: number; organizationId: number },
  client: { ip: string | null; userAgent: string | null },
  pending: PendingStep | null = null,
): Promise<{ token: string; session: LiveSession }> {
  const now = deps.now();
  const policy = await readSecurityPolicy(deps.db, user.organizationId);
  const token = randomSecret();
  const idle = pending ? PENDING_MS : policy.idleMinutes * 60_000;
  const session: LiveSession = {
    id: sha256Hex(token),
    userId: user.id,
    csrfToken: randomSecret(),
    expiresAt: new Date(now.getTime() + idle).toISOString(),
    pending,
  };
  await deleteExpiredSessions(deps.db, now.toISOString());
  await insertSession(deps.db, {
    id: session.id,
    user_id: user.id,
    csrf_token: session.csrfToken,
    created_at: now.toISOString(),
    expires_at: session.expiresAt,
    last_seen_at: now.toISOString(),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
    stage: pending ?? 'full',
  });
  return { token, session };
}

/**
 * The live session a cookie token names, renewing its idle expiry; undefined when unknown or
 * past the organization's idle timeout or absolute lifetime (both read at every request, so a
 * stricter policy applies to sessions already open).
 */
export async function lookupSession(deps: SessionDeps, token: string): Promise<LiveSession | undefined> {
  const id = sha256Hex(token);
  const row = await findSession(deps.db, id);
  if (!row) return undefined;
  const now = deps.now().getTime();
  const policy = await readSecurityPolicy(deps.db, row.organization_id);
  const pending = row.stage === 'full' ? null : (row.stage as PendingStep);
  const idleMs = pending ? PENDING_MS : policy.idleMinutes * 60_000;
  const hardEnd = Date.parse(row.created_at) + policy.absoluteHours * 3600_000;
  const idleEnd = Math.min(Date.parse(row.expires_at), Date.parse(row.last_seen_at) + idleMs);
  if (idleEnd <= now || hardEnd <= now) {
    await deleteSession(deps.db, id);
    return undefined;
  }
  let expiresAt = new Date(idleEnd).toISOString();
  if (now - Date.parse(row.last_seen_at) >= RENEW_AFTER_MS) {
    expiresAt = new Date(Math.min(now + idleMs, hardEnd)).toISOString();
    await touchSession(deps.db, id, new Date(now).toISOString(), expiresAt);
  }
  return { id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt, pending };
}

/** Moves a session to its next login step, or completes it (null), restarting its idle time. */
export async function advanceSession(
  deps: SessionDeps,
  session: { id: string; organizationId: number },
  pending: PendingStep | null,
): Promise<void> {
  const now = deps.now();
  const policy = await readSecurityPolicy(deps.db, session.organizationId);
  const idle = pending ? PENDING_MS : policy.idleMinutes * 60_000;
  await setSessionStage(deps.db, session.id, pending ?? 'full');
  await touchSession(deps.db, session.id, now.toISOString(), new Date(now.getTime() + idle).toISOString());
}

/** Ends the session a cookie token names (logout, or a new login from the same browser). */
export async function destroySession(deps: SessionDeps, token: string): Promise<void> {
  await deleteSession(deps.db, sha256Hex(token));
}
