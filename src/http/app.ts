import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Database } from '../db/connect.ts';
import { installChineseZodMessages } from '../shared/zod-chinese.ts';
import { toErrorResponse } from './errors.ts';
import { addInputGuards } from './input-guards.ts';
import { httpMessages as m } from './messages.ts';
import { type Route, registerRoutes } from './route.ts';
import { auditRoutes } from './routes/audit.ts';
import { balanceRoutes } from './routes/balance.ts';
import { bulletinRoutes } from './routes/bulletins.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { directoryRoutes } from './routes/directory.ts';
import { draftRoutes } from './routes/drafts.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { fileRoutes } from './routes/files.ts';
import { findingsRoutes } from './routes/findings.ts';
import { itemRoutes } from './routes/items.ts';
import { jobsRoutes } from './routes/jobs.ts';
import { ledgerRoutes } from './routes/ledgers.ts';
import { metaRoutes } from './routes/meta.ts';
import { noticeRoutes } from './routes/notices.ts';
import { notificationsRoutes } from './routes/notifications.ts';
import { planCompareRoutes } from './routes/plan-compare.ts';
import { planRoutes } from './routes/plans.ts';
import { securityRoutes } from './routes/security.ts';
import { sessionRoutes } from './routes/session.ts';
import { settingsRoutes } from './routes/settings.ts';
import { setupRoutes } from './routes/setup.ts';
import { supervisionRoutes } from './routes/supervision.ts';
import { taskRoutes } from './routes/tasks.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { workRoutes } from './routes/work.ts';
import { addSecurityHeaders, setSecurityHeaders } from './security-headers.ts';
import type { AppState } from './state.ts';
import { registerWebApp } from './web-app.ts';

/** Options of buildApp. */
export interface AppOptions {
  database: Database;
  /** The clock (fixed in tests). */
  now?: () => Date;
  /** pino options, or false for silence (tests); default false. */
  logger?: FastifyServerOptions['logger'];
  /** Largest uploaded file in MB (default MAX_UPLOAD_MB or 20). */
  maxUploadMb?: number;
  /** Trust X-Forwarded-* (client address, HTTPS) from a reverse proxy: true, or the proxy's addresses. */
  trustProxy?: boolean | string | string[];
  /** The one-time first-administrator token (serve.ts creates one while no account exists). */
  setupToken?: string;
  /** The built web app's folder, or false to serve none (default web/dist). */
  webRoot?: string | false;
  /** More routes (the plan and workflow routes, or a test's own). */
  extraRoutes?: readonly Route[];
}

/** The default per-file upload limit in MB: MAX_UPLOAD_MB, else 20. */
export function defaultUploadLimitMb(): number {
  const configured = Number(process.env.MAX_UPLOAD_MB);
  return Number.isFinite(configured) && configured > 0 ? configured : 20;
}

// Accept a caller's request id only when it looks like one, so logs cannot be forged through it.
function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}

/** Builds the Fastify app over an open database; usable in-process with app.inject or listening. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // zod's own messages (which field is wrong and why) in Chinese, for every 400 answer.
  installChineseZodMessages();
  const uploadLimitMb = options.maxUploadMb ?? defaultUploadLimitMb();
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    genReqId: requestId,
    // A pasted notice is well under 1 MB of text; files go through multipart with their own limit.
    bodyLimit: 5 * 1024 * 1024,
    return503OnClosing: true,
    // The router's own refusals (a path parameter over 100 characters, a malformed %-escape)
    // answer like every other error: our JSON shape, a Chinese message, the security headers.
    frameworkErrors: (_error, request, reply) => {
      const answer = reply as FastifyReply;
      setSecurityHeaders(request, answer);
      return answer.status(400).send({ error: { code: 'INVALID_INPUT', message: m.badUrl, details: {} } });
    },
  });
  const state: AppState = {
    database: options.database,
    now: options.now ?? (() => new Date()),
    uploadLimitMb,
    setupToken: options.setupToken,
  };
  app.decorate('duban', state);
  app.decorateRequest('auth', null);
  await app.register(cookie);
  await app.register(multipart, {
    limits: {
      fileSize: uploadLimitMb * 1024 * 1024,
      files: 20,
      fields: 50,
      fieldSize: 1024 * 1024,
      parts: 100,
    },
  });
  addSecurityHeaders(app);
  addInputGuards(app);

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error, uploadLimitMb);
    if (status >= 500) request.log.error({ err: error }, 'unhandled error');
    const retry = body.error.details.retryAfterSeconds;
    if (status === 429 && typeof retry === 'number') reply.header('retry-after', String(retry));
    return reply.status(status).send(body);
  });
  const webApp = options.webRoot === false ? undefined : await registerWebApp(app, options.webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (webApp?.fallback(request, reply)) return reply;
    return reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: m.notFoundRoute(request.method, request.url.split('?')[0] ?? ''),
        details: {},
      },
    });
  });

  const apiRoutes: Route[] = [
    ...sessionRoutes,
    ...setupRoutes,
    ...userRoutes,
    ...securityRoutes,
    ...tokenRoutes,
    ...auditRoutes,
    ...noticeRoutes,
    ...planRoutes,
    ...taskRoutes,
    ...fileRoutes,
    ...draftRoutes,
    ...itemRoutes,
    ...workRoutes,
    ...dashboardRoutes,
    ...directoryRoutes,
    ...settingsRoutes,
    ...calendarRoutes,
    ...jobsRoutes,
    ...notificationsRoutes,
    ...supervisionRoutes,
    ...findingsRoutes,
    ...balanceRoutes,
    ...bulletinRoutes,
    ...ledgerRoutes,
    ...evaluationRoutes,
    ...planCompareRoutes,
    ...(options.extraRoutes ?? []),
  ];
  const allRoutes: Route[] = [...apiRoutes, ...metaRoutes(() => allRoutes)];
  registerRoutes(app, allRoutes);
  return app;
}
