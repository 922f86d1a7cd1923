import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { balanceBenchmark } from './balance.bench.ts';
import type { Benchmark, BenchRow } from './benchmark.ts';
import { dbBenchmark } from './db.bench.ts';
import { httpBenchmark } from './http.bench.ts';
import { parseBenchmark } from './parse.bench.ts';
import { readOcrBenchmark } from './read-formats-ocr.bench.ts';
import { readOfdBenchmark } from './read-formats-ofd.bench.ts';
import { oleBenchmark } from './read-formats-ole.bench.ts';
import { remindersBenchmark } from './reminders.bench.ts';
import { webBenchmark } from './web.bench.ts';

// One line per benchmark module.
const BENCHMARKS: Benchmark[] = [
  parseBenchmark,
  oleBenchmark,
  readOfdBenchmark,
  readOcrBenchmark,
  dbBenchmark,
  httpBenchmark,
  webBenchmark,
  remindersBenchmark,
  balanceBenchmark,
];

// `npm run bench -- parse` runs only the named benchmarks; `--quick` skips the province scale.
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const selected = BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name));
if (selected.length === 0) {
  console.error(`没有名为 ${only.join('、')} 的基准测试；可用：${BENCHMARKS.map((b) => b.name).join('、')}`);
  process.exit(2);
}

const results: { benchmark: string; rows: BenchRow[] }[] = [];
for (const benchmark of selected) {
  process.stderr.write(`running ${benchmark.name} …\n`);
  results.push({ benchmark: benchmark.name, rows: await benchmark.run() });
}

const table = [
  '| benchmark | measure | value | goal | result |',
  '|---|---|---|---|---|',
  ...results.flatMap(({ benchmark, rows }) =>
    rows.map((r) => `| ${benchmark} | ${r.measure} | ${r.value} | ${r.goal ?? ''} | ${verdict(r)} |`),
  ),
];
console.log(table.join('\n'));

const outDir = join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
const environment = { node: process.version, platform: process.platform, cpu: cpus()[0]?.model ?? 'unknown' };
const report = { at: new Date().toISOString(), environment, results };
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\n${environment.cpu}, Node ${environment.node}; written to bench/results/latest.json`);

function verdict(row: BenchRow): string {
  if (row.met === undefined) return '';
  return row.met ? 'goal met' : '**goal not met**';
}
