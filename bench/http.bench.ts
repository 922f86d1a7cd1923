import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import type { Database, DialectName } from '../src/db/connect.ts';
import { addUser } from '../src/domain/accounts/add-user.ts';
import { createApiToken } from '../src/domain/accounts/api-tokens.ts';
import { cliContext } from '../src/domain/ensure-organization.ts';
import { importNotice } from '../src/domain/import-notice.ts';
import { publishPlan } from '../src/domain/publish-plan.ts';
import { buildApp } from '../src/http/app.ts';
import { openBenchDatabase, YUNXI_PATH } from './bench-database.ts';
import type { Benchmark, BenchRow } from './benchmark.ts';

const CONNECTIONS = 50;
const SECONDS = 5;
const WARMUP_SECONDS = 1;

/** The published Yunxi plan and a supervisor's API token, set up through the domain use cases. */
async function seed(database: Database, text: string): Promise<{ planId: number; token: string }> {
  const system = await cliContext(database);
  const { planId } = await importNotice(system, { text }, { createUnits: true });
  await publishPlan(system, { planId });
  const { id } = await addUser(system, {
    username: 'bench-supervisor',
    password: 'bench-password-2024',
    roles: ['supervisor'],
  });
  const { token } = await createApiToken(system, id, '基准测试');
  return { planId, token };
}

interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Load> {
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${url}: ${failed} failed requests of ${result.requests.total}`);
  return { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

function row(dialect: DialectName, path: string, figures: Load): BenchRow {
  return {
    measure: `${dialect}: GET ${path}, ${CONNECTIONS} connections, ${SECONDS} s`,
    value: `${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms`,
    raw: { ...figures },
  };
}

async function runOn(dialect: DialectName, text: string): Promise<BenchRow[]> {
  const { database, dispose } = await openBenchDatabase(dialect);
  try {
    const { planId, token } = await seed(database, text);
    const app = await buildApp({ database, logger: false });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const auth = { authorization: `Bearer ${token}` };
      // The load generator shares this process with the server, as `npm run bench` runs; both
      // figures pay that cost alike, so their ratio is the comparable number.
      await load(`${base}/api/plans/${planId}`, auth, WARMUP_SECONDS);
      const healthz = await load(`${base}/healthz`, {}, SECONDS);
      const plan = await load(`${base}/api/plans/${planId}`, auth, SECONDS);
      const ratio = plan.requestsPerSecond / healthz.requestsPerSecond;
      return [
        row(dialect, '/healthz', healthz),
        row(dialect, '/api/plans/:id', plan),
        {
          measure: `${dialect}: ratio plans/:id ÷ healthz (requests/s)`,
          value: ratio.toFixed(3),
          raw: { ratio },
        },
      ];
    } finally {
      await app.close();
    }
  } finally {
    await dispose();
  }
}

/** Requests per second and p50/p99 latency of GET /healthz and GET /api/plans/:id, on SQLite and PostgreSQL. */
export const httpBenchmark: Benchmark = {
  name: 'http',
  run: async () => {
    const text = readFileSync(YUNXI_PATH, 'utf8');
    const rows = await runOn('sqlite', text);
    try {
      rows.push(...(await runOn('postgres', text)));
    } catch (error) {
      rows.push({
        measure: 'postgres',
        value: `skipped: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    return rows;
  },
};
