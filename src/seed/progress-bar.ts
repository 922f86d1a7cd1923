import type { SeedProgress } from './seed-scale.ts';

/** A stream the bar writes to (process.stderr, or a test's collector). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Formats seconds as 1小时2分 / 3分4秒 / 5秒. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60)}分`;
  if (s >= 60) return `${Math.floor(s / 60)}分${s % 60}秒`;
  return `${s}秒`;
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * A progress display for `duban seed`: on a terminal one line redrawn in place (bar, plan-years,
 * rows, rows per second, time left); otherwise a plain line every 10 seconds and at the end, so a
 * log file stays readable.
 */
export function progressBar(
  stream: ProgressStream,
  now: () => number = () => Date.now(),
): (p: SeedProgress) => void {
  const started = now();
  let lastPlain = started;
  return (p) => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? p.rows / elapsed : 0;
    const left = p.done > 0 ? (elapsed / p.done) * (p.total - p.done) : 0;
    const figures = `${p.done}/${p.total} 个年度计划  ${number(p.rows)} 条记录  ${number(rate)} 条/秒  剩余约 ${formatDuration(left)}`;
    if (stream.isTTY) {
      const width = 24;
      const filled = Math.round((p.done / Math.max(1, p.total)) * width);
      const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${figures}  ${p.label}`;
      stream.write(
        `\r\x1b[K${line.slice(0, Math.max(40, (stream.columns ?? 120) - 1))}${p.done === p.total ? '\n' : ''}`,
      );
      return;
    }
    if (p.done === p.total || now() - lastPlain >= 10_000) {
      lastPlain = now();
      stream.write(`生成进度：${figures}（${p.label}）\n`);
    }
  };
}
