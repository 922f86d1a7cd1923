import type { Kysely } from 'kysely';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  touchSession,
} from '../../db/queries/sessions.ts';
import type { DB } from '../../db/schema.ts';
import { randomSecret, sha256Hex } from './tokens.ts';

/** A session ends after 8 hours without activity… */
export const SESSION_IDLE_MS = 8 * 3600_000;
/** …and in any case 7 days after login, so a stolen cookie does not live forever. */
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
// Renewing on every request would write on every read; once a minute is precise enough.
const RENEW_AFTER_MS = 60_000;

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
}

/** Starts a session with a brand-new id (never reusing one the client sent, so no fixation). */
export async function createSession(
  deps: SessionDeps,
  userId: number,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: LiveSession }> {
  const now = deps.now();
  const token = randomSecret();
  const session: LiveSession = {
    id: sha256Hex(token),
    userId,
    csrfToken: randomSecret(),
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
  };
  await deleteExpiredSessions(deps.db, now.toISOString());
  await insertSession(deps.db, {
    id: session.id,
    user_id: userId,
    csrf_token: session.csrfToken,
    created_at: now.toISOString(),
    expires_at: session.expiresAt,
    last_seen_at: now.toISOString(),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, session };
}

/** The live session a cookie token names, renewing its idle expiry; undefined when unknown or expired. */
export async function lookupSession(deps: SessionDeps, token: string): Promise<LiveSession | undefined> {
  const id = sha256Hex(token);
  const row = await findSession(deps.db, id);
  if (!row) return undefined;
  const now = deps.now();
  const hardEnd = Date.parse(row.created_at) + SESSION_MAX_MS;
  if (Date.parse(row.expires_at) <= now.getTime() || hardEnd <= now.getTime()) {
    await deleteSession(deps.db, id);
    return undefined;
  }
  let expiresAt = row.expires_at;
  if (now.getTime() - Date.parse(row.last_seen_at) >= RENEW_AFTER_MS) {
    expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, hardEnd)).toISOString();
    await touchSession(deps.db, id, now.toISOString(), expiresAt);
  }
  return { id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt };
}

/** Ends the session a cookie token names (logout, or a new login from the same browser). */
export async function destroySession(deps: SessionDeps, token: string): Promise<void> {
  await deleteSession(deps.db, sha256Hex(token));
}
