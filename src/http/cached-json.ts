import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedRead } from '../domain/cache/plan-read-cache.ts';

/**
 * Sends a cached JSON text with its ETag, gzipped when the client accepts it; 304 without a body
 * when the browser already holds it.
 * `no-cache` makes the browser ask every time (lights change with the day and with every write).
 */
export function sendCachedJson(request: FastifyRequest, reply: FastifyReply, read: CachedRead): FastifyReply {
  reply.header('etag', read.etag).header('cache-control', 'private, no-cache');
  const sent = request.headers['if-none-match'];
  if (sent?.split(',').some((tag) => tag.trim() === read.etag)) {
    return reply.code(304).send();
  }
  reply.header('vary', 'accept-encoding').type('application/json; charset=utf-8');
  if (acceptsGzip(request.headers['accept-encoding']))
    return reply.header('content-encoding', 'gzip').send(read.gzip);
  return reply.send(read.body);
}

function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    return !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}
