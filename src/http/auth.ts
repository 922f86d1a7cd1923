import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findApiTokenUser } from '../domain/accounts/api-tokens.ts';
import { loadActor } from '../domain/accounts/load-actor.ts';
import { accountMessages as am } from '../domain/accounts/messages.ts';
import { lookupSession } from '../domain/accounts/sessions.ts';
import { AppError } from '../domain/errors.ts';
import type { PendingStep } from '../shared/security.ts';
import { httpMessages as m } from './messages.ts';
import type { AppState, AuthState } from './state.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'duban_session';
/** The header a cookie-authenticated write must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who a request comes from: a bearer token (an invalid one is refused outright, never silently
 * downgraded to the cookie) or the session cookie; null when anonymous.
 */
export async function resolveAuth(state: AppState, request: FastifyRequest): Promise<AuthState | null> {
  const deps = { db: state.database.db, now: state.now };
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const userId = match?.[1] ? await findApiTokenUser(deps, match[1]) : undefined;
    const actor = userId === undefined ? undefined : await loadActor(deps.db, userId);
    if (!actor) throw new AppError('UNAUTHENTICATED', m.badToken);
    return { kind: 'token', actor };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const session = await lookupSession(deps, token);
  const actor = session ? await loadActor(deps.db, session.userId) : undefined;
  if (!session || !actor) return null;
  if (session.pending) assertStepAllows(request, session.pending);
  return { kind: 'session', actor, session, token };
}

// What a session still missing a login step may reach: the step itself, who am I, and logout.
const STEP_ROUTES: Record<PendingStep, readonly string[]> = {
  totp: ['POST /api/session/two-factor'],
  enrol: ['POST /api/me/two-factor/setup', 'POST /api/me/two-factor'],
  password: ['POST /api/me/password'],
};
const ANY_STEP = ['GET /api/me', 'DELETE /api/session', 'POST /api/session'];

/** Throws FORBIDDEN, naming the missing step, for anything else a half-logged-in session asks. */
function assertStepAllows(request: FastifyRequest, pending: PendingStep): void {
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  if (ANY_STEP.includes(route) || STEP_ROUTES[pending].includes(route)) return;
  const message = { totp: am.stepTotp, enrol: am.stepEnrol, password: am.stepPassword }[pending];
  throw new AppError('FORBIDDEN', message, { pending });
}

/** Throws FORBIDDEN when a cookie-authenticated write lacks the session's CSRF token; bearer requests are exempt. */
export function assertCsrf(request: FastifyRequest, auth: AuthState): void {
  if (auth.kind !== 'session' || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameSecret(sent, auth.session.csrfToken)) {
    throw new AppError('FORBIDDEN', m.csrf, { header: 'X-CSRF-Token' });
  }
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  // No Max-Age: the browser forgets the cookie when closed; the server enforces idle and absolute expiry.
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // request.protocol honours X-Forwarded-Proto only when TRUST_PROXY is set.
    secure: request.protocol === 'https',
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
