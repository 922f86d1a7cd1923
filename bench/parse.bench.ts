import { readFileSync } from 'node:fs';
import { parseNoticeText } from '../src/notice/parse-notice.ts';
import { type Benchmark, type BenchRow, medianSeconds, YUNXI_PATH } from './benchmark.ts';
import { generateNotice } from './generate-notice.ts';

const MB = 1_000_000;
const MIN_MB_PER_S = 10;
const MAX_GROWTH = 12;

/** Parser throughput on the real notice and a generated 5 MB one, and how time grows with size. */
export const parseBenchmark: Benchmark = {
  name: 'parse',
  run: async () => {
    const yunxi = readFileSync(YUNXI_PATH, 'utf8');
    const small = generateNotice(yunxi, 0.5 * MB);
    const large = generateNotice(yunxi, 5 * MB);
    const rows: BenchRow[] = [];

    const tYunxi = medianSeconds(() => parseNoticeText(yunxi), { warmup: 20, runs: 9, minSampleMs: 100 });
    rows.push(throughputRow('Yunxi notice', yunxi, tYunxi));
    const tSmall = medianSeconds(() => parseNoticeText(small.text), { warmup: 2, runs: 7 });
    rows.push(throughputRow(`generated ${small.items}-item notice`, small.text, tSmall));
    const tLarge = medianSeconds(() => parseNoticeText(large.text), { warmup: 1, runs: 5 });
    rows.push(throughputRow(`generated ${large.items}-item notice`, large.text, tLarge));

    const sizeRatio = Buffer.byteLength(large.text) / Buffer.byteLength(small.text);
    const growth = tLarge / tSmall;
    rows.push({
      measure: `time growth 0.5 MB → 5 MB (${sizeRatio.toFixed(1)}x input)`,
      value: `${growth.toFixed(1)}x`,
      goal: `≤ ${MAX_GROWTH}x`,
      met: growth <= MAX_GROWTH,
      raw: { growth, sizeRatio },
    });

    // A benchmark of a parser that gave up on the input would measure nothing, so check it read it all.
    const parsed = parseNoticeText(large.text);
    const found = parsed.sections.reduce((n, s) => n + s.items.length, 0);
    rows.push({
      measure: 'generated 5 MB notice: sections / items found',
      value: `${parsed.sections.length} / ${found}`,
      goal: `${large.sections} / ${large.items}`,
      met: parsed.sections.length === large.sections && found === large.items,
    });
    return rows;
  },
};

function throughputRow(label: string, text: string, seconds: number): BenchRow {
  const bytes = Buffer.byteLength(text);
  const mbPerS = bytes / MB / seconds;
  return {
    measure: `${label} (${formatSize(bytes)}), ${formatTime(seconds)} per parse`,
    value: `${mbPerS.toFixed(1)} MB/s`,
    goal: `≥ ${MIN_MB_PER_S} MB/s`,
    met: mbPerS >= MIN_MB_PER_S,
    raw: { bytes, seconds, mbPerS },
  };
}

function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} KB`;
}

function formatTime(seconds: number): string {
  return seconds >= 1 ? `${seconds.toFixed(2)} s` : `${(seconds * 1000).toFixed(2)} ms`;
}
