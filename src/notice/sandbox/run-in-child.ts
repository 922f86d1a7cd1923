import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildAnswer, ChildJob } from './protocol.ts';
import { MIN_MEMORY_MB, type SandboxLimits } from './sandbox-limits.ts';

/** How a sandbox process ended. */
export type ChildOutcome = 'answered' | 'memory' | 'cpu' | 'time' | 'crashed';

/** What one sandbox process cost; kept for the tests and the bench (`onSandboxRun`). */
export interface ChildUsage {
  outcome: ChildOutcome;
  /** The child's peak resident memory (VmHWM, or its own maxRSS when it answered), in MB. */
  peakRssMb: number;
  /** From spawning to the child being ready for its job (node, the TypeScript loader, the parser). */
  spawnMs: number;
  /** From spawning to exit. */
  wallMs: number;
  /** How a child that died without answering ended (its signal or exit code) and the last of its standard error. */
  exit?: string | number | null;
  stderr?: string;
}

const CHILD_ENTRY = fileURLToPath(new URL('./child.mjs', import.meta.url));
const WATCH_MS = 50;
// How long past its OCR deadline a child may take to clean up and answer before it is killed.
const OCR_GRACE_MS = 10_000;
// Why RLIMIT_DATA: V8 reserves gigabytes of address space it never touches (a ready child shows
// VmSize 22 GB, VmData 120 MB), so RLIMIT_AS would stop node from starting; RLIMIT_DATA counts only
// private writable mappings, so those reservations are free while V8's heap pages, ArrayBuffers
// (pdf.js inflating a stream) and malloc all count. Measured: 100 MB ArrayBuffers under
// `ulimit -d 700000` fail with "Array buffer allocation failed" at the sixth (VmData 697 MB);
// without the limit forty of them took 4.1 GB. A refused allocation inside V8 or a library ends
// the process (SIGSEGV/SIGABRT), which is read as out of memory.
// Resident memory also holds node's code and libraries mapped from files (about 50 MB), which the
// data limit does not count: it is set this much under the cap, so the peak stays below the cap
// whether or not the watchdog (the backstop for anything else resident) looked in time.
const MAPPED_MB = 64;
// The old generation stops short of the data limit so that a heap filling up dies of V8's own
// "heap out of memory" (clean, recognisable) rather than of a failed mmap.
const BELOW_HEAP_MB = 128;
// The child gives the server's own requests precedence for the CPU.
const CHILD_NICE = 10;
// Starting node, the TypeScript loader and the parser costs 0.5–0.7 s of CPU on a quiet machine and
// more with a cold loader cache on a loaded one (`node /tmp/startcpu.mjs`-style measurement: 49–68
// ticks of 10 ms): the job's CPU seconds are counted by the watchdog from the moment the child is
// ready, and RLIMIT_CPU, the backstop for a watchdog that could not look, allows this much more.
const STARTUP_CPU_SECONDS = 10;
// /proc/<pid>/stat counts CPU time in clock ticks, USER_HZ, which Linux fixes at 100 for user space.
const TICKS_PER_SECOND = 100;
// The shell sets the limits on itself and becomes node (exec keeps the pid and the IPC channel).
const LIMITED_EXEC = 'ulimit -c 0 && ulimit -d "$1" && ulimit -t "$2" && shift 2 && exec "$@"';

/**
 * A node process ready to take one job, whose memory (RLIMIT_DATA, plus a watchdog reading VmRSS
 * every 50 ms that kills past the cap), CPU time (RLIMIT_CPU) and wall-clock time (twice the CPU
 * time) are bounded. Starting one costs a few hundred milliseconds (node, the TypeScript loader,
 * the parser), so sandbox.ts keeps a spare started while uploads come; each process still
 * takes one job only, then exits, so no file sees what another left behind.
 */
export class SandboxChild {
  readonly limits: SandboxLimits;
  private readonly child: ChildProcess;
  private readonly started = performance.now();
  private readyAt: number | undefined;
  private readonly ready: Promise<void>;
  private readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private answer: ChildAnswer | undefined;
  private onAnswer: (() => void) | undefined;
  private onOcr: (() => void) | undefined;
  private killedFor: ChildOutcome | undefined;
  private peakKb = 0;
  /** The child's CPU ticks when it became ready; its job's CPU time counts from here. */
  private readyTicks: number | undefined;
  private stderr = '';
  private watch: NodeJS.Timeout | undefined;

