import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * duban.config.json (in the working directory, or the file DUBAN_CONFIG names), every key optional:
 * { "port": 3000, "host": "127.0.0.1", "databaseUrl": "sqlite:./data/duban.db",
 *   "trustProxy": false, "maxUploadMb": 20, "logLevel": "info", "organization": "郧西县教育体育局" }
 * Environment variables (PORT, HOST, DATABASE_URL, TRUST_PROXY, MAX_UPLOAD_MB, LOG_LEVEL) win over the file.
 * DUBAN_CLOCK (an ISO instant, for demonstrations and browser tests only) starts the server's clock at
 * that instant; it then runs forward normally.
 * JOBS=off keeps the background job runner from starting (tests that want no background work);
 * JOBS_INTERVAL_MS sets how often it looks for due jobs (default 5000).
 */
export const configFileSchema = z
  .object({
    port: z.number().int().min(0).max(65535),
    host: z.string().min(1),
    databaseUrl: z.string().min(1),
    trustProxy: z.union([z.boolean(), z.string(), z.array(z.string())]),
    maxUploadMb: z.number().positive(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    organization: z.string().min(1),
  })
  .partial()
  .strict();

/** The settings of one server process. */
export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string;
  trustProxy: boolean | string | string[];
  maxUploadMb: number;
  logLevel: string;
  /** The name given to the organization created with the first administrator. */
  organization: string | undefined;
  /** DUBAN_CLOCK: the instant the server's clock starts from (demonstrations and tests); else real time. */
  clockStart: Date | undefined;
  /** DUBAN_WEB_ROOT: the built web app's folder (default web/dist). */
  webRoot: string | undefined;
  /** The background job runner: on unless JOBS=off, polling every intervalMs; extraModule is test-only. */
  jobs: { enabled: boolean; intervalMs: number; extraModule: string | undefined };
}

function readConfigFile(env: NodeJS.ProcessEnv, cwd: string): z.infer<typeof configFileSchema> {
  const path = resolve(cwd, env.DUBAN_CONFIG ?? 'duban.config.json');
  if (!existsSync(path)) {
    if (env.DUBAN_CONFIG) throw new Error(`找不到配置文件 ${path}（DUBAN_CONFIG 指定）`);
    return {};
  }
  const parsed = configFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || '（根）'}：${i.message}`)
      .join('；');
    throw new Error(`配置文件 ${path} 有误：${problems}`);
  }
  return parsed.data;
}

// TRUST_PROXY=true (or 1) trusts any proxy; anything else is a comma-separated list of proxy addresses.
function parseTrustProxy(value: string): boolean | string[] {
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no|)$/i.test(value)) return false;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The configuration from duban.config.json and the environment, environment first. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const file = readConfigFile(env, cwd);
  const port = env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : (file.port ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口号无效：${env.PORT}`);
  const upload = env.MAX_UPLOAD_MB ? Number(env.MAX_UPLOAD_MB) : (file.maxUploadMb ?? 20);
  if (!(upload > 0)) throw new Error(`MAX_UPLOAD_MB 无效：${env.MAX_UPLOAD_MB}`);
  const clockStart = env.DUBAN_CLOCK ? new Date(env.DUBAN_CLOCK) : undefined;
  if (clockStart && Number.isNaN(clockStart.getTime()))
    throw new Error(`DUBAN_CLOCK 无效：${env.DUBAN_CLOCK}（应为 ISO 时间，例如 2024-05-10T02:00:00Z）`);
  const jobsIntervalMs = env.JOBS_INTERVAL_MS ? Number(env.JOBS_INTERVAL_MS) : 5_000;
  if (!(jobsIntervalMs >= 50))
    throw new Error(`JOBS_INTERVAL_MS 无效：${env.JOBS_INTERVAL_MS}（至少 50 毫秒）`);
  return {
    port,
    host: env.HOST || file.host || '127.0.0.1',
    databaseUrl: env.DATABASE_URL?.trim() || file.databaseUrl || 'sqlite:./data/duban.db',
    trustProxy: env.TRUST_PROXY !== undefined ? parseTrustProxy(env.TRUST_PROXY) : (file.trustProxy ?? false),
    maxUploadMb: upload,
    logLevel: env.LOG_LEVEL || file.logLevel || 'info',
    organization: file.organization,
    clockStart,
    webRoot: env.DUBAN_WEB_ROOT || undefined,
    jobs: {
      enabled: !/^(off|false|0|no)$/i.test(env.JOBS ?? ''),
      intervalMs: jobsIntervalMs,
      // A module registering extra job kinds, for tests that run real server processes only.
      extraModule: env.DUBAN_TEST_JOB_MODULE || undefined,
    },
  };
}
