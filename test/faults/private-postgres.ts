import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

// A PostgreSQL cluster of the test's own, to stop and start under load. The shared server on 5432
// is used by every other test at the same time and must never be touched.

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A private cluster listening on 127.0.0.1:port. */
export interface PrivatePostgres {
  url: string;
  port: number;
  /** Stops it: 'immediate' is a crash (no checkpoint, recovery on the next start). */
  stop(mode: 'immediate' | 'fast'): void;
  start(): void;
  /** Stops it if running and deletes its files. */
  destroy(): void;
}

/** Why a private cluster cannot be made here (binaries missing, no postgres user), or undefined. */
export function privatePostgresProblem(): string | undefined {
  if (!existsSync(join(BIN, 'initdb')))
    return `没有 ${BIN}/initdb（设置 PG_BIN 指向 PostgreSQL 的 bin 目录）`;
  if (userInfo().uid === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      return '以 root 运行但没有 postgres 用户（initdb 拒绝以 root 运行）';
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Creates and starts a throw-away cluster (as the postgres user when running as root). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const root = mkdtempSync(join(tmpdir(), 'duban-pg-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(root, Number(ids), Number(gid));
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args], { stdio: 'pipe' })
      : execFileSync(join(BIN, tool), args, { stdio: 'pipe' });
  const data = join(root, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  // fsync off only makes the test faster: an immediate stop kills processes, not the machine,
  // so everything written reaches the disk through the page cache all the same.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`;
  const start = () =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'log'), '-w', '-t', '60', 'start']);
  const stop = (mode: 'immediate' | 'fast') => run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop(mode) {
      stop(mode);
      running = false;
    },
    start() {
      start();
      running = true;
    },
    destroy() {
      if (running) {
        try {
          stop('immediate');
        } catch {
          // Already gone.
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