  constructor(limits: SandboxLimits) {
    this.limits = limits;
    const memoryMb = Math.max(MIN_MEMORY_MB, limits.memoryMb);
    const dataKb = (memoryMb - MAPPED_MB) * 1024;
    const heapMb = memoryMb - MAPPED_MB - BELOW_HEAP_MB;
    const cpuSeconds = Math.max(1, Math.ceil(limits.seconds)) + STARTUP_CPU_SECONDS;
    this.child = spawn(
      '/bin/sh',
      [
        '-c',
        LIMITED_EXEC,
        'duban-parse',
        String(dataKb),
        String(cpuSeconds),
        process.execPath,
        `--max-old-space-size=${heapMb}`,
        '--max-semi-space-size=16',
        CHILD_ENTRY,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
        // Nothing of the server's environment (database address, secrets) reaches the child.
        env: childEnvironment(),
      },
    );
    const child = this.child;
    child.once('spawn', () => {
      try {
        if (child.pid !== undefined) setPriority(child.pid, CHILD_NICE);
      } catch {
        // Not allowed to lower a priority here: the limits still hold.
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (this.stderr.length < 8_000) this.stderr += chunk;
    });
    this.closed = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        clearInterval(this.watch);
        resolve({ code, signal });
      });
    });
    this.ready = new Promise((resolve, reject) => {
      child.once('error', reject);
      void this.closed.then(({ code, signal }) =>
        reject(new Error(`解析沙箱无法启动（退出 ${code ?? signal}）：${this.stderr.trim().slice(-2000)}`)),
      );
      child.on(
        'message',
        (message: (ChildAnswer & { peakRssKb?: number }) | { ready: true } | { ocr: true }) => {
          if ('ready' in message) {
            this.readyAt = performance.now();
            this.readyTicks = cpuTicks(child.pid);
            resolve();
            return;
          }
          if ('ocr' in message) {
            this.onOcr?.();
            return;
          }
          const { peakRssKb, ...rest } = message;
          this.peakKb = Math.max(this.peakKb, peakRssKb ?? 0);
          this.answer = rest as ChildAnswer;
          this.onAnswer?.();
        },
      );
    });
    // A spare that dies unused is simply replaced; its failure to start is reported to run().
    this.ready.catch(() => undefined);
    // A spare waiting for work never keeps the process (a CLI run, a test) alive.
    this.hold(false);
  }

  /** Stops a spare that will not be used. */
  dispose(): void {
    this.child.kill('SIGKILL');
  }

  /**
   * Gives the child its job; resolves with its answer, or without one when the child was killed or
   * died. Rejects only when the sandbox itself cannot start (a server fault, not the file's).
   */
  async run(job: ChildJob): Promise<{ answer?: ChildAnswer; usage: ChildUsage }> {
    this.hold(true);
    // Wall-clock time: twice the CPU time once ready; starting may take its own allowance first.
    const wallMs = (this.limits.seconds * 2 + 2) * 1000;
    let wall = setTimeout(() => this.kill('time'), wallMs + STARTUP_CPU_SECONDS * 1000);
    // OCR of a scan has until the job's deadline (its own limit, checked by the reader) and a
    // little more; the parser's time no longer applies once the child says OCR has started.
    this.onOcr = () => {
      if (job.kind === 'parseText' || job.ocrDeadline === undefined) return;
      clearTimeout(wall);
      wall = setTimeout(() => this.kill('time'), Math.max(0, job.ocrDeadline - Date.now()) + OCR_GRACE_MS);
    };
    this.watch = setInterval(() => this.check(), WATCH_MS);
    try {
      await this.ready;
      clearTimeout(wall);
      wall = setTimeout(() => this.kill('time'), wallMs);
      this.child.send(job);
      // The answer is enough: the child exits by itself right after sending it (and is made to
      // if it lingers), so its teardown is not waited for.
      const answered = new Promise<void>((resolve) => {
        this.onAnswer = resolve;
      });
      const { code, signal } = await Promise.race([
        answered.then(() => ({ code: null, signal: null })),
        this.closed,
      ]);
      if (this.answer) setTimeout(() => this.killTree(), 2_000).unref();
      const outcome: ChildOutcome = this.answer
        ? 'answered'
        : (this.killedFor ??
          (signal === 'SIGXCPU' ? 'cpu' : this.outOfMemory(signal) ? 'memory' : 'crashed'));
      return {
        ...(this.answer ? { answer: this.answer } : {}),
        usage: {
          outcome,
          peakRssMb: Math.round(this.peakKb / 102.4) / 10,
          spawnMs: Math.round((this.readyAt ?? performance.now()) - this.started),
          wallMs: Math.round(performance.now() - this.started),
          ...(this.answer ? {} : { exit: signal ?? code, stderr: this.stderr.trim().slice(0, 300) }),
        },
      };
    } catch (error) {
      // Killed at a limit before it was even ready: still the file's job that cost too much.
      if (this.killedFor) {
        await this.closed;
        return {
          usage: {
            outcome: this.killedFor,
            peakRssMb: Math.round(this.peakKb / 102.4) / 10,
            spawnMs: Math.round(performance.now() - this.started),
            wallMs: Math.round(performance.now() - this.started),
          },
        };
      }
      throw error;
    } finally {
      clearTimeout(wall);
      clearInterval(this.watch);
    }
  }

  // V8 says so, or an allocation the data limit refused killed the process outright (a segfault
  // or abort with the memory near the limit).
  private outOfMemory(signal: NodeJS.Signals | null): boolean {
    if (/out of memory|heap limit|allocation failed|Cannot allocate memory|bad_alloc/i.test(this.stderr))
      return true;
    const nearLimit = this.peakKb > 0.7 * (Math.max(MIN_MEMORY_MB, this.limits.memoryMb) - MAPPED_MB) * 1024;
    return nearLimit && (signal === 'SIGSEGV' || signal === 'SIGABRT' || signal === 'SIGBUS');
  }

  private kill(why: ChildOutcome): void {
    this.killedFor ??= why;
    this.killTree();
  }

  // The child may have started programs of its own (tesseract, pdftoppm, LibreOffice): they go too.
  private killTree(): void {
    const pid = this.child.pid;
    if (pid !== undefined) for (const descendant of descendantsOf(pid)) signalQuietly(descendant);
    this.child.kill('SIGKILL');
  }

  private check(): void {
    const pid = this.child.pid;
    if (pid === undefined || this.child.exitCode !== null) return;
    readFile(`/proc/${pid}/status`, 'latin1').then(
      (status) => {
        const rssKb = field(status, 'VmRSS');
        this.peakKb = Math.max(this.peakKb, field(status, 'VmHWM'), rssKb);
        if (rssKb > Math.max(MIN_MEMORY_MB, this.limits.memoryMb) * 1024) this.kill('memory');
      },
      () => undefined,
    );
    // CPU of the job only (not of starting node); OCR runs in programs of their own, under their limits.
    if (this.readyTicks !== undefined && this.answer === undefined) {
      const used = cpuTicks(pid) - this.readyTicks;
      if (used > this.limits.seconds * TICKS_PER_SECOND) this.kill('cpu');
    }
  }

  private hold(busy: boolean): void {
    const handles = [this.child, this.child.channel, this.child.stderr] as Array<
      { ref?: () => void; unref?: () => void } | null | undefined
    >;
    for (const handle of handles) (busy ? handle?.ref : handle?.unref)?.call(handle);
  }
}

/** Every process below `pid`, read from /proc (children of each thread), deepest last. */
function descendantsOf(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0 && found.length < 1000) {
    const parent = queue.shift() as number;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${parent}/task/${task}/children`, 'latin1');
      } catch {
        continue;
      }
      for (const child of children.split(' ')) {
        const n = Number.parseInt(child, 10);
        if (n > 0 && !found.includes(n)) {
          found.push(n);
          queue.push(n);
        }
      }
    }
  }
  return found;
}

function signalQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** User plus system CPU time of `pid` in clock ticks (0 when it is gone). */
function cpuTicks(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) || 0) + (Number(fields[12]) || 0);
  } catch {
    return 0;
  }
}

function field(status: string, name: string): number {
  const at = status.indexOf(`${name}:`);
  if (at < 0) return 0;
  return Number.parseInt(status.slice(at + name.length + 1).trimStart(), 10) || 0;
}

function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'LANG', 'TMPDIR', 'HOME', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
