import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { renderDocsPage } from '../docs-page.ts';
import { httpMessages as m } from '../messages.ts';
import { buildOpenApi } from '../openapi.ts';
import { defineRoute, type Route } from '../route.ts';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Health check, the OpenAPI document and the API page; the latter two describe `documented`. */
export function metaRoutes(documented: () => readonly Route[]): Route[] {
  const routes: Route[] = [
    defineRoute({
      method: 'GET',
      url: '/healthz',
      summary: '健康检查：服务和数据库是否可用（供负载均衡器和监控使用）',
      tag: '运维',
      auth: false,
      handler: async ({ request, reply }) => {
        const { database } = request.server.duban;
        try {
          await sql`select 1`.execute(database.db);
          return { status: 'ok', message: m.healthy, database: database.dialect };
        } catch (error) {
          request.log.error({ err: error }, 'health check: database unavailable');
          reply.status(503);
          return { status: 'error', message: m.unhealthy, database: database.dialect };
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/openapi.json',
      summary: 'OpenAPI 3.1 文档',
      tag: '运维',
      auth: false,
      handler: async () => buildOpenApi(documented(), version),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/docs',
      summary: '接口说明页（HTML）',
      tag: '运维',
      auth: false,
      handler: async ({ reply }) => reply.type('text/html; charset=utf-8').send(renderDocsPage(documented())),
    }),
  ];
  return routes;
}
