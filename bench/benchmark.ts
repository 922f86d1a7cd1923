import { join } from 'node:path';

/** One line of the results table: what was measured, the figure, and the goal it is held to. */
export interface BenchRow {
  measure: string;
  /** The figure as printed, with its unit. */
  value: string;
  /** The goal in words, e.g. "≥ 10 MB/s"; absent for figures given for information. */
  goal?: string;
  met?: boolean;
  /** Unrounded numbers for results/latest.json, so runs can be compared later. */
  raw?: Record<string, number>;
}

/** A named benchmark module; bench/run.ts runs every one it lists. */
export interface Benchmark {
  name: string;
  run: () => Promise<BenchRow[]>;
}

/** Median wall time in seconds of `fn`, after warm-up runs so the JIT has settled. */
export function medianSeconds(
  fn: () => void,
  options: { warmup: number; runs: number; minSampleMs?: number },
): number {
  for (let i = 0; i < options.warmup; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < options.runs; r++) {
    // Tiny inputs are repeated within a sample so timer resolution does not dominate.
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    do {
      fn();
      calls++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    } while (elapsed * 1000 < (options.minSampleMs ?? 0));
    samples.push(elapsed / calls);
  }
  samples.sort((a, b) => a - b);
  const mid = Math.floor(samples.length / 2);
  return samples.length % 2 === 1 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
}

/** The Yunxi 2024 notice, the reference input of the parser and reader benchmarks. */
export const YUNXI_PATH = join(
  import.meta.dirname,
  '..',
  'test',
  'fixtures',
  'notices',
  'yunxi-2024-jiaoti-gongzuo-yaodian.txt',
);
