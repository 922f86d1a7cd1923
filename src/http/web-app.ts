import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { httpMessages as m } from './messages.ts';

/** Where `npm run build:web` writes the web app. */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Serves a built web app: its hashed assets, and index.html for every page address. */
export interface WebApp {
  /** Answers a GET for a page address with index.html; false when the request is not for a page. */
  fallback(request: FastifyRequest, reply: FastifyReply): boolean;
}

/**
 * Registers the built web app of `root` (hashed files under /assets/ cached for a year, the rest
 * never). Without a build, a page address gets a short Chinese page saying how to build it.
 */
export async function registerWebApp(app: FastifyInstance, root: string = defaultWebRoot): Promise<WebApp> {
  const indexFile = join(root, 'index.html');
  const built = existsSync(indexFile);
  const indexHtml = built
    ? readFileSync(indexFile)
    : Buffer.from(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>督办</title><p>${m.webNotBuilt}</p></html>`,
      );
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      serve: true,
      setHeaders: (res, path) => {
        const immutable = path.includes(`${join(root, 'assets')}`);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return {
    fallback(request, reply) {
      const path = request.url.split('?')[0] ?? '';
      if (request.method !== 'GET' && request.method !== 'HEAD') return false;
      if (path.startsWith('/api/') || path === '/api' || path === '/healthz') return false;
      // Only page addresses (no file extension) get the app; a missing asset stays a 404.
      if (/\.[a-z0-9]+$/i.test(path)) return false;
      reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
      return true;
    },
  };
}
