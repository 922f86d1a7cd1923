import { NoticeReadError, type NoticeReadErrorCode } from '../read-messages.ts';
import type { NoticeRead } from '../read-result.ts';
import type { ParsedNotice } from '../types.ts';
import type { ChildJob } from './protocol.ts';
import { type ChildUsage, SandboxChild } from './run-in-child.ts';
import { type SandboxLimits, type SandboxSettings, sandboxSettings } from './sandbox-limits.ts';

/** One finished sandbox run, as told to `onSandboxRun` listeners. */
export interface SandboxRun extends ChildUsage {
  kind: ChildJob['kind'];
  /** The refusal the caller got, if any (TOO_COMPLEX when the child was killed). */
  code?: NoticeReadErrorCode;
}

// Uploaded notices are read and parsed in child processes (run-in-child.ts), a few at a time per
// server; the rest wait briefly in a bounded queue and beyond it are refused with BUSY (429).
let settings: SandboxSettings = sandboxSettings();
let running = 0;
const waiting: Array<{ start: () => void }> = [];
const listeners = new Set<(run: SandboxRun) => void>();

/** Replaces the settings read from the environment (tests, the bench); returns the previous ones. */
export function configureSandbox(changes: Partial<SandboxSettings>): SandboxSettings {
  const previous = settings;
  settings = { ...settings, ...changes };
  return previous;
}

/** Calls `listener` after every sandbox run with what it cost; returns the way to stop. */
export function onSandboxRun(listener: (run: SandboxRun) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How many jobs are running and waiting right now. */
export function sandboxLoad(): { running: number; waiting: number } {
  return { running, waiting: waiting.length };
}

/**
 * Runs one job in the sandbox under the configured limits (or `limits`), after waiting for a free
 * slot. A child killed at a limit, or dying without an answer, becomes NoticeReadError(`tooComplex`);
 * a full queue or a wait past its bound, NoticeReadError('BUSY') with a retry hint.
 */
export async function inSandbox(
  job: ChildJob,
  options: { limits?: Partial<SandboxLimits>; tooComplex?: NoticeReadErrorCode; ocr?: boolean } = {},
): Promise<{ read: NoticeRead; parsed?: ParsedNotice }> {
  const limits = { memoryMb: settings.memoryMb, seconds: settings.seconds, ...options.limits };
  await acquireSlot();
  let result: Awaited<ReturnType<SandboxChild['run']>>;
  try {
    // OCR takes its own time (tesseract in processes of its own, each under the same limits): the
    // reader is told when to give up, and once it says OCR has started the child is allowed until
    // a little after that instead of the parser's time.
    const timed: ChildJob =
      options.ocr && job.kind !== 'parseText'
        ? { ...job, ocrDeadline: Date.now() + settings.ocrSeconds * 1000 }
        : job;
    result = await takeChild(limits).run(timed);
  } finally {
    releaseSlot();
  }
  const { answer, usage } = result;
  const tooComplex = options.tooComplex ?? 'TOO_COMPLEX';
  // Killed, or died, or refused an allocation past its memory: all the file's being too much.
  const code: NoticeReadErrorCode | undefined = !answer
    ? tooComplex
    : answer.ok
      ? undefined
      : answer.code === 'TOO_COMPLEX'
        ? tooComplex
        : answer.code;
  for (const listener of listeners) listener({ ...usage, kind: job.kind, ...(code ? { code } : {}) });
  if (!answer?.ok)
    throw new NoticeReadError(code ?? tooComplex, { cause: answer?.ok === false ? answer.detail : usage });
  return { read: answer.read, ...(answer.parsed ? { parsed: answer.parsed } : {}) };
}

// Starting a process costs a few hundred milliseconds (node, the TypeScript loader, the parser), so
// once jobs come more than one a minute (a server in use, not a CLI run reading one file) a spare is
// kept started and waiting, and let go after a minute without work; a job takes it and the next
// spare is started at once.
const SPARE_IDLE_MS = 60_000;
let spare: { child: SandboxChild; idle: NodeJS.Timeout } | undefined;
let lastJobAt = Number.NEGATIVE_INFINITY;

function takeChild(limits: SandboxLimits): SandboxChild {
  let child: SandboxChild;
  if (spare && sameLimits(spare.child.limits, limits)) {
    child = spare.child;
    clearTimeout(spare.idle);
    spare = undefined;
  } else child = new SandboxChild(limits);
  const now = performance.now();
  if (now - lastJobAt < SPARE_IDLE_MS) startSpare(limits);
  lastJobAt = now;
  return child;
}

function startSpare(limits: SandboxLimits): void {
  if (spare) {
    if (sameLimits(spare.child.limits, limits)) return;
    clearTimeout(spare.idle);
    spare.child.dispose();
  }
  const child = new SandboxChild(limits);
  const idle = setTimeout(() => {
    if (spare?.child === child) spare = undefined;
    child.dispose();
  }, SPARE_IDLE_MS);
  idle.unref();
  spare = { child, idle };
}

function sameLimits(a: SandboxLimits, b: SandboxLimits): boolean {
  return a.memoryMb === b.memoryMb && a.seconds === b.seconds;
}

function busy(): NoticeReadError {
  return new NoticeReadError('BUSY', { retryAfterSeconds: Math.max(1, Math.ceil(settings.seconds / 4)) });
}

function acquireSlot(): Promise<void> {
  if (running < settings.concurrency) {
    running++;
    return Promise.resolve();
  }
  if (waiting.length >= settings.queue) return Promise.reject(busy());
  return new Promise((resolve, reject) => {
    const entry = {
      start: () => {
        clearTimeout(timer);
        running++;
        resolve();
      },
    };
    const timer = setTimeout(() => {
      const at = waiting.indexOf(entry);
      if (at >= 0) waiting.splice(at, 1);
      reject(busy());
    }, settings.waitSeconds * 1000);
    waiting.push(entry);
  });
}

function releaseSlot(): void {
  running--;
  while (running < settings.concurrency && waiting.length > 0) waiting.shift()?.start();
}
