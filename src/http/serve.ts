import type { FastifyInstance } from 'fastify';
import { openDatabase } from '../db/connect.ts';
import { anyUserExists } from '../db/queries/users.ts';
import { randomSecret } from '../domain/accounts/tokens.ts';
import { loadExtraHandlers } from '../jobs/extra-handlers.ts';
import { createJobRunner, type JobRunner } from '../jobs/runner.ts';
import { buildApp } from './app.ts';
import { loadServerConfig, type ServerConfig } from './config.ts';

/** A listening server. */
export interface RunningServer {
  app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  url: string;
  /** Stops accepting connections, finishes in-flight requests, then closes the database. */
  close(): Promise<void>;
}

/** Opens the database (applying migrations), builds the app and listens, logging where and how to begin. */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config = { ...loadServerConfig(), ...overrides };
  if (config.jobs.enabled) await loadExtraHandlers(config.jobs.extraModule);
  const database = await openDatabase({ url: config.databaseUrl });
  const setupToken = (await anyUserExists(database.db)) ? undefined : randomSecret();
  const clockStart = config.clockStart;
  const startedAt = Date.now();
  const now = clockStart ? () => new Date(clockStart.getTime() + (Date.now() - startedAt)) : undefined;
  const app = await buildApp({
    database,
    now,
    webRoot: config.webRoot,
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    trustProxy: config.trustProxy,
    maxUploadMb: config.maxUploadMb,
    setupToken,
  });
  let runner: JobRunner | undefined;
  app.addHook('onClose', async () => {
    // Jobs in hand finish before the database closes under them.
    await runner?.stop();
    await database.close();
  });
  let url: string;
  try {
    url = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    throw error;
  }
  if (config.jobs.enabled) {
    runner = createJobRunner({
      db: database.db,
      dialect: database.dialect,
      now,
      intervalMs: config.jobs.intervalMs,
      log: {
        info: (message, data) => app.log.info(data ?? {}, message),
        warn: (message, data) => app.log.warn(data ?? {}, message),
      },
    });
    runner.start();
  }
  app.log.info(
    { url, database: database.description },
    `Duban 已启动：${url}（数据库：${database.description}）`,
  );
  if (setupToken) {
    app.log.warn(
      { setupToken },
      `尚无任何账号。创建第一个管理员（三选一）：` +
        `① 在浏览器中打开 ${url}/setup#token=${setupToken} ；` +
        `② POST ${url}/api/setup，JSON 为 {"token":"${setupToken}","username":"用户名","password":"至少10位且含字母和数字"}（令牌仅本次启动有效，用过即失效）；` +
        `③ 运行 duban user add 用户名 --role admin`,
    );
  }
  return { app, url, close: () => app.close() };
}

/** Closes the server gracefully on SIGTERM or SIGINT; a second signal or a 10-second stall forces exit. */
export function closeOnSignals(server: RunningServer): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    server.app.log.info({ signal }, '收到停止信号，正在完成进行中的请求并关闭服务');
    const force = setTimeout(() => {
      server.app.log.error('关闭超时，强制退出');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        server.app.log.error({ err: error }, '关闭服务时出错');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
