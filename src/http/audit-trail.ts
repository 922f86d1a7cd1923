import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAuditEvent } from '../domain/audit/record-event.ts';
import { isAppError } from '../domain/errors.ts';
import type { AppState } from './state.ts';

// What the HTTP layer adds to the audit trail (等保 2.0 安全审计) around every route: refusals by
// permission and every file a user takes away (evidence, ledger, bulletin, evaluation, 督办单,
// audit export), each with the user, the client address, the time and the result.

/**
 * Runs a step of a request; a refusal by permission (FORBIDDEN) of a logged-in user is recorded as
 * denied — in a transaction of its own, since the request's rolled back — and thrown on unchanged.
 * A failure to record is logged, never put in the refusal's place.
 */
export async function auditDenied<T>(
  state: AppState,
  request: FastifyRequest,
  step: () => T | Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const actor = request.auth?.actor;
    if (actor && isAppError(error, 'FORBIDDEN')) {
      await recordAuditEvent(state.database.db, {
        organizationId: actor.organizationId,
        userId: actor.userId,
        label: actor.label,
        address: request.ip,
        event: 'access.denied',
        result: 'denied',
        entityType: 'request',
        entityId: null,
        detail: { method: request.method, path: request.url.split('?')[0], message: error.message },
        at: state.now().toISOString(),
      }).catch((failure: unknown) => request.log.error({ err: failure }, 'audit of a denied request failed'));
    }
    throw error;
  }
}

/**
 * Records a download when a route answered with a file (a Content-Disposition header): what was
 * taken (the route, the id, the file name and size) by whom and from where.
 */
export async function auditDownload(
  state: AppState,
  request: FastifyRequest,
  reply: FastifyReply,
  route: string,
): Promise<void> {
  const actor = request.auth?.actor;
  const disposition = reply.getHeader('content-disposition');
  if (!actor || typeof disposition !== 'string' || reply.statusCode >= 400) return;
  // The audit export records its own entry, with the filter it was given (domain/audit/export-audit.ts).
  if (route.startsWith('/api/audit/')) return;
  const id = Number((request.params as { id?: unknown } | undefined)?.id);
  await recordAuditEvent(state.database.db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    label: actor.label,
    address: request.ip,
    event: 'file.download',
    result: 'success',
    entityType: route.split('/')[2] ?? 'file',
    entityId: Number.isInteger(id) && id > 0 ? id : null,
    detail: {
      route: `${request.method} ${route}`,
      path: request.url.split('?')[0],
      fileName: fileNameOf(disposition),
      bytes: Number(reply.getHeader('content-length')) || undefined,
    },
    at: state.now().toISOString(),
  }).catch((failure: unknown) => request.log.error({ err: failure }, 'audit of a download failed'));
}

// The file name a Content-Disposition header names (RFC 5987 filename* first).
function fileNameOf(disposition: string): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return encoded;
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1];
}
