import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Context } from '../domain/context.ts';
import { AppError } from '../domain/errors.ts';
import { auditDenied, auditDownload } from './audit-trail.ts';
import { assertCsrf, resolveAuth } from './auth.ts';
import { invalidInputFrom } from './errors.ts';
import { httpMessages as m } from './messages.ts';
import { contextOf } from './state.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route handler receives: parsed input, the request and reply, and the actor's context. */
export interface RouteInput<P extends Schema, Q extends Schema, B extends Schema, Auth extends boolean> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  ctx: Auth extends true ? Context : Context | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** A route as written in routes/<resource>.ts: its zod schemas are both the validation and the docs. */
export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema, Auth extends boolean> {
  method: Method;
  url: string;
  /** One line in Chinese for the API page. */
  summary: string;
  tag: string;
  /** Whether the route needs a logged-in user (cookie or bearer token). */
  auth: Auth;
  params?: P;
  query?: Q;
  /** A JSON body schema; multipart routes leave it out and describe their fields in `multipart`. */
  body?: B;
  multipart?: Record<string, string>;
  /** The success status (200 unless said). */
  status?: number;
  response?: z.ZodType;
  handler: (input: RouteInput<P, Q, B, Auth>) => Promise<unknown>;
}

/** A route with its types erased, as the app registers it and the OpenAPI document describes it. */
export interface Route {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  auth: boolean;
  status: number;
  schemas: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType; response?: z.ZodType };
  multipart?: Record<string, string>;
  handle: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

/** Defines a route: authentication, CSRF and zod validation happen here, so handlers stay thin. */
export function defineRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  Auth extends boolean = true,
>(spec: RouteSpec<P, Q, B, Auth>): Route {
  const status = spec.status ?? 200;
  return {
    method: spec.method,
    url: spec.url,
    summary: spec.summary,
    tag: spec.tag,
    auth: spec.auth,
    status,
    schemas: { params: spec.params, query: spec.query, body: spec.body, response: spec.response },
    multipart: spec.multipart,
    handle: async (request, reply) => {
      const state = request.server.duban;
      const auth = await resolveAuth(state, request);
      if (auth) auth.actor.address = request.ip; // the audit trail records where each request came from
      request.auth = auth;
      if (spec.auth && !auth) throw new AppError('UNAUTHENTICATED', m.unauthenticated);
      if (spec.auth && auth) await auditDenied(state, request, () => assertCsrf(request, auth));
      const input = {
        params: parse(spec.params, request.params, 'params'),
        query: parse(spec.query, request.query, 'query'),
        body: parse(spec.body, request.body, 'body'),
        ctx: auth ? contextOf(state, auth.actor) : null,
        request,
        reply,
      } as RouteInput<P, Q, B, Auth>;
      // Set before the handler so a handler can still choose another status (e.g. 503).
      reply.status(status);
      const result = await auditDenied(state, request, () => spec.handler(input));
      await auditDownload(state, request, reply, spec.url);
      if (reply.sent || result === reply) return reply;
      if (status === 204) return reply.send();
      return result ?? {};
    },
  };
}

function parse(schema: z.ZodType | undefined, value: unknown, where: 'body' | 'query' | 'params'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw invalidInputFrom(result.error, where);
  return result.data;
}

/** Registers routes on the app. */
export function registerRoutes(app: FastifyInstance, routes: readonly Route[]): void {
  for (const route of routes) {
    app.route({ method: route.method, url: route.url, handler: route.handle });
  }
}

/** A path parameter `id` that is a positive integer. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
