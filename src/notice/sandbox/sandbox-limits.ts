/** What one parse sandbox process may spend, and how many run at once. */
export interface SandboxLimits {
  /** Peak resident memory of the child (VmHWM), in MB; past it the child is killed. */
  memoryMb: number;
  /** CPU seconds of the child once started (its watchdog, RLIMIT_CPU behind it); wall-clock time is allowed twice as long on a busy machine. */
  seconds: number;
}

export interface SandboxSettings extends SandboxLimits {
  /** Children running at once per server. */
  concurrency: number;
  /** Jobs waiting for a free slot; one more is refused at once with BUSY (HTTP 429). */
  queue: number;
  /** The longest a job waits in the queue before it is refused with BUSY. */
  waitSeconds: number;
  /** The longest OCR of one scan may take, all pages together (wall-clock seconds). */
  ocrSeconds: number;
}

/** A sandbox process holds about 120 MB of data once node, the TypeScript loader and the parser are loaded. */
export const MIN_MEMORY_MB = 256;

const DEFAULTS: SandboxSettings = {
  memoryMb: 512,
  seconds: 20,
  concurrency: 2,
  queue: 2,
  waitSeconds: 20,
  ocrSeconds: 180,
};

/**
 * The settings from the environment: DUBAN_PARSE_MEMORY_MB (512), DUBAN_PARSE_SECONDS (20),
 * DUBAN_PARSE_CONCURRENCY (2), DUBAN_PARSE_QUEUE (2), DUBAN_PARSE_WAIT_SECONDS (20),
 * DUBAN_OCR_SECONDS (180). A value that
 * is not a positive number keeps the default (a server must start even with a typo here).
 */
export function sandboxSettings(env: NodeJS.ProcessEnv = process.env): SandboxSettings {
  const read = (name: string, fallback: number, min: number): number => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value >= min ? value : fallback;
  };
  return {
    memoryMb: Math.floor(read('DUBAN_PARSE_MEMORY_MB', DEFAULTS.memoryMb, MIN_MEMORY_MB)),
    seconds: read('DUBAN_PARSE_SECONDS', DEFAULTS.seconds, 1),
    concurrency: Math.floor(read('DUBAN_PARSE_CONCURRENCY', DEFAULTS.concurrency, 1)),
    queue: Math.floor(read('DUBAN_PARSE_QUEUE', DEFAULTS.queue, 0)),
    waitSeconds: read('DUBAN_PARSE_WAIT_SECONDS', DEFAULTS.waitSeconds, 0),
    ocrSeconds: read('DUBAN_OCR_SECONDS', DEFAULTS.ocrSeconds, 1),
  };
}
