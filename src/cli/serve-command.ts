import type { Command } from 'commander';
import { closeOnSignals, startServer } from '../http/serve.ts';
import { CliError } from './cli-error.ts';

/** Adds `duban serve`: run the HTTP server until SIGTERM or SIGINT (what `npm start` runs). */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      '启动督办服务（HTTP API）；端口、地址、数据库由 PORT、HOST、DATABASE_URL 或 duban.config.json 设置',
    )
    .option('-p, --port <port>', '监听端口（默认 3000，或 PORT）')
    .option('--host <host>', '监听地址（默认 127.0.0.1，或 HOST）')
    .action(async (options: { port?: string; host?: string }) => {
      const port = options.port === undefined ? undefined : Number(options.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        throw new CliError(`端口号无效：${options.port}`);
      }
      const server = await startServer({
        ...(port !== undefined ? { port } : {}),
        ...(options.host ? { host: options.host } : {}),
      });
      closeOnSignals(server);
    });
}
