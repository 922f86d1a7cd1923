import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';

const root = join(import.meta.dirname, '..');

/** A real `duban serve` process, as deployed: its own process, so its memory and CPU are its own. */
export interface BenchServer {
  url: string;
  pid: number;
  /** The largest resident set size (VmRSS) seen since start, in MB, sampled every 100 ms. */
  peakRssMb: () => number;
  /** CPU time (user + system) the server process has used so far, in seconds. */
  cpuSeconds: () => number;
  stop: () => Promise<void>;
}

/** Starts `bin/duban serve` on a free port with the environment given (DATABASE_URL …), jobs off. */
export async function startBenchServer(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<BenchServer> {
  const child = spawn(process.execPath, [...nodeArgs, 'bin/duban', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', JOBS: 'off', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${seen}`)), 60_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /Duban 已启动：(http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        // Keep reading the request log (so the pipe never fills) without keeping it.
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${seen}`)));
  });
  const pid = child.pid ?? 0;
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, rssMb(pid));
  };
  sample();
  const sampler = setInterval(sample, 100);
  return {
    url,
    pid,
    peakRssMb: () => {
      sample();
      return peak;
    },
    cpuSeconds: () => cpuSeconds(pid),
    stop: () => stop(child, sampler),
  };
}

function stop(child: ChildProcess, sampler: NodeJS.Timeout): Promise<void> {
  clearInterval(sampler);
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A process's resident set size in MB, from /proc (0 where there is no /proc). */
export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A process's CPU time (user + system) in seconds, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Throughput and latency of one load run. */
export interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

/** GET load on one address from `connections` connections for `seconds`; any failed request fails the run. */
export async function load(
  url: string,
  headers: Record<string, string>,
  options: { connections: number; seconds: number },
): Promise<Load> {
  const result = await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: options.seconds,
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${url}: ${failed} failed requests of ${result.requests.total}`);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
  };
}
