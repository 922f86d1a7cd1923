import { pathToFileURL } from 'node:url';
import { readOfd } from '../src/notice/read-ofd.ts';
import { textLines, yunxiText } from '../test/readers/notice-builders.ts';
import { buildOfd, type OfdOptions } from '../test/readers/ofd-writer.ts';
import { type Benchmark, type BenchRow, medianSeconds } from './benchmark.ts';
import { generateNotice } from './generate-notice.ts';

// The OFD reader (src/notice/read-ofd.ts) in process: the Yunxi notice written as an OFD by each
// kind of producer, and how time grows from a generated notice to one ten times its size.
// Run alone: `npx tsx bench/read-formats-ofd.bench.ts`.

const MB = 1_000_000;
/** A notice is read once per upload; reading it should cost less than the round trip around it. */
const MAX_YUNXI_MS = 50;
const MAX_GROWTH = 15;

/** readOfd on the Yunxi notice in each producer layout, and its growth from a 0.2 MB to a 2 MB notice. */
export const readOfdBenchmark: Benchmark = {
  name: 'read-ofd',
  run: async () => {
    const yunxi = yunxiText();
    const lines = textLines(yunxi);
    const rows: BenchRow[] = [];
    const layouts: Array<[string, OfdOptions]> = [
      ['a TextCode per line', { style: 'per-line' }],
      ['a TextCode per character', { style: 'per-character' }],
      [
        'lines split over TextObjects, with a footer template',
        { style: 'split', footer: '云溪区教育体育局印发' },
      ],
    ];
    for (const [label, options] of layouts) {
      const ofd = buildOfd(lines, options);
      const seconds = medianSeconds(() => readOfd(ofd), { warmup: 20, runs: 15, minSampleMs: 100 });
      const ms = seconds * 1000;
      rows.push({
        measure: `Yunxi notice as an OFD, ${label} (${(ofd.length / 1000).toFixed(1)} KB), median of 15`,
        value: `${ms.toFixed(2)} ms`,
        goal: `≤ ${MAX_YUNXI_MS} ms`,
        met: ms <= MAX_YUNXI_MS,
        raw: { bytes: ofd.length, seconds },
      });
    }

    const small = buildOfd(textLines(generateNotice(yunxi, 0.2 * MB).text), { style: 'per-character' });
    const large = buildOfd(textLines(generateNotice(yunxi, 2 * MB).text), { style: 'per-character' });
    const tSmall = medianSeconds(() => readOfd(small), { warmup: 2, runs: 7 });
    const tLarge = medianSeconds(() => readOfd(large), { warmup: 1, runs: 5 });
    const growth = tLarge / tSmall;
    rows.push({
      measure: `generated 2 MB notice as an OFD, a TextCode per character (${(large.length / MB).toFixed(1)} MB zipped)`,
      value: `${(tLarge * 1000).toFixed(0)} ms`,
      raw: { bytes: large.length, seconds: tLarge },
    });
    rows.push({
      measure: 'time growth 0.2 MB → 2 MB of notice text (10x input)',
      value: `${growth.toFixed(1)}x`,
      goal: `≤ ${MAX_GROWTH}x`,
      met: growth <= MAX_GROWTH,
      raw: { growth },
    });
    return rows;
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await readOfdBenchmark.run())
    console.log(
      `${row.met === false ? '✗' : '✓'} ${row.measure}: ${row.value}${row.goal ? ` (goal ${row.goal})` : ''}`,
    );
}
